import { canonicalJson, decidedEventId } from './event-ids';

describe('canonicalJson', () => {
  it('gives the same text whatever the order of the keys, at any depth, leaving undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' }, u: undefined })).toBe(
      canonicalJson({ a: { c: 'z', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('tells apart values that differ only inside', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });
});

describe('decidedEventId', () => {
  const data = { documentId: 'document:GRO:x', oficioNumber: 'IEPC/1/2024', pages: [1, 2] };
  const id = decidedEventId('document:GRO:x', 1, 'DocumentSubmitted', data);

  it('is a UUID (variant 10, layout of version 5)', () => {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is the same for the same event at the same place, however its keys were ordered (a retried decision)', () => {
    const reordered = { pages: [1, 2], oficioNumber: 'IEPC/1/2024', documentId: 'document:GRO:x' };
    expect(decidedEventId('document:GRO:x', 1, 'DocumentSubmitted', reordered)).toBe(id);
  });

  it('differs when anything differs: the stream, the version, the type or the data', () => {
    const others = [
      decidedEventId('document:GRO:y', 1, 'DocumentSubmitted', data),
      decidedEventId('document:GRO:x', 2, 'DocumentSubmitted', data),
      decidedEventId('document:GRO:x', 1, 'DocumentExpected', data),
      decidedEventId('document:GRO:x', 1, 'DocumentSubmitted', { ...data, pages: [1, 3] }),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });
});
