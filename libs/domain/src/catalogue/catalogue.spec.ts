import { DELIVERABLES, findDeliverable } from './deliverables';
import { OPLES, findOple } from './oples';

describe('catalogues', () => {
  it('lists the 34 entregables of lineamiento 33, numbered in order', () => {
    expect(DELIVERABLES.map((d) => d.number)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(findDeliverable(15)?.title).toMatch(/ente auditor/);
    expect(findDeliverable(0)).toBeUndefined();
    expect(findDeliverable(35)).toBeUndefined();
    expect(findDeliverable(2.5)).toBeUndefined();
  });

  it('lists the 32 OPLEs with unique three-letter ids', () => {
    expect(OPLES).toHaveLength(32);
    expect(new Set(OPLES.map((o) => o.id)).size).toBe(32);
    expect(OPLES.every((o) => /^[A-Z]{3}$/.test(o.id))).toBe(true);
    expect(findOple('GRO')?.acronym).toBe('IEPC Guerrero');
    expect(findOple('gro')).toBeUndefined();
  });
});
