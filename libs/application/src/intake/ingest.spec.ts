import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Unavailable } from '../errors';
import { inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';

const SEED = readFileSync(join(__dirname, '../../../intake/src/testing/seed-report.txt'), 'utf8');
const PARTIAL = [
  'Correspondencia recibida del 10 al 30 de abril de 2024:',
  '1. 18 de abril de 2024, oficio INE/UTSI/1761/2024, mediante el cual remite diversas observaciones a los proyectos de acuerdo por los que se determina el número de actualizaciones por hora de los datos y de las bases de datos.',
  '2. 20 de abril de 2024, oficio INE/UTSI/1790/2024, mediante el cual se hace un atento recordatorio de los entregables correspondientes al mes de mayo, siendo los siguientes:',
  '• Informe del mes de abril sobre el avance en la implementación y operación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024).',
  '• Versión final del Informe de evaluación de la ejecución de la prueba (Con plazo máximo de remisión al 10 de mayo de 2024).',
].join('\n');

describe('ingesting correspondence text', () => {
  it('given a dry run, then every oficio is planned or left for review, and nothing is sent', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(SEED, 'GRO', true, 'op');
    expect(report.oficios.length).toBeGreaterThan(10);
    expect(report.oficios.every((o) => o.result === 'PLANNED' || o.result === 'NEEDS_REVIEW')).toBe(true);
    expect(report.created).toBe(0);
    expect(cases.sent).toEqual([]);
    expect(cases.appended).toEqual([]);
  });

  it('given a review of two entregables and a reminder, then the review is recorded on each entregable (rule 3) and the reminder too', async () => {
    const { app, cases } = inMemoryApplication();
    const report = await app.intake.ingest(PARTIAL, 'MEX', false, 'op');
    expect(report).toMatchObject({ created: 2, needsReview: 0, failed: 0 });
    const [review, reminder] = report.oficios;
    expect(review).toMatchObject({ number: 'INE/UTSI/1761/2024', result: 'CREATED' });
    expect(review.targets).toEqual(['document:MEX:e18-proyecto', 'document:MEX:e19-proyecto']);
    for (const id of review.targets)
      expect(cases.streams.get(id)?.find((e) => e.type === 'IneAnswerRecorded')?.data).toMatchObject({
        oficioNumber: 'INE/UTSI/1761/2024',
        outcome: 'OBSERVATIONS',
      });
    expect(reminder).toMatchObject({ number: 'INE/UTSI/1790/2024', result: 'CREATED' });
    expect([...reminder.targets].sort()).toEqual(['document:MEX:e23-final', 'document:MEX:e3-final']);
  });

  it('given the seed recorded once, when it comes again, then nothing is created', async () => {
    const { app } = inMemoryApplication();
    const first = await app.intake.ingest(SEED, 'GRO', false, 'op');
    expect(first.created).toBeGreaterThan(0);
    const again = await app.intake.ingest(SEED, 'GRO', false, 'op');
    expect(again.created).toBe(0);
    expect(again.failed).toBe(first.failed);
  });

  it('reports an oficio the doors refuse as FAILED with the code and the reason, and goes on', async () => {
    const { app, cases } = inMemoryApplication();
    // The reminder's documents are closed cases that take no expectation as another entregable.
    cases.streams.set('document:MEX:e3-final', [
      {
        type: 'DocumentOpened',
        data: {
          documentId: 'document:MEX:e3-final',
          ople: 'MEX',
          deliverable: 4,
          versionKind: 'FINAL',
          title: 'otro',
          openedBy: 'SUBMISSION',
        },
      },
    ]);
    const report = await app.intake.ingest(PARTIAL, 'MEX', false, 'op');
    const reminder = report.oficios[1];
    expect(reminder).toMatchObject({ result: 'FAILED', targets: [] });
    expect(reminder.message).toMatch(/^CONFLICT: deliverable: el documento document:MEX:e3-final es el entregable 4/);
    expect(report.failed).toBe(1);
    // Not lost: it waits in the review queue with the refusal as its reason, once however often it comes.
    expect(reminder.reviewIds).toHaveLength(1);
    const item = await app.reviews.find(reminder.reviewIds[0]);
    expect(item).toMatchObject({ status: 'PENDING', oficioNumber: 'INE/UTSI/1790/2024' });
    expect(item.reasons).toEqual([expect.stringMatching(/^no se pudo registrar: CONFLICT: deliverable: el documento/)]);
    const again = await app.intake.ingest(PARTIAL, 'MEX', false, 'op');
    expect(again.oficios[1].reviewIds).toEqual(reminder.reviewIds);
    expect(cases.streams.get(reminder.reviewIds[0])).toHaveLength(1);
  });

  it('lets a system failure through (the request may be sent again), and refuses an unknown OPLE naming ople', async () => {
    const { app, cases } = inMemoryApplication();
    cases.send = async () => {
      throw new Unavailable();
    };
    expect(await refusal(app.intake.ingest(PARTIAL, 'MEX', false, 'op'))).toBeInstanceOf(Unavailable);
    expect(await refusal(app.intake.ingest(PARTIAL, 'XXX', true, 'op'))).toMatchObject({ field: 'ople' });
  });
});
