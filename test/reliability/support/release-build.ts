import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Release, parseReleases, previousRelease } from './releases';

/** A release's source, built: its compiled apps are under `root/dist`, run by `root/infra/scripts/run-app.js`. */
export interface BuiltRelease extends Release {
  root: string;
  /** How its dependencies were provided: the current node_modules (same package-lock.json), or its own npm ci. */
  dependencies: 'linked' | 'npm ci';
  /** Whether this run built it, or found it built by an earlier run (same commit, same dependencies). */
  reused: boolean;
}

const say = (line: string) => process.stderr.write(`  upgrade drill: ${line}\n`);

function git(repo: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() || String(r.error ?? '') };
}

function run(command: string, args: string[], cwd: string, what: string): void {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0)
    throw new Error(
      `${what} failed (exit ${r.status ?? r.signal}):\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-4000)}`,
    );
  say(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The release the drill upgrades from: infra/releases.json's latest entry that is an ancestor of HEAD. */
export function releaseToUpgradeFrom(repo: string): Release {
  const releases = parseReleases(JSON.parse(readFileSync(join(repo, 'infra', 'releases.json'), 'utf8')));
  return previousRelease(releases, (commit) => {
    ensureCommit(repo, commit);
    return git(repo, ['merge-base', '--is-ancestor', commit, 'HEAD']).ok;
  });
}

/** The commit in this clone, fetched from origin if it is missing; fails saying so when it cannot be had. */
function ensureCommit(repo: string, commit: string): void {
  if (git(repo, ['cat-file', '-e', `${commit}^{commit}`]).ok) return;
  say(`commit ${commit} is not in this clone: fetching it from origin…`);
  const fetched = git(repo, ['fetch', '--no-tags', 'origin', commit]);
  if (!git(repo, ['cat-file', '-e', `${commit}^{commit}`]).ok)
    throw new Error(
      `the release commit ${commit} (infra/releases.json) is not in this clone and could not be fetched from origin` +
        ` (${fetched.err || 'no error given'}): fetch it (git fetch origin ${commit}, or clone without --depth) and run the drill again`,
    );
}

/**
 * The release's source, materialised with `git archive` in a folder of the system's temporary
 * directory and compiled with its own `tsc -b tsconfig.build.json` (the worker and the gateway
 * need no console build to start). Its dependencies: a link to the current node_modules when its
 * package-lock.json is the current one, else its own `npm ci --ignore-scripts`. A folder already
 * built from the same commit with the same dependencies is used again (a line says so).
 */
export function buildRelease(repo: string, release: Release): BuiltRelease {
  const started = Date.now();
  ensureCommit(repo, release.commit);
  const lock = git(repo, ['show', `${release.commit}:package-lock.json`]);
  if (!lock.ok) throw new Error(`release ${release.version}: no package-lock.json at ${release.commit} (${lock.err})`);
  const currentLock = readFileSync(join(repo, 'package-lock.json'), 'utf8');
  const dependencies = lock.out === currentLock ? 'linked' : 'npm ci';
  const stamp = createHash('sha256')
    .update(`${release.commit}\n${dependencies}\n${dependencies === 'linked' ? currentLock : ''}`)
    .digest('hex');
  const root = join(tmpdir(), `seguimiento-release-${release.version}-${release.commit.slice(0, 12)}`);
  const marker = join(root, '.upgrade-drill-built');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) {
    say(`release ${release.version} (${release.commit.slice(0, 12)}) already built in ${root}: using it`);
    return { ...release, root, dependencies, reused: true };
  }
  say(`materialising release ${release.version} (${release.commit}) in ${root}…`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const tar = `${root}.tar`;
  const archived = git(repo, ['archive', '--format=tar', '-o', tar, release.commit]);
  if (!archived.ok) throw new Error(`git archive ${release.commit} failed: ${archived.err}`);
  run('tar', ['-xf', tar, '-C', root], root, 'unpacking its source');
  rmSync(tar, { force: true });
  if (dependencies === 'linked') {
    symlinkSync(realpathSync(join(repo, 'node_modules')), join(root, 'node_modules'), 'dir');
    say('its package-lock.json is the current one: linked the current node_modules');
  } else {
    say('its package-lock.json differs from the current one: npm ci --ignore-scripts…');
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], root, 'npm ci');
  }
  say('compiling it (tsc -b tsconfig.build.json)…');
  run(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
    root,
    'tsc -b',
  );
  for (const app of ['worker', 'gateway'])
    if (!existsSync(join(root, 'dist', 'apps', app, 'src', 'main.js')))
      throw new Error(`release ${release.version}: its build made no dist/apps/${app}/src/main.js`);
  writeFileSync(marker, stamp);
  say(`release ${release.version} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { ...release, root, dependencies, reused: false };
}
