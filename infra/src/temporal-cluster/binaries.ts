// The full Temporal server's two binaries, built once with Go from the module proxy and cached.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { CommandFailed, onPath, runWithProgress } from '../executables';
import { StartupError } from '../ports';

/**
 * The full Temporal server — frontend, history, matching and worker services in one process,
 * joined by ringpop membership and keeping every bit of state in PostgreSQL — as opposed to the
 * dev server (`temporal server start-dev`, SQLite). The version the pinned CLI embeds.
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';

/** infra/temporal-server: the project's Go module that pins go.temporal.io/server and its go.sum. */
const goModuleDir = (): string => join(repoRoot(), 'infra', 'temporal-server');
const temporalServerCacheDir = (): string => join(repoRoot(), '.cache', 'temporal-server', TEMPORAL_SERVER_VERSION);

export interface TemporalServerBinaries {
  /** go.temporal.io/server/cmd/server: `temporal-server --root DIR --config config --env ENV start`. */
  server: string;
  /** go.temporal.io/server/cmd/tools/sql: creates databases and applies the versioned schema. */
  sqlTool: string;
}

/** The Go packages built (`go build -o DIR/` names each binary after its package's folder), and their names in the cache. */
const PACKAGES = [
  { pkg: 'go.temporal.io/server/cmd/server', built: 'server', file: 'temporal-server' },
  { pkg: 'go.temporal.io/server/cmd/tools/sql', built: 'sql', file: 'temporal-sql-tool' },
] as const;

/**
 * The server and its SQL tool, built once from the Go module proxy into
 * .cache/temporal-server/<version>/ (90 MB and 41 MB). A Go toolchain is needed the first time:
 * 7 minutes on 2 busy cores with an empty Go build cache, 2 minutes after the CLI's build (they
 * share most packages). Concurrent callers in other processes may both build; the last rename
 * wins and both results are the same binaries.
 */
export async function ensureTemporalServerBinaries(
  log: (line: string) => void = () => undefined,
): Promise<TemporalServerBinaries> {
  const dir = temporalServerCacheDir();
  const binaries: TemporalServerBinaries = {
    server: join(dir, PACKAGES[0].file),
    sqlTool: join(dir, PACKAGES[1].file),
  };
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;

  const go = onPath('go');
  if (!go) {
    throw new StartupError(
      `the full Temporal server is not built yet and no Go toolchain was found to build it: install Go 1.25+ (https://go.dev/dl/), then run \`npm run temporal:cluster\` once`,
    );
  }
  log(
    `building Temporal server v${TEMPORAL_SERVER_VERSION} and temporal-sql-tool from the Go module proxy (first time only, a few minutes)…`,
  );
  const started = Date.now();
  const buildDir = `${dir}.building-${process.pid}`;
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  try {
    try {
      await goBuild(go, buildDir, {}, log);
    } catch (first) {
      // Without the checksum database, the module proxy alone can serve the modules (go.sum still checks them).
      log(`go build failed (${(first as Error).message.split('\n')[0]}); retrying with GOSUMDB=off`);
      await goBuild(go, buildDir, { GOSUMDB: 'off' }, log);
    }
    for (const { built, file } of PACKAGES) renameSync(join(buildDir, built), join(buildDir, file));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    renameSync(buildDir, dir);
  } catch (error) {
    rmSync(buildDir, { recursive: true, force: true });
    if (error instanceof CommandFailed)
      throw new StartupError(`building the Temporal server failed: ${error.summary}\n${error.output}`);
    throw error;
  }
  const version = execFileSync(binaries.server, ['--version']).toString().trim();
  log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s: ${dir} (${version})`);
  return binaries;
}

async function goBuild(
  go: string,
  outDir: string,
  extraEnv: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  let downloads = 0;
  // `-C` runs in the project's module, whose go.mod pins the server and whose go.sum is committed;
  // `-mod=readonly` never rewrites them. `-s -w` drops the symbol tables (a third of the size).
  await runWithProgress(
    go,
    [
      '-C',
      goModuleDir(),
      'build',
      '-mod=readonly',
      '-ldflags=-s -w',
      '-o',
      `${outDir}/`,
      ...PACKAGES.map((p) => p.pkg),
    ],
    {
      env: { ...process.env, ...extraEnv },
      log,
      progress: (seconds) => `  …still building Temporal server (${seconds} s, ${downloads} modules fetched)`,
      onOutput: (text) => (downloads += (text.match(/go: downloading/g) ?? []).length),
    },
  );
}
