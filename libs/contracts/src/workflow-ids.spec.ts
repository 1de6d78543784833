import {
  defaultDocumentKey,
  documentWorkflowId,
  parseCaseId,
  parseDocumentWorkflowId,
  requestWorkflowId,
} from './workflow-ids';

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

  it('parses the id of either kind of case, and nothing else', () => {
    expect(parseCaseId(requestWorkflowId('GRO', 'INE/UTSI/1221/2024'))).toEqual({
      kind: 'request',
      ople: 'GRO',
      key: 'ine-utsi-1221-2024',
    });
    expect(parseCaseId('document:MEX:e16-proyecto')).toEqual({ kind: 'document', ople: 'MEX', key: 'e16-proyecto' });
    for (const bad of ['notice:GRO:x', 'request:gro:x', 'request:GRO:', 'document:GRO:a:b', ''])
      expect(parseCaseId(bad)).toBeNull();
  });
});
