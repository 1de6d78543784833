import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { CorrespondenceReport } from './report.model';
import { escapeBlock, escapeInline } from './markdown-escape';
import { renderMarkdown } from './render-markdown';
import { Commissions } from './commission';
import { COMMISSIONS_PATH, SEED_TEXT_PATH, seedReport as seedReportOf } from './testing/seed-report';

/** What a reader's viewer makes of the Markdown: CommonMark with HTML, links and GFM tables on. */
const viewer = new MarkdownIt({ html: true, linkify: false });
const html = (md: string) => viewer.render(md);

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[pulse aquí](javascript:alert(1))',
  '![rastreo](https://atacante.example/p.png)',
  '<https://atacante.example>',
  '**urgente** _falso_ `código` ~~tachado~~',
  '# Encabezado falso',
  '1. lista falsa',
  '> cita falsa',
  '| a | b |\n|---|---|\n| c | d |',
  'línea\n\n## Sección inyectada',
];

describe('Markdown escaping of what operators typed', () => {
  it.each(HOSTILE)('renders %j as its own words, with no tag, link, image or block of its own', (text) => {
    const asTyped = viewer.utils.escapeHtml(text.replace(/\s*\n+\s*/g, ' '));
    // Inside a line we wrote, and as a line of its own: one paragraph with no element in it,
    // the text as typed (line breaks folded), as text.
    for (const [rendered, prefix] of [
      [html(`Asunto: ${escapeInline(text)}`), 'Asunto: '],
      [html(escapeBlock(text)), ''],
    ]) {
      expect(rendered).toMatch(/^<p>[^<]*<\/p>\n$/);
      expect(rendered.replace(/^<p>|<\/p>\n$/g, '')).toBe(prefix + asTyped);
    }
  });

  it('keeps the commission’s numbered list and its sections, with a hostile title inside them', () => {
    const title = '<img src=x onerror=alert(1)> [clic](javascript:alert(1))\n# Falso';
    const seed = seedReportOf(
      readFileSync(join(__dirname, 'testing', SEED_TEXT_PATH), 'utf8'),
      Commissions.from(JSON.parse(readFileSync(join(__dirname, 'testing', COMMISSIONS_PATH), 'utf8'))),
    );
    const report: CorrespondenceReport = {
      ...seed,
      commission: { ...seed.commission, place: 'Chilpancingo, Guerrero' },
      received: [
        {
          number: 'INE/UTSI/0923/2024',
          date: '2024-02-19',
          oficio: { ...seed.received[0].oficio, subject: `la guía ${title}` },
        },
      ],
      documents: [{ ...seed.documents[0], title }],
    };
    const rendered = html(renderMarkdown(report));
    expect(rendered).not.toMatch(/<img|<a |<script|<h1>Falso/);
    expect(rendered).toContain(
      '<ol>\n<li>19 de febrero de 2024, oficio INE/UTSI/0923/2024, mediante el cual remite la guía &lt;img src=x onerror=alert(1)&gt; [clic](javascript:alert(1)) # Falso.</li>\n</ol>',
    );
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered).toContain('Entregable 11, proyecto de &lt;img src=x onerror=alert(1)&gt;');
  });
});
