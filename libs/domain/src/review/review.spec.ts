import { DomainError } from '../shared/domain-error';
import { type ReviewItem, checkDismissal, checkResolution, foldReview, opleOfReview, reviewStreamId } from './review';

const queued = (over: Partial<ReviewItem['read']> = {}) => ({
  type: 'ReviewQueued',
  data: {
    reviewId: 'review:GRO:0123456789abcdef',
    ople: 'GRO',
    oficioNumber: 'INE/UTSI/1312/2024',
    oficioDate: '2024-03-05',
    text: '7. 05 de marzo de 2024, oficio INE/UTSI/1312/2024, …',
    span: { start: 10, end: 60 },
    reasons: ['no se puede asociar a un documento'],
    read: {
      number: 'INE/UTSI/1312/2024',
      date: '2024-03-05',
      kind: 'REVIEW',
      outcome: 'ACCEPTED',
      additionalObservations: false,
      references: [],
      deliverable: null,
      deliverables: [],
      deliverableVersion: null,
      subject: null,
      summary: null,
      deadline: null,
      meetingAt: null,
      items: [],
      ...over,
    },
    queuedBy: 'op',
    queuedAt: '2024-03-22T12:00:00.000Z',
  },
});

const field = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('a review item', () => {
  it('folds queued → resolved or dismissed, each with its actor; an unknown event is refused naming type', () => {
    const item = foldReview([queued()])!;
    expect(item).toMatchObject({ status: 'PENDING', actor: null, resolution: null });
    const target = { deliverable: 34, versionKind: 'FINAL' as const, documentId: null, dueDate: null };
    const resolved = foldReview([
      queued(),
      {
        type: 'ReviewResolved',
        data: { reviewId: item.reviewId, target, recordedOn: ['d'], note: null, actor: 'ana', at: 'x' },
      },
    ]);
    expect(resolved).toMatchObject({ status: 'RESOLVED', actor: 'ana', resolution: { target, recordedOn: ['d'] } });
    const dismissed = foldReview([
      queued(),
      { type: 'ReviewDismissed', data: { reviewId: item.reviewId, reason: 'duplicado', actor: 'luis', at: 'x' } },
    ]);
    expect(dismissed).toMatchObject({
      status: 'DISMISSED',
      actor: 'luis',
      resolution: { target: 'descartado', note: 'duplicado' },
    });
    expect(foldReview([])).toBeNull();
    expect(field(() => foldReview([queued(), { type: 'DocumentOpened', data: {} }]))).toBe('type');
  });

  it('ids are review:<OPLE>:<hex>, and the OPLE is read back from them', () => {
    expect(reviewStreamId('GRO', '0123456789abcdef')).toBe('review:GRO:0123456789abcdef');
    expect(opleOfReview('review:GRO:0123456789abcdef')).toBe('GRO');
    expect(opleOfReview('review:GRO:../x')).toBeNull();
    expect(opleOfReview('document:GRO:e3-final')).toBeNull();
  });

  it('a resolution takes the version said, or FINAL for a single-version entregable; refuses what does not fit, naming the field', () => {
    const item = foldReview([queued()])!;
    expect(checkResolution(item, { deliverable: 34 })).toEqual({
      deliverable: 34,
      versionKind: 'FINAL',
      documentId: null,
      dueDate: null,
    });
    expect(checkResolution(item, { deliverable: 11, version: 'PROYECTO' }).versionKind).toBe('PROYECTO');
    expect(field(() => checkResolution(item, { deliverable: 11 }))).toBe('version');
    expect(field(() => checkResolution(item, { deliverable: 0 }))).toBe('deliverable');
    expect(field(() => checkResolution(item, { deliverable: '3' }))).toBe('deliverable');
    expect(field(() => checkResolution(item, { deliverable: 3, documentId: 'document:MEX:e3-final' }))).toBe(
      'documentId',
    );
    expect(field(() => checkResolution(item, { deliverable: 3, dueDate: '2024-02-30' }))).toBe('dueDate');
  });

  it('a reminder’s item needs its plazo: the one read, or the one the operator gives', () => {
    const item = { title: 'Logística', deliverable: null, version: null, dueDate: null };
    const reminder = foldReview([queued({ kind: 'REMINDER', outcome: null, item })])!;
    expect(field(() => checkResolution(reminder, { deliverable: 34 }))).toBe('dueDate');
    expect(checkResolution(reminder, { deliverable: 34, dueDate: '2024-05-12' }).dueDate).toBe('2024-05-12');
    const dated = foldReview([queued({ kind: 'REMINDER', outcome: null, item: { ...item, dueDate: '2024-05-12' } })])!;
    expect(checkResolution(dated, { deliverable: 34 }).dueDate).toBe('2024-05-12');
  });

  it('a dismissal needs a reason', () => {
    expect(field(() => checkDismissal('  '))).toBe('reason');
    expect(field(() => checkDismissal(null))).toBe('reason');
    expect(checkDismissal(' duplicado ')).toBe('duplicado');
  });
});
