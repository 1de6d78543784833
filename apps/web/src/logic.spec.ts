import { addDays, countdown, daysBetween, formatDay, isDay, toCsv } from './format';
import {
  MATRIX_COLUMNS,
  buildMatrix,
  cellKey,
  columnOf,
  dueWithin,
  groupKey,
  trackOf,
  type DocSummary,
  type MatrixGroup,
} from './matrix';
import { observationAcrossRounds, storyOf } from './timeline';

const doc = (over: Partial<DocSummary>): DocSummary => ({
  id: 'document:GRO:e15-proyecto',
  ople: 'GRO',
  deliverable: 15,
  versionKind: 'PROYECTO',
  status: 'OBSERVED',
  overdue: false,
  escalationLevel: 0,
  ballInCourt: 'OPLE',
  title: 'Instrumento jurídico con el ente auditor',
  deadline: null,
  ...over,
});

const group = (over: Partial<MatrixGroup>): MatrixGroup => ({
  ople: 'GRO',
  deliverable: 15,
  versionKind: 'PROYECTO',
  documents: 1,
  status: 'OBSERVED',
  overdue: 0,
  escalationLevel: 0,
  documentId: 'document:GRO:e15-proyecto',
  ...over,
});

describe('the console’s dates and words', () => {
  it('reads and counts calendar days in Mexico City', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-3-1')).toBe(false);
    expect(daysBetween('2024-03-22', '2024-04-07')).toBe(16);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(formatDay('2024-03-22')).toMatch(/^22 mar\.? 2024$/);
    expect(formatDay(null)).toBe('—');
  });

  it('says a countdown in words', () => {
    expect(countdown('2024-03-22', '2024-03-22')).toBe('vence hoy');
    expect(countdown('2024-03-23', '2024-03-22')).toBe('vence mañana');
    expect(countdown('2024-04-07', '2024-03-22')).toBe('vence en 16 días');
    expect(countdown('2024-03-21', '2024-03-22')).toBe('venció ayer');
    expect(countdown('2024-03-04', '2024-03-22')).toBe('venció hace 18 días');
  });

  it('writes CSV a spreadsheet reads: BOM, quotes where needed, CRLF', () => {
    const csv = toCsv(
      ['Oficio', 'Asunto'],
      [
        ['INE/UTSI/1221/2024', 'informe, "a más tardar"'],
        ['X', null],
      ],
    );
    expect(csv).toBe('\uFEFFOficio,Asunto\r\nINE/UTSI/1221/2024,"informe, ""a más tardar"""\r\nX,\r\n');
  });
});

describe('the national view', () => {
  it('has a column per entregable, two for those with proyecto and versión final', () => {
    expect(MATRIX_COLUMNS.filter((c) => c.deliverable === 15).map((c) => c.key)).toEqual(['15P', '15F']);
    expect(MATRIX_COLUMNS.filter((c) => c.deliverable === 3).map((c) => c.key)).toEqual(['3']);
    expect(columnOf({ deliverable: 16, versionKind: 'FINAL' })).toBe('16F');
    expect(columnOf({ deliverable: 3, versionKind: 'FINAL' })).toBe('3');
  });

  it('puts each group in its cell, the most urgent status first, with row and column totals', () => {
    const matrix = buildMatrix([
      // A monthly report: several documents; an entregable without versions takes both kinds.
      group({ deliverable: 3, versionKind: 'FINAL', documents: 2, status: 'RESOLVED', overdue: 1, documentId: null }),
      group({
        deliverable: 3,
        versionKind: 'PROYECTO',
        status: 'EXPECTED',
        overdue: 1,
        escalationLevel: 2,
        documentId: 'document:GRO:e3-x',
      }),
      group({ status: 'RESOLVED' }),
      group({ deliverable: 16, versionKind: 'FINAL', documentId: 'document:GRO:e16-final' }),
      group({ ople: 'MEX', documentId: 'document:MEX:e15-proyecto' }),
    ]);
    const monthly = matrix.cells.get(cellKey('GRO', '3'))!;
    expect(monthly).toMatchObject({
      documents: 3,
      documentId: null,
      status: 'EXPECTED',
      overdue: true,
      escalationLevel: 2,
    });
    expect(monthly.groups).toEqual([
      groupKey({ ople: 'GRO', deliverable: 3, versionKind: 'FINAL' }),
      groupKey({ ople: 'GRO', deliverable: 3, versionKind: 'PROYECTO' }),
    ]);
    expect(matrix.cells.get(cellKey('GRO', '15P'))).toMatchObject({
      status: 'RESOLVED',
      documentId: 'document:GRO:e15-proyecto',
    });
    expect(matrix.cells.get(cellKey('GRO', '16F'))).toMatchObject({
      overdue: false,
      documents: 1,
      documentId: 'document:GRO:e16-final',
    });
    expect(matrix.cells.get(cellKey('GRO', '16P'))).toBeUndefined();
    expect(matrix.rowTotals.get('GRO')).toBe(5);
    expect(matrix.rowOverdue.get('GRO')).toBe(2);
    expect(matrix.columnTotals.get('15P')).toBe(2);
    expect(matrix.columnOverdue.get('3')).toBe(2);
    expect(matrix).toMatchObject({ total: 6, overdue: 2 });
  });
});

describe('the OPLE dashboard', () => {
  const due = (dueDate: string) => ({ dueDate, party: 'OPLE', kind: 'ANSWER' });
  it('tells on track, at risk (due within 2 days) and overdue apart', () => {
    expect(trackOf(doc({ deadline: due('2024-03-25') }), '2024-03-22')).toBe('ON_TRACK');
    expect(trackOf(doc({ deadline: due('2024-03-24') }), '2024-03-22')).toBe('AT_RISK');
    expect(trackOf(doc({ deadline: due('2024-03-22') }), '2024-03-22')).toBe('AT_RISK');
    expect(trackOf(doc({ deadline: due('2024-03-21') }), '2024-03-22')).toBe('OVERDUE');
    expect(trackOf(doc({ overdue: true, deadline: due('2024-04-01') }), '2024-03-22')).toBe('OVERDUE');
    expect(trackOf(doc({}), '2024-03-22')).toBe('NO_DEADLINE');
  });

  it('lists what is due in the next 7 days, and from the 8th to the 14th, soonest first', () => {
    const items = ['2024-04-07', '2024-03-21', '2024-03-29', '2024-03-30', '2024-04-05', '2024-03-22'].map(
      (dueDate) => ({ dueDate }),
    );
    expect(dueWithin(items, '2024-03-22', 0, 7).map((i) => i.dueDate)).toEqual(['2024-03-22', '2024-03-29']);
    expect(dueWithin(items, '2024-03-22', 8, 14).map((i) => i.dueDate)).toEqual(['2024-03-30', '2024-04-05']);
  });
});

describe('a document’s story', () => {
  // Entregable 15 (proyecto) in the seed: 1147 answers round 1 with additional observations, 1240 closes round 2.
  const rounds = [
    {
      number: 1,
      submittedBy: null,
      submittedOn: null,
      answeredBy: 'INE/UTSI/1147/2024',
      answeredOn: '2024-02-24',
      outcome: 'ADDRESSED',
      additionalObservations: true,
    },
    {
      number: 2,
      submittedBy: null,
      submittedOn: null,
      answeredBy: 'INE/UTSI/1240/2024',
      answeredOn: '2024-03-06',
      outcome: 'ADDRESSED',
      additionalObservations: false,
    },
  ];

  it('has the OPLE hold the ball from an answer with observations to the next round, and a mark per oficio', () => {
    const { segments, marks } = storyOf(rounds, '2024-03-22', null);
    expect(segments).toEqual([
      {
        party: 'OPLE',
        from: '2024-02-24',
        to: '2024-03-06',
        days: 11,
        open: false,
        what: 'atiende las observaciones de la ronda 1',
      },
    ]);
    expect(marks.map((m) => [m.party, m.oficio, m.day])).toEqual([
      ['INE', 'INE/UTSI/1147/2024', '2024-02-24'],
      ['INE', 'INE/UTSI/1240/2024', '2024-03-06'],
    ]);
  });

  it('has the INE hold the ball from a submission until its answer, still running when unanswered', () => {
    const { segments } = storyOf(
      [{ number: 1, submittedBy: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-03-18' }],
      '2024-03-22',
      '2024-03-01',
    );
    expect(segments).toEqual([
      { party: 'OPLE', from: '2024-03-01', to: '2024-03-18', days: 17, open: false, what: 'entrega esperada' },
      { party: 'INE', from: '2024-03-18', to: '2024-03-22', days: 4, open: true, what: 'revisión de la ronda 1' },
    ]);
  });

  it('shows an observation open from its round until the round whose answer judged it', () => {
    const raisedIn1 = observationAcrossRounds(
      { raisedInRound: 1, status: 'ADDRESSED', lastJudgedBy: 'INE/UTSI/1240/2024' },
      rounds,
    );
    expect([...raisedIn1]).toEqual([
      [1, 'OPEN'],
      [2, 'ADDRESSED'],
    ]);
    const stillOpen = observationAcrossRounds({ raisedInRound: 2, status: 'OPEN', lastJudgedBy: null }, rounds);
    expect([...stillOpen]).toEqual([[2, 'OPEN']]);
  });
});
