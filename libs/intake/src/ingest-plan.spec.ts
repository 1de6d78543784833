import type { ParsedOficio } from './model';
import { planIngest } from './ingest-plan';

const parsed = (over: Partial<ParsedOficio>): ParsedOficio => {
  const deliverable = 'deliverable' in over ? (over.deliverable ?? null) : 11;
  return { ...oficio(over), deliverables: deliverable === null ? [] : [deliverable], ...over };
};

const oficio = (over: Partial<ParsedOficio>): ParsedOficio => ({
  number: 'INE/UTSI/1121/2024',
  date: '2024-02-22',
  sender: 'INE',
  unit: 'UTSI',
  ople: 'GRO',
  kind: 'REVIEW',
  outcome: 'PARTIALLY_ADDRESSED',
  additionalObservations: true,
  references: ['INE/UTSI/0451/2024'],
  deliverable: 11,
  deliverableVersion: 'PROYECTO',
  subject: 'prototipo navegable',
  deadline: null,
  deliverables: [11],
  items: [],
  itemsForReview: [],
  meeting: null,
  summary: 'resumen',
  confidence: 0.9,
  needsReview: false,
  reviewReasons: [],
  confidenceNotes: [],
  span: { start: 0, end: 10 },
  text: '',
  ...over,
});

describe('planning how a parsed oficio comes in', () => {
  it('sends an INE review through INE’s door with its outcome, citations and entregable', () => {
    expect(planIngest(parsed({}), 'GRO')).toEqual({
      door: 'INE',
      assumptions: [],
      input: {
        ople: 'GRO',
        kind: 'REVIEW',
        oficioNumber: 'INE/UTSI/1121/2024',
        date: '2024-02-22',
        references: ['INE/UTSI/0451/2024'],
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: true,
        deliverable: 11,
        versionKind: 'PROYECTO',
      },
    });
  });

  it('says so when it assumes the proyecto of a two-version entregable, and assumes nothing for a single-version one', () => {
    const twoVersions = planIngest(parsed({ deliverable: 14, deliverableVersion: null }), 'GRO');
    expect(twoVersions).toMatchObject({
      door: 'INE',
      input: { deliverable: 14, versionKind: 'PROYECTO', versionAssumed: true },
    });
    expect(twoVersions.door !== 'NONE' && twoVersions.assumptions).toEqual([
      expect.stringMatching(/se supone el proyecto del entregable 14/),
    ]);
    const single = planIngest(parsed({ deliverable: 21, deliverableVersion: null }), 'GRO');
    expect(single).toMatchObject({ door: 'INE', input: { deliverable: 21, versionKind: 'FINAL' }, assumptions: [] });
    expect(single.door !== 'NONE' && single.input).not.toHaveProperty('versionAssumed');
    // A version the oficio names is no assumption: it wins over the document the citations lead to.
    const named = planIngest(parsed({ deliverable: 15, deliverableVersion: 'FINAL' }), 'GRO');
    expect(named).toMatchObject({ door: 'INE', input: { deliverable: 15, versionKind: 'FINAL' }, assumptions: [] });
    expect(named.door !== 'NONE' && named.input).not.toHaveProperty('versionAssumed');
  });

  it('sends an OPLE’s oficio through the OPLE’s door', () => {
    const step = planIngest(
      parsed({
        number: 'IEPC/GRO/SE/0120/2024',
        sender: 'IEPC',
        kind: 'NOTICE',
        outcome: null,
        additionalObservations: null,
      }),
      'GRO',
    );
    expect(step).toMatchObject({
      door: 'OPLE',
      input: {
        oficioNumber: 'IEPC/GRO/SE/0120/2024',
        references: ['INE/UTSI/0451/2024'],
        deliverable: 11,
        versionKind: 'PROYECTO',
      },
    });
  });

  it('maps requests, invitations and notices with their subject, deadline and meeting', () => {
    expect(
      planIngest(
        parsed({ kind: 'REQUEST', outcome: null, deadline: '2024-03-04', deliverable: null, subject: 'informe' }),
        'GRO',
      ),
    ).toMatchObject({
      door: 'INE',
      input: { kind: 'REQUEST', subject: 'informe', dueDate: '2024-03-04' },
    });
    const meeting = { at: '2024-03-05T13:00:00-06:00', zone: 'America/Mexico_City', zoneStated: true };
    expect(planIngest(parsed({ kind: 'INVITATION', outcome: null, meeting, deliverable: null }), 'GRO')).toMatchObject({
      input: { kind: 'INVITATION', meetingAt: '2024-03-05T13:00:00-06:00' },
    });
    expect(
      planIngest(
        parsed({ kind: 'NOTICE', outcome: null, subject: null, summary: 'Se comunica el manual', deliverable: null }),
        'GRO',
      ),
    ).toMatchObject({
      input: { kind: 'NOTICE', subject: 'Se comunica el manual' },
    });
  });

  it('maps a reminder item by item, each final version when the item says so', () => {
    const items = [
      {
        title: 'Versión final del plan de seguridad',
        deliverable: 16,
        version: 'FINAL' as const,
        dueDate: '2024-04-07',
      },
      { title: 'Informe de evaluación de la prueba', deliverable: 23, version: null, dueDate: '2024-04-22' },
    ];
    expect(planIngest(parsed({ kind: 'REMINDER', outcome: null, items, deliverable: null }), 'GRO')).toMatchObject({
      door: 'INE',
      input: {
        kind: 'REMINDER',
        items: [
          { deliverable: 16, versionKind: 'FINAL', dueDate: '2024-04-07' },
          { deliverable: 23, versionKind: 'FINAL', dueDate: '2024-04-22' },
        ],
      },
    });
  });

  it('records an INE review about two entregables on the document of each (rule 3)', () => {
    const both = { deliverable: 18, deliverables: [18, 19], deliverableVersion: 'FINAL' as const };
    const review = (deliverable: number) => ({
      ople: 'GRO',
      kind: 'REVIEW',
      oficioNumber: 'INE/UTSI/1121/2024',
      date: '2024-02-22',
      references: ['INE/UTSI/0451/2024'],
      outcome: 'PARTIALLY_ADDRESSED',
      additionalObservations: true,
      deliverable,
      versionKind: 'FINAL',
    });
    expect(planIngest(parsed(both), 'GRO')).toEqual({
      door: 'INE',
      input: review(18),
      each: [review(18), review(19)],
      assumptions: ['el oficio trata de los entregables 18 y 19; se anota en el documento de cada uno'],
    });
  });

  it('leaves a submission about two entregables to a person, and names the first of two in a notice', () => {
    const both = { deliverable: 18, deliverables: [18, 19], deliverableVersion: 'FINAL' as const };
    for (const over of [
      { ...both, outcome: null },
      { ...both, number: 'IEPC/GRO/SE/0120/2024', sender: 'IEPC', kind: 'NOTICE' as const, outcome: null },
    ]) {
      expect(planIngest(parsed(over), 'GRO')).toEqual({
        door: 'NONE',
        reasons: [
          expect.stringMatching(/^el oficio trata de los entregables 18 y 19: .*con el mismo número de oficio$/),
        ],
      });
    }
    expect(planIngest(parsed({ ...both, kind: 'NOTICE', outcome: null }), 'GRO')).toMatchObject({
      door: 'INE',
      input: { kind: 'NOTICE', deliverable: 18 },
      assumptions: ['el oficio trata de los entregables 18 y 19; se anota con el entregable 18'],
    });
  });

  it('records the reminder items it can and leaves the one without a plazo', () => {
    const items = [
      { title: 'Informe del mes de abril', deliverable: 3, version: null, dueDate: '2024-05-05' },
      { title: 'Plan de seguridad', deliverable: 16, version: 'FINAL' as const, dueDate: null },
    ];
    expect(planIngest(parsed({ kind: 'REMINDER', outcome: null, items, deliverable: null }), 'GRO')).toMatchObject({
      door: 'INE',
      input: { kind: 'REMINDER', items: [{ deliverable: 3, versionKind: 'FINAL', dueDate: '2024-05-05' }] },
      assumptions: [
        'queda para revisión «Plan de seguridad»: no se encontró el plazo; se registra el otro elemento del recordatorio',
      ],
      pending: [{ title: 'Plan de seguridad', reason: 'no se encontró el plazo' }],
    });
  });

  it.each<[string, Partial<ParsedOficio>, RegExp]>([
    [
      'the parser asked for it',
      { needsReview: true, reviewReasons: ['no se reconoce el tipo de oficio'] },
      /no se reconoce el tipo/,
    ],
    ['no number', { number: null }, /número del oficio/],
    ['no date', { date: null }, /fecha/],
    ['a review that resolves nothing recognisable', { outcome: null }, /qué resuelve/],
    [
      'a reminder item without a date',
      { kind: 'REMINDER', outcome: null, items: [{ title: 'Informe', deliverable: 3, version: null, dueDate: null }] },
      /sin plazo/,
    ],
    [
      'a review that names no entregable and cites nothing',
      { deliverable: null, deliverableVersion: null, references: [] },
      /no se puede asociar a un documento/,
    ],
    ['a reminder with no items', { kind: 'REMINDER', outcome: null, items: [] }, /ningún entregable/],
  ])('leaves it to a person when %s', (_why, over, reason) => {
    const step = planIngest(parsed(over), 'GRO');
    expect(step.door).toBe('NONE');
    expect(step.door === 'NONE' && step.reasons.join(' ')).toMatch(reason);
  });
});
