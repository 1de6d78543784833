/** A released commit: its CI passed, and a later version must take over its data and workflows. */
export interface Release {
  version: string;
  /** The full 40-hex commit id. */
  commit: string;
  /** The day it landed (YYYY-MM-DD). */
  landed: string;
}

/**
 * Reads infra/releases.json's contents (`{ releases: [...] }`, oldest first): each entry named by
 * its position and field when it is not a release, and versions and commits listed once.
 */
export function parseReleases(raw: unknown, source = 'infra/releases.json'): Release[] {
  const list = (raw as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(list)) throw new Error(`${source}: releases must be a list of { version, commit, landed }`);
  const releases = list.map((entry: unknown, i) => {
    const where = `${source}: releases[${i}]`;
    const r = (entry ?? {}) as Record<string, unknown>;
    if (typeof r.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(r.version))
      throw new Error(`${where}.version: "${String(r.version)}" is not a version like 0.6.0`);
    if (typeof r.commit !== 'string' || !/^[0-9a-f]{40}$/.test(r.commit))
      throw new Error(`${where}.commit: "${String(r.commit)}" is not a full commit id (40 hex digits: git rev-parse)`);
    if (typeof r.landed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.landed) || Number.isNaN(Date.parse(r.landed)))
      throw new Error(`${where}.landed: "${String(r.landed)}" is not a date (YYYY-MM-DD)`);
    return { version: r.version, commit: r.commit, landed: r.landed };
  });
  for (const key of ['version', 'commit'] as const) {
    const seen = new Set<string>();
    for (const r of releases) {
      if (seen.has(r[key])) throw new Error(`${source}: ${key} ${r[key]} is listed twice`);
      seen.add(r[key]);
    }
  }
  return releases;
}

/**
 * The release to upgrade from: the latest listed (the last entry) whose commit is an ancestor of
 * the code under test (`isAncestor`; HEAD counts as its own ancestor). Fails when there is none.
 */
export function previousRelease(releases: readonly Release[], isAncestor: (commit: string) => boolean): Release {
  for (let i = releases.length - 1; i >= 0; i--) if (isAncestor(releases[i].commit)) return releases[i];
  throw new Error(
    releases.length
      ? `none of the ${releases.length} releases in infra/releases.json is an ancestor of HEAD: nothing to upgrade from`
      : 'infra/releases.json lists no release: nothing to upgrade from',
  );
}
