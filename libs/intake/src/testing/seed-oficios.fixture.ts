import type { IntakeJson } from '../intake-json';

/**
 * The 17 oficios of the seed (INFORME 009/CESIOPREP/SO/22-03-2024, IEPC Guerrero, correspondence
 * received 18 Feb – 21 Mar 2024), written down by reading the report, not from the parser.
 *
 * Readings that needed a decision:
 *  - 1312 "se toma de conocimiento … y no se generan observaciones": a review, ACCEPTED (GUIDE:
 *    "acknowledged (reports)"); the COTAPREP's partial activity report is not in the catalogue
 *    of lineamiento 33, so no deliverable.
 *  - 1221 asks how the hiring of the support service stands: related to the third party
 *    (entregables 7 and 10) but it names neither the agreement nor the legal instrument, so no
 *    deliverable rather than a guess.
 *  - 1376 / 1377 ask for the legal instrument "que se celebre con el tercero" (the specialised
 *    body that gives support and advice, 1581) "a fin de dar cumplimiento con lo establecido en
 *    el numeral 33, documento 34": entregable 34 as they say (explicit beats inferred, issue 15),
 *    although the title alone would read as entregable 10; the parser notes the difference.
 *  - 1581 / 1583 "se tiene por recibido y no se generan observaciones" on that instrument:
 *    reviews, ACCEPTED, citing the request they close ("requerido mediante oficio
 *    INE/UTSI/1376/2024"); they state no number of their own, and the chain binds an answer to
 *    its document: entregable 34, the one the request stated (noted: the title looks like 10).
 *  - 1317 sends INE's recommendations for the security and continuity plans: a notice that
 *    concerns entregable 16. 1638 (list of auditing bodies) and 0923 (manual of inconsistencies)
 *    concern none.
 *  - 1489 "remite diversas observaciones" is the first round: OBSERVATIONS, no additional ones.
 *  - 1654 lists nine deliverables, each with its own date; the oficio itself has no deadline and
 *    no single deliverable.
 *  - Dates without a year ("a más tardar el 4 de marzo", "el 5 de marzo a las 13:00 horas")
 *    take the year of the oficio.
 */
export type SeedOficio = Omit<IntakeJson, 'confidence' | 'needsReview'>;

const base = {
  outcome: null,
  additionalObservations: null,
  references: [],
  deadline: null,
  deliverable: null,
  items: [],
  meeting: null,
};

export const SEED_OFICIOS: SeedOficio[] = [
  { ...base, number: 'INE/UTSI/0923/2024', date: '2024-02-19', kind: 'NOTICE' },
  {
    ...base,
    number: 'INE/UTSI/1121/2024',
    date: '2024-02-22',
    kind: 'REVIEW',
    outcome: 'PARTIALLY_ADDRESSED',
    additionalObservations: true,
    references: ['INE/UTSI/0451/2024'],
    deliverable: 11,
  },
  {
    ...base,
    number: 'INE/UTSI/1123/2024',
    date: '2024-02-23',
    kind: 'REVIEW',
    outcome: 'PARTIALLY_ADDRESSED',
    additionalObservations: false,
    references: ['INE/UTSI/0797/2024'],
    deliverable: 14,
  },
  {
    ...base,
    number: 'INE/UTSI/1147/2024',
    date: '2024-02-24',
    kind: 'REVIEW',
    outcome: 'ADDRESSED',
    additionalObservations: true,
    references: ['INE/UTSI/0801/2024'],
    deliverable: 15,
  },
  { ...base, number: 'INE/UTSI/1221/2024', date: '2024-02-29', kind: 'REQUEST', deadline: '2024-03-04' },
  {
    ...base,
    number: 'INE/UTSI/1228/2024',
    date: '2024-02-29',
    kind: 'INVITATION',
    meeting: '2024-03-05T13:00:00-06:00',
  },
  {
    ...base,
    number: 'INE/UTSI/1312/2024',
    date: '2024-03-05',
    kind: 'REVIEW',
    outcome: 'ACCEPTED',
    additionalObservations: false,
  },
  { ...base, number: 'INE/UTSI/1317/2024', date: '2024-03-05', kind: 'NOTICE', deliverable: 16 },
  {
    ...base,
    number: 'INE/UTSI/1240/2024',
    date: '2024-03-06',
    kind: 'REVIEW',
    outcome: 'ADDRESSED',
    additionalObservations: false,
    references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
    deliverable: 15,
  },
  { ...base, number: 'INE/UTSI/1376/2024', date: '2024-03-07', kind: 'REQUEST', deliverable: 34 },
  { ...base, number: 'INE/UTSI/1377/2024', date: '2024-03-07', kind: 'REQUEST', deliverable: 34 },
  {
    ...base,
    number: 'INE/UTSI/1485/2024',
    date: '2024-03-13',
    kind: 'REVIEW',
    outcome: 'ACCEPTED',
    additionalObservations: false,
    deliverable: 15,
  },
  {
    ...base,
    number: 'INE/UTSI/1489/2024',
    date: '2024-03-14',
    kind: 'REVIEW',
    outcome: 'OBSERVATIONS',
    additionalObservations: false,
    deliverable: 16,
  },
  {
    ...base,
    number: 'INE/UTSI/1581/2024',
    date: '2024-03-15',
    kind: 'REVIEW',
    outcome: 'ACCEPTED',
    additionalObservations: false,
    references: ['INE/UTSI/1376/2024'],
    deliverable: 34,
  },
  {
    ...base,
    number: 'INE/UTSI/1583/2024',
    date: '2024-03-15',
    kind: 'REVIEW',
    outcome: 'ACCEPTED',
    additionalObservations: false,
    references: ['INE/UTSI/1377/2024'],
    deliverable: 34,
  },
  { ...base, number: 'INE/UTSI/1638/2024', date: '2024-03-18', kind: 'NOTICE' },
  {
    ...base,
    number: 'INE/UTSI/1654/2024',
    date: '2024-03-20',
    kind: 'REMINDER',
    items: [
      {
        title: 'Informe del mes de marzo sobre el avance en la implementación y operación del PREP',
        deliverable: 3,
        dueDate: '2024-04-05',
      },
      { title: 'Versión Final del Plan de Seguridad y Plan de Continuidad', deliverable: 16, dueDate: '2024-04-07' },
      {
        title:
          'Versión Final del Acuerdo por el que se determina la fecha y hora de inicio de la publicación de los datos e imágenes de los resultados electorales preliminares',
        deliverable: 17,
        dueDate: '2024-04-07',
      },
      {
        title:
          'Versión Final del Acuerdo por el que se determina el número de actualizaciones por hora de los datos (el número mínimo de actualizaciones deberán ser tres por hora)',
        deliverable: 18,
        dueDate: '2024-04-07',
      },
      {
        title:
          'Versión Final del Acuerdo por el que se determina el número de actualizaciones por hora de las bases de datos que contengan los resultados preliminares (el número mínimo de actualizaciones deberán ser tres por hora)',
        deliverable: 19,
        dueDate: '2024-04-07',
      },
      {
        title:
          'Versión Final del Acuerdo por el que se determina la fecha y hora de publicación de la última actualización de datos e imágenes de los resultados electorales preliminares',
        deliverable: 20,
        dueDate: '2024-04-07',
      },
      {
        title:
          'Documento por el que se informa de la fecha de ejecución de la prueba para verificar el correcto funcionamiento del sistema informático del PREP',
        deliverable: 21,
        dueDate: '2024-04-12',
      },
      {
        title:
          'Procedimiento para consultar vía remota el sitio de publicación que se utilizará durante la ejecución de la o las pruebas',
        deliverable: 22,
        dueDate: '2024-04-14',
      },
      { title: 'Informe de evaluación de la ejecución de la prueba', deliverable: 23, dueDate: '2024-04-22' },
    ],
  },
];

/** Versions the seed states (proyecto / versión final), by oficio. */
export const SEED_VERSIONS: Record<string, 'PROYECTO' | 'FINAL'> = {
  'INE/UTSI/1121/2024': 'PROYECTO',
  'INE/UTSI/1147/2024': 'PROYECTO',
  'INE/UTSI/1240/2024': 'PROYECTO',
  'INE/UTSI/1485/2024': 'FINAL',
  'INE/UTSI/1489/2024': 'PROYECTO',
};
