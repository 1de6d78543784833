import { InvalidInput } from '../errors';
import { GivenReportSources, inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';

const log = [
  {
    stream_id: 'request:GRO:ine-utsi-1221-2024',
    type: 'RequestOpened',
    data: {
      requestId: 'request:GRO:ine-utsi-1221-2024',
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1221/2024',
      date: '2024-02-29',
      subject: 'el estatus de la contratación',
    },
  },
  {
    stream_id: 'request:GRO:ine-utsi-1221-2024',
    type: 'RequestFulfilled',
    data: { oficioNumber: 'IEPC/GRO/SE/0100/2024', date: '2024-03-02', by: 'OPLE' },
  },
  {
    stream_id: 'request:MEX:ine-utsi-2000-2024',
    type: 'RequestOpened',
    data: { oficioNumber: 'INE/UTSI/2000/2024', date: '2024-03-01', subject: 'otro OPLE' },
  },
];

describe('the commission’s correspondence report', () => {
  it('given one OPLE’s log, then it lists INE’s oficios received and the OPLE’s own, in the period, from that OPLE only', async () => {
    const { app } = inMemoryApplication({ now: '2024-03-22T12:00:00.000Z', reports: new GivenReportSources(log) });
    const report = await app.reports.build('GRO', '2024-02-18', '2024-03-21');
    expect(report.generatedAt).toBe('2024-03-22T12:00:00.000Z');
    expect(report.received.map((e) => e.number)).toEqual(['INE/UTSI/1221/2024']);
    expect(report.sent.map((e) => e.number)).toEqual(['IEPC/GRO/SE/0100/2024']);
    expect(report.sent[0].oficio).toMatchObject({ number: 'IEPC/GRO/SE/0100/2024', date: '2024-03-02' });
    expect(report.commission.name).toMatch(/Guerrero|GRO|IEPC/);
  });

  it('lists what was overdue at the end of the period, and what falls due in the next 14 days', async () => {
    const open = [
      { id: 'request:GRO:a', ballInCourt: 'OPLE' as const, dueDate: '2024-03-10', overdue: true },
      { id: 'request:GRO:b', ballInCourt: 'INE' as const, dueDate: '2024-03-30', overdue: false },
      { id: 'request:GRO:c', ballInCourt: 'OPLE' as const, dueDate: '2024-05-30', overdue: false },
    ];
    const { app } = inMemoryApplication({ reports: new GivenReportSources([], { documents: [], requests: [], open }) });
    const report = await app.reports.build('GRO', '2024-03-01', '2024-03-21');
    expect(report.overdue).toEqual([
      { id: 'request:GRO:a', what: 'request:GRO:a', dueDate: '2024-03-10', party: 'OPLE' },
    ]);
    expect(report.dueNext.map((d) => [d.id, d.party])).toEqual([['request:GRO:b', 'INE']]);
  });

  it('renders it as a file named after the OPLE and the period', async () => {
    const { app } = inMemoryApplication({ reports: new GivenReportSources(log) });
    const file = await app.reports.render('GRO', '2024-02-18', '2024-03-21', 'MD');
    expect(file).toMatchObject({ fileName: 'informe-GRO-2024-02-18-2024-03-21.md', encoding: 'utf8' });
    expect(file.content).toContain('INE/UTSI/1221/2024');
  });

  it.each([
    ['XXX', '2024-03-01', '2024-03-21', 'ople', 'ople: "XXX" no es un OPLE conocido'],
    ['GRO', '2024-02-30', '2024-03-21', 'from', 'from: "2024-02-30" no es una fecha AAAA-MM-DD'],
    [
      'GRO',
      '2024-03-22',
      '2024-03-21',
      'from',
      'from: el periodo empieza (2024-03-22) después de terminar (2024-03-21)',
    ],
  ])('refuses ople %s from %s to %s naming %s', async (ople, from, to, field, message) => {
    const { app } = inMemoryApplication();
    const error = await refusal(app.reports.build(ople, from, to));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toMatchObject({ field, message });
  });
});
