import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { onPath, runWithProgress } from './executables';
import { StartupError } from './ports';

/** The CLI version the project pins; it embeds Temporal server 1.29.1. */
const TEMPORAL_CLI_VERSION = '1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

const temporalCacheDir = (): string => join(repoRoot(), '.cache', 'temporal', TEMPORAL_CLI_VERSION);

/**
 * Finds the Temporal CLI: $TEMPORAL_CLI, then `temporal` on PATH, then the project's cache;
 * otherwise builds the pinned version from the Go module proxy into the cache.
 */
export async function ensureTemporalCli(log: (line: string) => void = () => undefined): Promise<string> {
  if (process.env.TEMPORAL_CLI) {
    if (!existsSync(process.env.TEMPORAL_CLI))
      throw new StartupError(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not exist: fix the path or unset it`);
    return process.env.TEMPORAL_CLI;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = join(temporalCacheDir(), 'temporal');
  if (existsSync(cached)) return cached;

  const go = onPath('go');
  if (!go) {
    throw new StartupError(
      'the Temporal CLI is not on PATH and no Go toolchain was found to build it: install Go 1.23+ (https://go.dev/dl/) or put a `temporal` binary on PATH (or set TEMPORAL_CLI)',
    );
  }
  log(`building Temporal CLI v${TEMPORAL_CLI_VERSION} from the Go module proxy (first time only, a few minutes)…`);
  const buildDir = `${temporalCacheDir()}.building`;
  mkdirSync(buildDir, { recursive: true });
  try {
    await goInstall(go, buildDir, {}, log);
  } catch (first) {
    // Without the checksum database, the module proxy alone can serve the module.
    log(`go install failed (${(first as Error).message.split('\n')[0]}); retrying with GOSUMDB=off`);
    await goInstall(go, buildDir, { GOSUMDB: 'off' }, log);
  }
  mkdirSync(join(temporalCacheDir(), '..'), { recursive: true });
  renameSync(buildDir, temporalCacheDir());
  log(`Temporal CLI built: ${cached} (${execFileSync(cached, ['--version']).toString().trim()})`);
  return cached;
}

async function goInstall(
  go: string,
  binDir: string,
  extraEnv: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  let downloads = 0;
  await runWithProgress(go, ['install', MODULE], {
    env: { ...process.env, GOBIN: binDir, GOFLAGS: '-mod=mod', ...extraEnv },
    log,
    progress: (seconds) => `  …still building Temporal CLI (${seconds} s, ${downloads} modules fetched)`,
    onOutput: (text) => (downloads += (text.match(/go: downloading/g) ?? []).length),
  });
}
