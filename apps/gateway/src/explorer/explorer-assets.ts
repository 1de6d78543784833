import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXPLORER_SCRIPT } from './explorer-script';

/**
 * What the explorer page loads, every byte from installed packages (GraphiQL 3 and React 18
 * UMD builds) or from this module: no CDN, so the explorer works on a closed network.
 */
export interface ExplorerAsset {
  contentType: string;
  body: Buffer;
}

const FROM_PACKAGES: Record<string, { pkg: string; file: string; contentType: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'react-dom.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
};

/** A file of an installed package (through its package.json: the UMD builds are not in its exports). */
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const cache = new Map<string, ExplorerAsset>();

/** The asset called `name`, read once and kept; undefined for any other name. */
export function explorerAsset(name: string): ExplorerAsset | undefined {
  const cached = cache.get(name);
  if (cached) return cached;
  let asset: ExplorerAsset | undefined;
  if (name === 'explorer.js') {
    asset = { contentType: 'text/javascript; charset=utf-8', body: Buffer.from(EXPLORER_SCRIPT) };
  } else if (Object.hasOwn(FROM_PACKAGES, name)) {
    const { pkg, file, contentType } = FROM_PACKAGES[name];
    asset = { contentType, body: readFileSync(packageFile(pkg, file)) };
  }
  if (asset) cache.set(name, asset);
  return asset;
}
