import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldReview } from '@seguimiento/domain';
import { Conflict, InvalidInput, NotFound } from '../errors';
import { GivenReportSources, inMemoryApplication } from '../testing/fakes';
import { renderMarkdown } from '@seguimiento/reports';
import { refusal } from '../testing/refusal';

const SEED = readFileSync(join(__dirname, '../../../intake/src/testing/seed-report.txt'), 'utf8');
const REMINDER = [
  'Correspondencia recibida del 10 al 30 de abril de 2024:',
  '1. 20 de abril de 2024, oficio INE/UTSI/1790/2024, mediante el cual se hace un atento recordatorio de los entregables correspondientes al mes de mayo, siendo los siguientes:',
  '• Informe del mes de abril sobre el avance en la implementación y operación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024).',
  '• Documento sobre la logística de la prensa acreditada (Con plazo máximo de remisión al 12 de mayo de 2024).',
].join('\n');

const reviewStreams = (streams: Map<string, unknown[]>) => [...streams.keys()].filter((s) => s.startsWith('review:'));

describe('the review queue', () => {
  it('given the seed, then 1312 (the COTAPREP report acknowledged) is queued with its text, span, reason and what was read; a second ingest queues nothing new', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(SEED, 'GRO', false, 'op');
    const entry = report.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!;
    expect(entry.result).toBe('NEEDS_REVIEW');
    expect(entry.reviewIds).toHaveLength(1);
    const item = await app.reviews.find(entry.reviewIds[0]);
    expect(item).toMatchObject({
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1312/2024',
      oficioDate: '2024-03-05',
      status: 'PENDING',
      span: { start: entry.spanStart, end: entry.spanEnd },
      read: { kind: 'REVIEW', number: 'INE/UTSI/1312/2024', deliverable: null },
      queuedBy: 'op',
    });
    expect(item.text).toBe(SEED.slice(entry.spanStart, entry.spanEnd));
    expect(item.text).toMatch(/COTAPREP/);
    expect(item.reasons.join(' ')).toMatch(/no se puede asociar a un documento/);
    const queued = reviewStreams(cases.streams);
    expect(queued).toEqual(report.oficios.flatMap((o) => o.reviewIds));

    const again = await app.intake.ingest(SEED, 'GRO', false, 'op');
    expect(again.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds).toEqual(entry.reviewIds);
    expect(reviewStreams(cases.streams)).toEqual(queued);
    expect(cases.streams.get(entry.reviewIds[0])).toHaveLength(1);
  });

  it('given a reminder with one unrecognised item, then the items read are recorded and only the unknown one waits (rule 5)', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(REMINDER, 'MEX', false, 'op');
    const [reminder] = report.oficios;
    expect(reminder.result).toBe('CREATED');
    expect(reminder.targets).toEqual(['document:MEX:e3-final']);
    expect(reminder.reviewIds).toHaveLength(1);
    const item = await app.reviews.find(reminder.reviewIds[0]);
    expect(item.read.item).toMatchObject({ title: expect.stringMatching(/prensa acreditada/), deliverable: null });
    expect(item.reasons).toEqual([expect.stringMatching(/no se reconoce el entregable/)]);
    expect(reviewStreams(cases.streams)).toHaveLength(1);

    // The operator places it: entregable 34, the plazo the reminder gave; the reminder's item is recorded.
    const resolved = await app.reviews.resolve({ id: item.reviewId, deliverable: 34 }, 'operador.gro');
    expect(resolved).toMatchObject({ status: 'RESOLVED', actor: 'operador.gro' });
    expect(resolved.resolution!.recordedOn).toEqual(['document:MEX:e34-final']);
    expect(cases.streams.get('document:MEX:e34-final')?.[0]).toMatchObject({
      type: 'DocumentOpened',
      data: { deliverable: 34, sourceOficio: 'INE/UTSI/1790/2024' },
    });
  });

  it('resolves 1312 onto the entregable the operator chooses: the oficio is recorded there and the resolution carries the actor', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(SEED, 'GRO', false, 'op');
    const id = report.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];

    expect(await refusal(app.reviews.resolve({ id, deliverable: 99 }, 'x'))).toMatchObject({ field: 'deliverable' });
    expect(await refusal(app.reviews.resolve({ id, deliverable: 3, version: 'BORRADOR' }, 'x'))).toMatchObject({
      field: 'version',
    });
    expect(
      await refusal(app.reviews.resolve({ id, deliverable: 3, documentId: 'document:MEX:e3-final' }, 'x')),
    ).toMatchObject({ field: 'documentId' });
    expect(
      await refusal(app.reviews.resolve({ id: 'review:GRO:0000000000000000', deliverable: 3 }, 'x')),
    ).toBeInstanceOf(NotFound);
    expect(await refusal(app.reviews.resolve({ id: 'nada', deliverable: 3 }, 'x'))).toMatchObject({ field: 'id' });
    expect(cases.streams.get(id)).toHaveLength(1);

    const resolved = await app.reviews.resolve({ id, deliverable: 3, note: 'informe mensual del COTAPREP' }, 'ana');
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      actor: 'ana',
      resolution: {
        target: { deliverable: 3, versionKind: 'FINAL', documentId: null },
        recordedOn: ['document:GRO:e3-final'],
        note: 'informe mensual del COTAPREP',
      },
    });
    const answer = cases.streams.get('document:GRO:e3-final')!.find((e) => e.type === 'IneAnswerRecorded');
    expect(answer?.data).toMatchObject({ oficioNumber: 'INE/UTSI/1312/2024', outcome: 'ACCEPTED' });
    const resolvedEvent = cases.streams.get(id)![1];
    expect(resolvedEvent).toMatchObject({ type: 'ReviewResolved', data: { actor: 'ana' } });

    const twice = await refusal(app.reviews.resolve({ id, deliverable: 3 }, 'otro'));
    expect(twice).toBeInstanceOf(Conflict);
    expect(twice.message).toMatch(/ya fue resuelta por ana/);
    expect(await refusal(app.reviews.dismiss({ id, reason: 'no' }, 'otro'))).toBeInstanceOf(Conflict);
  });

  it('dismisses an item with the actor and the reason; a dismissal without a reason is refused naming reason', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(SEED, 'GRO', false, 'op');
    const id = report.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    const empty = await refusal(app.reviews.dismiss({ id, reason: '  ' }, 'ana'));
    expect(empty).toBeInstanceOf(InvalidInput);
    expect(empty).toMatchObject({ field: 'reason' });
    const dismissed = await app.reviews.dismiss({ id, reason: 'duplicado de otro informe' }, 'ana');
    expect(dismissed).toMatchObject({
      status: 'DISMISSED',
      actor: 'ana',
      resolution: { target: 'descartado', note: 'duplicado de otro informe' },
    });
    expect(foldReview(cases.streams.get(id)!)?.status).toBe('DISMISSED');
    expect(await refusal(app.reviews.resolve({ id, deliverable: 3 }, 'x'))).toBeInstanceOf(Conflict);
  });

  it('a two-version entregable without a version said anywhere is refused naming version', async () => {
    const { app } = inMemoryApplication();
    const report = await app.intake.ingest(SEED, 'GRO', false, 'op');
    const id = report.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    expect(await refusal(app.reviews.resolve({ id, deliverable: 11 }, 'x'))).toMatchObject({ field: 'version' });
  });

  it('the commission’s report lists 1312 as pending review (in its place among the oficios, and in the annex with its reason) until it is resolved', async () => {
    const reports = new GivenReportSources();
    const { app, cases } = inMemoryApplication({ reports });
    const ingest = await app.intake.ingest(SEED, 'GRO', false, 'op');
    const logNow = () =>
      reports.log.splice(
        0,
        reports.log.length,
        ...[...cases.streams].flatMap(([stream_id, events]) => events.map((e) => ({ stream_id, ...e }))),
      );
    logNow();
    const report = await app.reports.build('GRO', '2024-02-18', '2024-03-21');
    expect(report.pendingReview).toEqual([
      {
        number: 'INE/UTSI/1312/2024',
        date: '2024-03-05',
        item: null,
        reasons: [expect.stringMatching(/no se puede asociar a un documento/)],
      },
    ]);
    expect(report.received.map((e) => e.number)).toContain('INE/UTSI/1312/2024');
    const md = renderMarkdown(report);
    expect(md).toMatch(/\n- INE\/UTSI\/1312\/2024 \(5 de marzo de 2024\): pendiente de revisión; no se puede asociar/);

    const id = ingest.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    await app.reviews.resolve({ id, deliverable: 3 }, 'ana');
    logNow();
    const after = await app.reports.build('GRO', '2024-02-18', '2024-03-21');
    expect(after.pendingReview).toEqual([]);
    expect(after.received.map((e) => e.number)).toContain('INE/UTSI/1312/2024');
  });
});
