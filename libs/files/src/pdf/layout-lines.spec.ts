import { type GlyphRun, type PdfPage, layoutPages } from './layout-lines';

const run = (text: string, x: number, y: number, size = 10): GlyphRun => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
});
const page = (runs: GlyphRun[]): PdfPage => ({ width: 612, height: 792, runs });
/** Rows of a three-column table: [baseline, cell, cell, cell], the columns at x = 56, 180 and 330. */
const table = (rows: Array<[number, string, string, string]>) =>
  rows.flatMap(([y, ...cells]) => cells.map((text, i) => run(text, [56, 180, 330][i], y)));

describe('rebuilding text from glyph positions', () => {
  it('reads runs on one baseline left to right, whatever order the PDF stores them in', () => {
    const { text } = layoutPages([
      page([run('oficio', 85, 700), run('1.', 72, 700.8), run('INE/UTSI/0923/2024', 117, 700)]),
    ]);
    expect(text).toBe('1. oficio INE/UTSI/0923/2024');
  });

  it('separates table cells by their gap and folds a wrapped row (number split after its slash) into it', () => {
    const { text } = layoutPages([
      page(
        table([
          [700, 'Fecha', 'Oficio', 'Asunto'],
          [680, '19 de febrero de', 'INE/', 'remite el manual'],
          [668, '2024', 'UTSI/0923/2024', 'de inconsistencias'],
          [640, '20 de febrero de 2024', 'INE/UTSI/1000/2024', 'informa'],
        ]),
      ),
    ]);
    expect(text.split('\n')).toEqual([
      'Fecha | Oficio | Asunto',
      '',
      '19 de febrero de 2024 | INE/UTSI/0923/2024 | remite el manual de inconsistencias',
      '',
      '20 de febrero de 2024 | INE/UTSI/1000/2024 | informa',
    ]);
  });

  it('drops running headers and page footers that repeat on most pages, and says so', () => {
    const pages = [1, 2, 3].map((n) =>
      page([run('Comisión del PREP', 56, 770), run(`entrada ${n}`, 56, 400), run(`Página ${n} de 3`, 56, 30)]),
    );
    const { text, notes } = layoutPages(pages);
    expect(text).toBe('entrada 1\n\nentrada 2\n\nentrada 3');
    expect(notes).toEqual([
      'se omitieron encabezados y pies de página repetidos: «Comisión del PREP», «Página # de #»',
    ]);
  });

  it('keeps a line in the margin that appears on one page only', () => {
    const { text, notes } = layoutPages([page([run('Oficio único', 56, 770)]), page([run('otra', 56, 400)])]);
    expect(text).toBe('Oficio único\n\notra');
    expect(notes).toEqual([]);
  });
});

describe('a line typed with its columns aligned by spaces', () => {
  it('is split at its runs of spaces, each piece at its x, and a continuation indented by spaces joins its row', () => {
    const mono = (text: string, y: number): GlyphRun => ({ text, x: 40, y, width: text.length * 6, size: 10 });
    const { text } = layoutPages([
      page([
        mono('04/03/2024   INE/UTSI/1270/2024   Hace llegar sus comentarios', 700),
        mono('                                  al Acuerdo de publicación.', 688),
      ]),
    ]);
    expect(text).toBe('04/03/2024 | INE/UTSI/1270/2024 | Hace llegar sus comentarios al Acuerdo de publicación.');
  });

  const mono = (text: string, y: number): GlyphRun => ({ text, x: 40, y, width: text.length * 6, size: 10 });

  it('makes a row of each line that fills the first column, though it leaves the last (a fecha límite) empty', () => {
    const { text } = layoutPages([
      page([
        mono('Control de correspondencia', 740),
        mono('Fecha        Oficio                 Asunto                 Fecha límite', 716),
        mono('04/03/2024   INE/UTSI/1270/2024     Hace llegar sus', 703),
        mono('                                    comentarios.', 690),
        mono('11/03/2024   INE/UTSI/1444/2024     Solicita el informe    25/03/2024', 677),
        mono('18/03/2024   INE/UTSI/1601/2024     Remite el documento', 664),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'Control de correspondencia',
      '',
      'Fecha | Oficio | Asunto | Fecha límite',
      '04/03/2024 | INE/UTSI/1270/2024 | Hace llegar sus comentarios.',
      '11/03/2024 | INE/UTSI/1444/2024 | Solicita el informe | 25/03/2024',
      '18/03/2024 | INE/UTSI/1601/2024 | Remite el documento',
    ]);
  });

  it('folds a wrapped first cell into its row, but neither a paragraph after the table nor a line past the first column', () => {
    const { text } = layoutPages([
      page([
        mono('Entregable                               Fecha límite', 716),
        mono('Informe del mes de marzo sobre el        5 de abril de 2024', 703),
        mono('avance del PREP', 690),
        mono('Versión final del Plan de Seguridad      7 de abril de 2024', 677),
        mono('Sin otro particular, un saludo.', 640),
      ]),
      page([mono('4   21/03/2024   se generan observaciones', 703), mono('adicionales.', 690)]),
    ]);
    expect(text.split('\n')).toEqual([
      'Entregable | Fecha límite',
      'Informe del mes de marzo sobre el avance del PREP | 5 de abril de 2024',
      'Versión final del Plan de Seguridad | 7 de abril de 2024',
      '',
      'Sin otro particular, un saludo.',
      '',
      '4 | 21/03/2024 | se generan observaciones',
      'adicionales.',
    ]);
  });

  // The page is 612 pt wide and its text starts at x = 40: its lines wrap at x = 572 (88 characters).
  it('ends a row with the word that wrapped past the right margin to a line of its own (a heading’s "Fecha límite")', () => {
    const { text } = layoutPages([
      page([
        mono('Fecha'.padEnd(13) + 'Oficio'.padEnd(23) + 'Asunto'.padEnd(44) + 'Fecha', 716),
        mono('límite', 703),
        mono(
          '04/03/2024'.padEnd(13) + 'INE/UTSI/1270/2024'.padEnd(23) + 'Solicita el informe'.padEnd(44) + '25/03/24',
          690,
        ),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'Fecha | Oficio | Asunto | Fecha límite',
      '04/03/2024 | INE/UTSI/1270/2024 | Solicita el informe | 25/03/24',
    ]);
  });

  it('makes a cell of the row’s last one that wrapped to the margin, when the row goes on below it', () => {
    const { text } = layoutPages([
      page([
        mono('5'.padEnd(5) + '15/03/2024'.padEnd(14) + 'INE/UTSI/1498/2024'.padEnd(22) + 'Remite observaciones', 716),
        mono('22/03/2024', 703),
        mono(' '.repeat(41) + 'a los proyectos de Plan de Seguridad.', 690),
        mono(
          '6'.padEnd(5) + '21/03/2024'.padEnd(14) + 'INE/UTSI/1702/2024'.padEnd(22) + 'Se tienen por atendidas',
          677,
        ),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '5 | 15/03/2024 | INE/UTSI/1498/2024 | Remite observaciones a los proyectos de Plan de Seguridad. | 22/03/2024',
      '6 | 21/03/2024 | INE/UTSI/1702/2024 | Se tienen por atendidas',
    ]);
  });

  it('folds nothing into a page footer printed between rows ("… | Página 1 de 2")', () => {
    const { text } = layoutPages([
      page([
        mono('3'.padEnd(5) + '19/02/2024'.padEnd(14) + 'INE/UTSI/0655/2024'.padEnd(22) + 'Se hace llegar', 716),
        mono('Registro de control'.padEnd(60) + 'Página 1 de 2', 703),
        mono('INSTITUTO ELECTORAL', 690),
        mono('4'.padEnd(5) + '27/02/2024'.padEnd(14) + 'INE/UTSI/0790/2024'.padEnd(22) + 'Recordatorio', 677),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '3 | 19/02/2024 | INE/UTSI/0655/2024 | Se hace llegar',
      'Registro de control | Página 1 de 2',
      'INSTITUTO ELECTORAL',
      '4 | 27/02/2024 | INE/UTSI/0790/2024 | Recordatorio',
    ]);
  });
});
