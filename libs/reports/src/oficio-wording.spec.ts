import type { SummaryInput } from '@seguimiento/intake';
import { parseCorrespondence } from '@seguimiento/intake';
import { wordOficio, wordSentOficio } from './oficio-wording';
import { articleOf, nominalize, sentenceCase } from './spanish';

/** An oficio as the gateway folds it from the log (oficio-facts): subjects are document titles or request subjects. */
const fact = (o: Partial<SummaryInput>): SummaryInput => ({
  kind: null,
  outcome: null,
  additionalObservations: null,
  references: [],
  deliverable: null,
  deliverableVersion: null,
  subject: null,
  deadline: null,
  items: [],
  meeting: null,
  ...o,
});

/** The entry as the report prints it, read back by the intake parser. */
const readBack = (number: string, o: SummaryInput) => {
  const w = wordOficio(o);
  const text = [`1. 15 de marzo de 2024, oficio ${number}, ${w.text}`, ...w.items.map((i) => `• ${i}`)].join('\n');
  const [read] = parseCorrespondence(text).oficios;
  return { text, read };
};

describe('how the report words an oficio (the seed’s chains, as the log records them)', () => {
  it('1581: a request answered is "la remisión de …, requerido mediante oficio …", never "relativo a remita"', () => {
    const o = fact({
      kind: 'REVIEW',
      outcome: 'ACCEPTED',
      additionalObservations: false,
      references: ['INE/UTSI/1376/2024'],
      deliverable: 34,
      subject: 'remita a la UTSI el instrumento jurídico que se celebre con el tercero y su anexo técnico',
    });
    const { text, read } = readBack('INE/UTSI/1581/2024', o);
    // The seed: "informa que relativo a la remisión del instrumento jurídico …, requerido mediante oficio INE/UTSI/1376/2024, se tiene por recibido y no se generan observaciones."
    expect(text).toContain(
      'mediante el cual informa que, relativo a la remisión del instrumento jurídico que se celebre con el tercero y su anexo técnico (entregable 34), requerido mediante oficio INE/UTSI/1376/2024, se tiene por recibido y no se generan observaciones.',
    );
    expect(text).not.toMatch(/relativo a remita|a la UTSI/);
    expect(read).toMatchObject({
      kind: 'REVIEW',
      outcome: 'ACCEPTED',
      references: ['INE/UTSI/1376/2024'],
      deliverable: 34,
    });
  });

  it('1121: a catalogue title in sentence case, with its article and version ("al proyecto de prototipo navegable …")', () => {
    const o = fact({
      kind: 'REVIEW',
      outcome: 'PARTIALLY_ADDRESSED',
      additionalObservations: true,
      references: ['INE/UTSI/0451/2024'],
      deliverable: 11,
      deliverableVersion: 'PROYECTO',
      subject: 'Prototipo navegable del sitio de publicación y formato de base de datos',
    });
    const { text, read } = readBack('INE/UTSI/1121/2024', o);
    expect(text).toContain(
      'mediante el cual informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024 relativas al proyecto de prototipo navegable del sitio de publicación y formato de base de datos (entregable 11), y se generan observaciones adicionales.',
    );
    expect(read).toMatchObject({
      outcome: 'PARTIALLY_ADDRESSED',
      additionalObservations: true,
      deliverable: 11,
      deliverableVersion: 'PROYECTO',
    });
  });

  it('1485: a final version, its title as the reminder wrote it in capitals ("la versión final del plan …")', () => {
    const o = fact({
      kind: 'REVIEW',
      outcome: 'ACCEPTED',
      additionalObservations: false,
      deliverable: 16,
      deliverableVersion: 'FINAL',
      subject: 'Versión Final del Plan de Seguridad y Plan de Continuidad',
    });
    const { text, read } = readBack('INE/UTSI/1700/2024', o);
    expect(text).toContain(
      'mediante el cual informa que, relativo a la versión final del plan de seguridad y plan de continuidad (entregable 16), se tiene por recibido',
    );
    expect(read).toMatchObject({ outcome: 'ACCEPTED', deliverable: 16, deliverableVersion: 'FINAL' });
  });

  it('1240: the OPLE’s answer and INE’s rounds cited apart ("en atención al oficio IEPC/…", "remitidas mediante los oficios … e …")', () => {
    const o = fact({
      kind: 'REVIEW',
      outcome: 'ADDRESSED',
      additionalObservations: false,
      references: ['IEPC/GRO/SE/0120/2024', 'INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
      deliverable: 15,
      deliverableVersion: 'PROYECTO',
      subject: 'Instrumento jurídico con el ente auditor y su anexo técnico',
    });
    const { text, read } = readBack('INE/UTSI/1240/2024', o);
    expect(text).toContain(
      'mediante el cual informa que, en atención al oficio IEPC/GRO/SE/0120/2024, se tienen por atendidas las observaciones remitidas mediante los oficios INE/UTSI/0801/2024 e INE/UTSI/1147/2024 relativas al proyecto de instrumento jurídico con el ente auditor y su anexo técnico (entregable 15), y no se generan observaciones adicionales.',
    );
    expect(read.references).toEqual(o.references);
    expect(read).toMatchObject({ outcome: 'ADDRESSED', additionalObservations: false, deliverable: 15 });
  });

  it('1654: a reminder’s entregables are a list, one item each, in sentence case, the last one closing with a period', () => {
    const o = fact({
      kind: 'REMINDER',
      items: [
        {
          title: 'Informe del mes de marzo sobre el avance en la implementación y operación del PREP',
          deliverable: 3,
          version: 'FINAL',
          dueDate: '2024-04-05',
        },
        {
          title: 'Versión Final del Plan de Seguridad y Plan de Continuidad',
          deliverable: 16,
          version: 'FINAL',
          dueDate: '2024-04-07',
        },
        {
          title: 'Informe de evaluación de la ejecución de la prueba',
          deliverable: 23,
          version: null,
          dueDate: '2024-04-22',
        },
      ],
    });
    const w = wordOficio(o);
    expect(w.text).toBe('mediante el cual se hace un atento recordatorio de los entregables siguientes:');
    expect(w.items).toEqual([
      'Informe del mes de marzo sobre el avance en la implementación y operación del PREP (con plazo máximo de remisión al 5 de abril de 2024);',
      'Versión final del plan de seguridad y plan de continuidad (con plazo máximo de remisión al 7 de abril de 2024);',
      'Informe de evaluación de la ejecución de la prueba (con plazo máximo de remisión al 22 de abril de 2024).',
    ]);
    const { read } = readBack('INE/UTSI/1654/2024', o);
    expect(read.items.map((i) => [i.deliverable, i.dueDate])).toEqual([
      [3, '2024-04-05'],
      [16, '2024-04-07'],
      [23, '2024-04-22'],
    ]);
  });

  it('1221, 1228, 1317: a request with its deadline, a meeting with its time and zone, a notice', () => {
    expect(
      wordOficio(
        fact({ kind: 'REQUEST', subject: 'se informe el estatus del proceso de contratación', deadline: '2024-03-04' }),
      ).text,
    ).toBe(
      'mediante el cual solicita se informe el estatus del proceso de contratación, a más tardar el 4 de marzo de 2024.',
    );
    const meeting = fact({
      kind: 'INVITATION',
      subject: 'una reunión virtual de trabajo con las y los integrantes del COTAPREP',
      meeting: { at: '2024-03-05T13:00:00-06:00', zone: 'America/Mexico_City', zoneStated: true },
    });
    expect(wordOficio(meeting).text).toBe(
      'mediante el cual se hace la invitación para asistir el 5 de marzo de 2024 a las 13:00 horas (tiempo del centro) a una reunión virtual de trabajo con las y los integrantes del COTAPREP.',
    );
    expect(readBack('INE/UTSI/1228/2024', meeting).read.meeting?.at).toBe('2024-03-05T13:00:00-06:00');
    expect(wordOficio(fact({ kind: 'NOTICE', subject: 'el documento “Entes auditores”' })).text).toBe(
      'mediante el cual remite el documento “Entes auditores”.',
    );
  });

  it('an OPLE’s own oficio, for the annex', () => {
    expect(
      wordSentOficio(
        fact({
          deliverable: 16,
          deliverableVersion: 'PROYECTO',
          subject: 'Plan de seguridad y plan de continuidad',
          references: ['INE/UTSI/1489/2024'],
        }),
      ),
    ).toBe(
      'Remite el proyecto de plan de seguridad y plan de continuidad (entregable 16), en atención al oficio INE/UTSI/1489/2024.',
    );
  });
});

describe('Spanish for titles', () => {
  it.each([
    [
      'Versión Final del Acuerdo por el que se determina la fecha y hora de inicio',
      'versión final del acuerdo por el que se determina la fecha y hora de inicio',
    ],
    ['Prototipo navegable del sitio de publicación', 'prototipo navegable del sitio de publicación'],
    [
      'Acuerdo de Integración del Comité Técnico Asesor del PREP',
      'acuerdo de integración del Comité Técnico Asesor del PREP',
    ],
    [
      'Instrumento Jurídico entre el IEPC Guerrero y el Ente Auditor',
      'instrumento jurídico entre el IEPC Guerrero y el ente auditor',
    ],
    ['Remite el “Manual del Manejo de Inconsistencias”', 'remite el “Manual del Manejo de Inconsistencias”'],
    ['Ubicación de los CATD y CCV', 'ubicación de los CATD y CCV'],
  ])('%j in a sentence is %j', (title, expected) => {
    expect(sentenceCase(title)).toBe(expected);
  });

  it.each([
    ['plan de trabajo', 'el'],
    ['designación del ente auditor', 'la'],
    ['informes mensuales', 'los'],
    ['acta de cierre', 'el'],
    ['candidatos a ente auditor', 'los'],
    ['cualquier modificación', ''],
  ])('%j takes the article %j', (phrase, article) => {
    expect(articleOf(phrase)).toBe(article);
  });

  it('turns a request into what it asks for', () => {
    expect(nominalize('remita a la UTSI el instrumento jurídico')).toBe('la remisión del instrumento jurídico');
    expect(nominalize('se envíe la lista de difusores')).toBe('la remisión de la lista de difusores');
    expect(nominalize('el estatus del proceso')).toBeNull();
  });
});
