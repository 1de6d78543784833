import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('draws the same numbers from the same seed, and others from another', () => {
    const draws = (seed: number) =>
      Array.from(
        { length: 20 },
        (
          (r) => () =>
            r.next()
        )(new SeededRandom(seed)),
      );
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    for (const n of draws(7)) expect(n >= 0 && n < 1).toBe(true);
  });

  it('keeps between() inside its bounds, reaching both ends', () => {
    const r = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => r.between(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles into a permutation of its input, leaving the input as it was', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    const out = new SeededRandom(3).shuffle(input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
