import { checkQueryAnswer } from './query-load';
import { checkPayload } from './subscription-watch';

describe('checkPayload (a subscription payload is an event only when it is the change itself)', () => {
  it('accepts a document change and an escalation', () => {
    expect(
      checkPayload('documentChanged', { data: { documentChanged: { id: 'document:JAL:sk-1', status: 'OBSERVED' } } }),
    ).toBeNull();
    expect(
      checkPayload('escalationRaised', { data: { escalationRaised: { streamId: 'request:JAL:x', step: 'OVERDUE' } } }),
    ).toBeNull();
  });

  it('refuses an error payload, even with data beside it', () => {
    expect(
      checkPayload('documentChanged', {
        data: { documentChanged: { id: 'document:JAL:sk-1' } },
        errors: [{ message: 'Servicio no disponible' }],
      }),
    ).toMatch(/error payload/);
  });

  it('refuses a payload without its case', () => {
    expect(checkPayload('documentChanged', { data: { documentChanged: null } })).toMatch(/without its case/);
    expect(checkPayload('escalationRaised', { data: {} })).toMatch(/without its case/);
  });
});

describe('checkQueryAnswer', () => {
  it('accepts a page, a dashboard and the document asked for', () => {
    expect(
      checkQueryAnswer('documents', { documents: { totalCount: 1, edges: [{ node: { id: 'document:A:b' } }] } }),
    ).toBeNull();
    expect(checkQueryAnswer('dashboard', { dashboard: { overdueCount: 0, byStatus: [] } })).toBeNull();
    expect(checkQueryAnswer('document', { document: { id: 'document:A:b' } }, 'document:A:b')).toBeNull();
  });

  it('refuses a missing answer, a page larger than its total, and another document than the one asked for', () => {
    expect(checkQueryAnswer('dashboard', undefined)).toMatch(/no data/);
    expect(checkQueryAnswer('documents', { documents: { totalCount: 0, edges: [{ node: { id: 'x' } }] } })).toMatch(
      /1 edges of 0/,
    );
    expect(checkQueryAnswer('document', { document: { id: 'document:A:c' } }, 'document:A:b')).toMatch(
      /asked document:A:b/,
    );
  });
});
