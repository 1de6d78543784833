import { parseInline, parseMarkdown, plainText } from './markdown';

describe('the report’s Markdown, read for the preview', () => {
  it('reads headings, bold and italic paragraphs, a rule, numbered entries with nested items, hard breaks', () => {
    const blocks = parseMarkdown(
      [
        '**Comisión Especial de Seguimiento**',
        '',
        '# INFORME 009/CESIOPREP',
        '',
        '1. 22 de febrero de 2024, oficio INE/UTSI/1121/2024, mediante el cual…',
        '   - Estado: con observaciones',
        '',
        '2. 4 de marzo de 2024, oficio INE/UTSI/1240/2024.',
        '',
        '---',
        '',
        '_Nota al pie_',
        '',
        '**Mtra. Fulana**\\',
        'Secretaria Técnica',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'rule', 'paragraph', 'paragraph']);
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'strong', children: [{ type: 'text', text: 'Comisión Especial de Seguimiento' }] }],
    });
    expect(blocks[1]).toEqual({
      type: 'heading',
      level: 1,
      content: [{ type: 'text', text: 'INFORME 009/CESIOPREP' }],
    });
    const list = blocks[2] as Extract<(typeof blocks)[number], { type: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => i.label)).toEqual(['1.', '2.']);
    expect(list.items[0].items.map(plainText)).toEqual(['Estado: con observaciones']);
    expect(blocks[4]).toEqual({
      type: 'paragraph',
      content: [{ type: 'em', children: [{ type: 'text', text: 'Nota al pie' }] }],
    });
    const signature = (blocks[5] as { content: Parameters<typeof plainText>[0] }).content;
    expect(signature.map((i) => i.type)).toEqual(['strong', 'break', 'text']);
  });

  it('keeps escaped characters as text: an operator’s title makes no markup', () => {
    expect(parseInline('Plan \\*urgente\\* \\_v2\\_ \\[x\\](y)')).toEqual([
      { type: 'text', text: 'Plan *urgente* _v2_ [x](y)' },
    ]);
    expect(parseMarkdown('\\# no es título')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '# no es título' }] },
    ]);
    expect(parseMarkdown('1\\. no es lista')[0].type).toBe('paragraph');
    expect(plainText(parseInline('<b>hola</b> & **ya**'))).toBe('<b>hola</b> & ya');
    // An unclosed marker is only a character.
    expect(parseInline('2 * 3')).toEqual([{ type: 'text', text: '2 * 3' }]);
  });
});
