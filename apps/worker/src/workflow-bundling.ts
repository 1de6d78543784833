import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';

export const workflowsPath = (): string => join(repoRoot(), 'workflows', 'src', 'index.ts');

/**
 * Temporal's workflow bundler ignores tsconfig `paths`; this hook gives webpack the same aliases,
 * read from tsconfig.base.json so there is one list of them.
 */
export function withWorkspaceAliases<T extends { resolve?: { alias?: unknown } }>(config: T): T {
  const root = repoRoot();
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const alias: Record<string, string> = {};
  for (const [name, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    if (!name.includes('*')) alias[`${name}$`] = join(root, target);
  }
  config.resolve = { ...(config.resolve ?? {}), alias: { ...((config.resolve?.alias as object) ?? {}), ...alias } };
  return config;
}
