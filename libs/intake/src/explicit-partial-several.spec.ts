import { planIngest } from './ingest-plan';
import { parseCorrespondence } from './parse-correspondence';
import { formatReportEntry } from './summary';

/**
 * Issue 15, items 3–5, as INE writes them: the number said beats the title, a reminder partly
 * read is recorded in part, and one oficio about two entregables is said to be about both.
 */
const TEXT = [
  'Correspondencia recibida del 10 al 30 de abril de 2024:',
  '1. 12 de abril de 2024, oficio INE/UTSI/1702/2024, mediante el cual solicita remita a la UTSI el Informe general del desempeño en todos los simulacros, a más tardar el 10 de junio de 2024.',
  '2. 15 de abril de 2024, oficio INE/UTSI/1733/2024, mediante el cual solicita remita a la UTSI el instrumento jurídico que se celebre con el tercero y su anexo técnico, a fin de dar cumplimiento con lo establecido en el numeral 33, documento 34 del Anexo 13 del RE.',
  '3. 16 de abril de 2024, oficio INE/UTSI/1740/2024, mediante el cual informa que relativo a la remisión del entregable 27, se tiene por recibido y no se generan observaciones.',
  '4. 18 de abril de 2024, oficio INE/UTSI/1761/2024, mediante el cual remite diversas observaciones a los proyectos de acuerdo por los que se determina el número de actualizaciones por hora de los datos y de las bases de datos.',
  '5. 20 de abril de 2024, oficio INE/UTSI/1790/2024, mediante el cual se hace un atento recordatorio de los entregables correspondientes al mes de mayo, siendo los siguientes:',
  '• Informe del mes de abril sobre el avance en la implementación y operación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024).',
  '• Versión final del Informe de evaluación de la ejecución de la prueba (Con plazo máximo de remisión al 10 de mayo de 2024).',
  '• Lineamientos de capacitación del personal de los centros de captura (Con plazo máximo de remisión al 12 de mayo de 2024).',
  '6. 22 de abril de 2024, oficio INE/UTSI/1801/2024, mediante el cual solicita remita a la UTSI los proyectos de acuerdo de los entregables 18 y 19 del lineamiento 33, a más tardar el 26 de abril de 2024.',
  '7. 25 de abril de 2024, oficio INE/UTSI/1822/2024, mediante el cual se hace un atento recordatorio de los entregables siguientes:',
  '• Protocolo de limpieza de equipos (Con plazo máximo de remisión al 30 de abril de 2024).',
  '• Programa de capacitación (Con plazo máximo de remisión al 2 de mayo de 2024).',
  '8. 29 de abril de 2024, oficio INE/UTSI/1850/2024, mediante el cual informa que relativo a la remisión del instrumento jurídico que se celebró con el tercero, requerido mediante oficio INE/UTSI/1733/2024, se tiene por recibido y no se generan observaciones.',
].join('\n');

describe('explicit beats inferred, partial beats nothing, several are several', () => {
  const { oficios, warnings } = parseCorrespondence(TEXT, { ople: 'GRO' });
  const by = (n: string) => oficios.find((o) => o.number === `INE/UTSI/${n}/2024`)!;

  it('reads the eight oficios', () => {
    expect(oficios.map((o) => [o.number, o.kind])).toEqual([
      ['INE/UTSI/1702/2024', 'REQUEST'],
      ['INE/UTSI/1733/2024', 'REQUEST'],
      ['INE/UTSI/1740/2024', 'REVIEW'],
      ['INE/UTSI/1761/2024', 'REVIEW'],
      ['INE/UTSI/1790/2024', 'REMINDER'],
      ['INE/UTSI/1801/2024', 'REQUEST'],
      ['INE/UTSI/1822/2024', 'REMINDER'],
      ['INE/UTSI/1850/2024', 'REVIEW'],
    ]);
  });

  it('recognises entregable 27 by its official title', () => {
    expect(by('1702')).toMatchObject({
      deliverable: 27,
      deliverables: [27],
      needsReview: false,
      deadline: '2024-06-10',
    });
  });

  it('takes "numeral 33, documento 34" as the entregable, and notes what the title suggests', () => {
    expect(by('1733')).toMatchObject({ deliverable: 34, deliverables: [34], needsReview: false });
    expect(planIngest(by('1733'), 'GRO')).toMatchObject({
      door: 'INE',
      input: { kind: 'REQUEST', deliverable: 34 },
      assumptions: [],
    });
    expect(warnings).toEqual([
      'oficio INE/UTSI/1733/2024: dice expresamente el entregable 34, aunque su asunto parece el entregable 10; se toma el 34, como dice el oficio.',
      'oficio INE/UTSI/1850/2024: responde al oficio INE/UTSI/1733/2024, que dice el entregable 34; se toma el 34 (su asunto parece el entregable 10).',
    ]);
  });

  it('follows the chain: the receipt of what 1733 asked for is about entregable 34 too', () => {
    expect(by('1850')).toMatchObject({
      outcome: 'ACCEPTED',
      references: ['INE/UTSI/1733/2024'],
      deliverable: 34,
      deliverables: [34],
    });
    expect(by('1850').summary).toContain('(entregable 34)');
  });

  it('takes "entregable 27" as said, with nothing else to go on', () => {
    expect(by('1740')).toMatchObject({ outcome: 'ACCEPTED', deliverable: 27 });
    expect(planIngest(by('1740'), 'GRO')).toMatchObject({
      door: 'INE',
      input: { kind: 'REVIEW', deliverable: 27, versionKind: 'FINAL' },
    });
  });

  it('reads one review about the updates per hour of the data and of the databases as about 18 and 19', () => {
    const o = by('1761');
    expect(o).toMatchObject({
      outcome: 'OBSERVATIONS',
      deliverable: 18,
      deliverables: [18, 19],
      deliverableVersion: 'PROYECTO',
      needsReview: false,
    });
    // Rule 3: the review is recorded on the document of each entregable, with the same number.
    const step = planIngest(o, 'GRO');
    expect(step).toMatchObject({
      door: 'INE',
      each: [
        { oficioNumber: 'INE/UTSI/1761/2024', outcome: 'OBSERVATIONS', deliverable: 18, versionKind: 'PROYECTO' },
        { oficioNumber: 'INE/UTSI/1761/2024', outcome: 'OBSERVATIONS', deliverable: 19, versionKind: 'PROYECTO' },
      ],
      assumptions: ['el oficio trata de los entregables 18 y 19; se anota en el documento de cada uno'],
    });
    // The report says both, and reads back as both.
    const entry = formatReportEntry(o, 3);
    expect(entry).toContain('(entregables 18 y 19, proyecto)');
    expect(parseCorrespondence(entry).oficios[0]).toMatchObject({
      deliverable: 18,
      deliverables: [18, 19],
      deliverableVersion: 'PROYECTO',
    });
  });

  it('records a request about two entregables with the first, and says so', () => {
    expect(by('1801')).toMatchObject({ deliverables: [18, 19], deadline: '2024-04-26' });
    expect(planIngest(by('1801'), 'GRO')).toMatchObject({
      door: 'INE',
      input: { kind: 'REQUEST', deliverable: 18, dueDate: '2024-04-26' },
      assumptions: ['el oficio trata de los entregables 18 y 19; se anota con el entregable 18'],
    });
  });

  it('records the items of a reminder it could read; only the unknown one waits, with its words and why', () => {
    const o = by('1790');
    expect(o.items.map((i) => [i.deliverable, i.dueDate])).toEqual([
      [3, '2024-05-05'],
      [23, '2024-05-10'],
      [null, '2024-05-12'],
    ]);
    expect(o).toMatchObject({ needsReview: false, reviewReasons: [] });
    expect(o.itemsForReview).toEqual([
      'no se reconoce el entregable «Lineamientos de capacitación del personal de los centros de captura»',
    ]);
    expect(o.confidence).toBeLessThan(1);
    expect(planIngest(o, 'GRO')).toEqual({
      door: 'INE',
      input: {
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1790/2024',
        date: '2024-04-20',
        references: [],
        kind: 'REMINDER',
        items: [
          {
            deliverable: 3,
            versionKind: 'FINAL',
            title: 'Informe del mes de abril sobre el avance en la implementación y operación del PREP',
            dueDate: '2024-05-05',
          },
          {
            deliverable: 23,
            versionKind: 'FINAL',
            title: 'Versión final del Informe de evaluación de la ejecución de la prueba',
            dueDate: '2024-05-10',
          },
        ],
      },
      assumptions: [
        'queda para revisión «Lineamientos de capacitación del personal de los centros de captura»: no se reconoce el entregable; se registran los otros 2 elementos del recordatorio',
      ],
      pending: [
        {
          title: 'Lineamientos de capacitación del personal de los centros de captura',
          reason: 'no se reconoce el entregable',
        },
      ],
    });
  });

  it('leaves a reminder none of whose items it can place to a person, whole', () => {
    const o = by('1822');
    expect(o.needsReview).toBe(true);
    expect(o.reviewReasons).toEqual([
      'no se reconoce el entregable «Protocolo de limpieza de equipos»',
      'no se reconoce el entregable «Programa de capacitación»',
    ]);
    expect(o.itemsForReview).toEqual([]);
    expect(planIngest(o, 'GRO').door).toBe('NONE');
  });
});
