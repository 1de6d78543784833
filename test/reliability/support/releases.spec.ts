import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { type Release, parseReleases, previousRelease } from './releases';

const sha = (c: string) => c.repeat(40);
const release = (version: string, c: string, landed = '2026-12-02'): Release => ({ version, commit: sha(c), landed });

describe('the list of releases the upgrade drill starts from', () => {
  it('reads the committed infra/releases.json', () => {
    const releases = parseReleases(JSON.parse(readFileSync(join(repoRoot(), 'infra', 'releases.json'), 'utf8')));
    expect(releases.length).toBeGreaterThan(0);
  });

  it('names the entry and the field that is not a release', () => {
    expect(() => parseReleases({})).toThrow('releases must be a list');
    expect(() =>
      parseReleases({ releases: [release('0.6.0', 'a'), { ...release('0.7.0', 'b'), version: 'v7' }] }),
    ).toThrow('releases[1].version: "v7" is not a version');
    expect(() => parseReleases({ releases: [{ ...release('0.6.0', 'a'), commit: '1ba5555' }] })).toThrow(
      'releases[0].commit: "1ba5555" is not a full commit id',
    );
    expect(() => parseReleases({ releases: [{ ...release('0.6.0', 'a'), landed: '2 dic' }] })).toThrow(
      'releases[0].landed: "2 dic" is not a date',
    );
    expect(() => parseReleases({ releases: [release('0.6.0', 'a'), release('0.6.0', 'b')] })).toThrow(
      'version 0.6.0 is listed twice',
    );
    expect(() => parseReleases({ releases: [release('0.6.0', 'a'), release('0.7.0', 'a')] })).toThrow(
      `commit ${sha('a')} is listed twice`,
    );
  });

  it('takes the latest release that is an ancestor of HEAD', () => {
    const releases = [release('0.5.0', 'a'), release('0.6.0', 'b'), release('0.7.0', 'c')];
    // 0.7.0 is on another branch: the drill upgrades from 0.6.0.
    expect(previousRelease(releases, (c) => c !== sha('c')).version).toBe('0.6.0');
    expect(previousRelease(releases, () => true).version).toBe('0.7.0');
    expect(() => previousRelease(releases, () => false)).toThrow('none of the 3 releases');
    expect(() => previousRelease([], () => true)).toThrow('lists no release');
  });
});
