import { readFileSync } from 'fs';
import { join } from 'path';
import { IntakeJson, toIntakeJson } from './intake-json';
import type { ParsedOficio } from './model';
import { parseCorrespondence } from './parse-correspondence';
import { formatReportEntry, summarize } from './summary';
import { SEED_OFICIOS, type SeedOficio } from './testing/seed-oficios.fixture';

const SEED = readFileSync(join(__dirname, 'testing', 'seed-report.txt'), 'utf8');

/** The fields a report entry must carry back (everything but confidence and needsReview). */
function roundTripFields(o: ParsedOficio): Omit<IntakeJson, 'confidence' | 'needsReview'> {
  const { confidence: _c, needsReview: _n, ...rest } = toIntakeJson(o);
  return rest;
}

function roundTrip(oficios: ParsedOficio[]) {
  const report = oficios.map((o, i) => formatReportEntry(o, i)).join('\n');
  return { report, again: parseCorrespondence(report).oficios };
}

/** The ten entries of the round trip below, read by a person (not by the parser). */
const none: Omit<SeedOficio, 'number' | 'date' | 'kind'> = {
  outcome: null,
  additionalObservations: null,
  references: [],
  deadline: null,
  deliverable: null,
  items: [],
  meeting: null,
};
const review = (outcome: SeedOficio['outcome'], additionalObservations: boolean) => ({
  ...none,
  kind: 'REVIEW' as const,
  outcome,
  additionalObservations,
});
const WRITTEN_DOWN: SeedOficio[] = [
  {
    ...review('OBSERVATIONS', false),
    number: 'INE/UTSI/0031/2024',
    date: '2024-01-08',
    references: ['IEEM/SE/0012/2024'],
    deadline: '2024-01-15',
    deliverable: 8,
  },
  {
    ...review('ADDRESSED', true),
    number: 'INE/UTSI/0050/2024',
    date: '2024-01-10',
    references: ['INE/UTSI/0031/2024'],
  },
  { ...review('ACCEPTED', false), number: 'INE/UTSI/0061/2024', date: '2024-01-11', deliverable: 6 },
  {
    ...none,
    kind: 'REQUEST',
    number: 'INE/UTSI/0072/2024',
    date: '2024-01-12',
    deadline: '2024-01-19',
    deliverable: 34,
  },
  {
    ...none,
    kind: 'INVITATION',
    number: 'INE/UTSI/0083/2024',
    date: '2024-01-13',
    deliverable: 12,
    meeting: '2024-01-16T10:30:00-07:00',
  },
  {
    ...none,
    kind: 'REMINDER',
    number: 'INE/UTSI/0094/2024',
    date: '2024-01-14',
    items: [{ title: 'designación del ente auditor', deliverable: 14, dueDate: '2024-01-31' }],
  },
  { ...none, kind: null, number: 'INE/UTSI/0105/2024', date: '2024-01-15' },
  { ...none, kind: 'NOTICE', number: null, date: null },
  {
    ...review('OBSERVATIONS', false),
    number: 'INE/UTSI/0116/2024',
    date: '2024-01-16',
    references: ['IEEM/SE/0020/2024', 'IEEM/SE/0021/2024', 'INE/UTSI/0050/2024'],
    deliverable: 3,
  },
  {
    ...none,
    kind: 'REMINDER',
    number: 'INE/UTSI/0127/2024',
    date: '2024-01-17',
    items: [
      { title: 'Convocatoria para difusores oficiales', deliverable: 24, dueDate: '2024-02-02' },
      { title: 'Lista de difusores', deliverable: 25, dueDate: '2024-02-09' },
    ],
  },
];

describe('summarize and formatReportEntry', () => {
  it('formats an entry as the commission numbers them', () => {
    const [o] = parseCorrespondence(
      '3. 05 de marzo de 2024, oficio INE/UTSI/1317/2024, mediante el cual se hace llegar el documento “Guía”.',
    ).oficios;
    expect(formatReportEntry(o, 0)).toBe(
      '1. 5 de marzo de 2024, oficio INE/UTSI/1317/2024: Remite el documento “Guía”.',
    );
    expect(o.summary).toBe('Remite el documento “Guía”.');
    expect(summarize(o)).toBe('Remite el documento “Guía”.');
  });

  // The report is read back by the parser, so the parser's reading of the original cannot be the
  // yardstick (a mistake made on both sides would pass): each side is compared with oficios
  // written down by hand.
  it('reads the seed back from its own report, entry by entry', () => {
    const first = parseCorrespondence(SEED).oficios;
    const { report, again } = roundTrip(first);
    expect(report.split('\n')).toHaveLength(17);
    expect(again.map(roundTripFields)).toEqual(SEED_OFICIOS);
    expect(again.filter((o) => o.needsReview)).toEqual([]);
  });

  it('round-trips every kind, outcome, deadline, meeting zone and missing piece', () => {
    const text = [
      '1. 8 de enero de 2024, oficio INE/UTSI/0031/2024, mediante el cual, en atención al oficio IEEM/SE/0012/2024, remite diversas observaciones al proyecto de acuerdo del proceso técnico operativo y solicita se atiendan a más tardar el 15 de enero de 2024.',
      '2. 10 de enero de 2024, oficio INE/UTSI/0050/2024, mediante el cual informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0031/2024 y se generan observaciones adicionales.',
      '3. 11 de enero de 2024, oficio INE/UTSI/0061/2024, mediante el cual informa que relativo a la versión final del plan de trabajo del PREP se tiene por recibido y no se generan observaciones.',
      '4. 12 de enero de 2024, oficio INE/UTSI/0072/2024, mediante el cual solicita remita el entregable 34, a más tardar el 19 de enero.',
      '5. 13 de enero de 2024, oficio INE/UTSI/0083/2024, mediante el cual se hace la invitación para asistir el martes 16 de enero de 2024 a las 10:30 horas (tiempo del Pacífico) a una sesión de trabajo sobre la ubicación de los CATD.',
      '6. 14 de enero de 2024, oficio INE/UTSI/0094/2024, mediante el cual se hace un atento recordatorio de la designación del ente auditor, con plazo máximo de remisión al 31 de enero de 2024.',
      '7. 15 de enero de 2024, oficio INE/UTSI/0105/2024, mediante el cual informa que la sesión del comité quedó registrada en la minuta.',
      '8. sin fecha, oficio sin número: mediante el cual remite el calendario de simulacros.',
      '9. 16 de enero de 2024, oficio INE/UTSI/0116/2024, mediante el cual remite observaciones adicionales al informe mensual de diciembre, citando los oficios IEEM/SE/0020/2024, IEEM/SE/0021/2024 e INE/UTSI/0050/2024.',
      '10. 17 de enero de 2024, oficio INE/UTSI/0127/2024, mediante el cual se hace un atento recordatorio de los entregables siguientes: a) Convocatoria para difusores oficiales (Con plazo máximo de remisión al 2 de febrero de 2024); b) Lista de difusores (Con plazo máximo de remisión al 9 de febrero de 2024).',
    ].join('\n');
    const first = parseCorrespondence(text).oficios;
    expect(first.map((o) => o.kind)).toEqual([
      'REVIEW',
      'REVIEW',
      'REVIEW',
      'REQUEST',
      'INVITATION',
      'REMINDER',
      null,
      'NOTICE',
      'REVIEW',
      'REMINDER',
    ]);
    const { report, again } = roundTrip(first);
    expect(first.map(roundTripFields)).toEqual(WRITTEN_DOWN);
    expect(again.map(roundTripFields)).toEqual(WRITTEN_DOWN);
    expect(first[4].meeting).toEqual({ at: '2024-01-16T10:30:00-07:00', zone: 'America/Mazatlan', zoneStated: true });
    expect(report).toContain('8. sin fecha, oficio sin número: Remite el calendario de simulacros.');
  });
});
