import { defaultDocumentKey, documentWorkflowId, parseDocumentWorkflowId } from './workflow-ids';

describe('document workflow ids', () => {
  it('builds document:<ople>:<documentKey> and parses it back', () => {
    const id = documentWorkflowId('GRO', defaultDocumentKey(15, 'PROYECTO'));
    expect(id).toBe('document:GRO:e15-proyecto');
    expect(parseDocumentWorkflowId(id)).toEqual({ ople: 'GRO', documentKey: 'e15-proyecto' });
  });

  it.each([
    ['gro', 'e15-final', /ople/],
    ['GRO', 'E15', /documentKey/],
    ['GRO', '', /documentKey/],
    ['GRO', 'a:b', /documentKey/],
    ['GRO', 'x'.repeat(101), /documentKey/],
  ])('refuses ople %j with key %j', (ople, key, message) => {
    expect(() => documentWorkflowId(ople, key)).toThrow(message);
  });

  it('does not parse foreign ids', () => {
    expect(parseDocumentWorkflowId('request:GRO:x')).toBeNull();
    expect(parseDocumentWorkflowId('document:GRO:')).toBeNull();
  });
});
