import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';

/** A file of the built console. */
export interface ConsoleFile {
  contentType: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** A name Vite gives a built asset (letters, digits, dash, underscore, dots): nothing that climbs out of the folder. */
const ASSET_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[a-z0-9]+$/;

/**
 * The console as Vite built it (dist/web, by `npm run build:web`, or by `npm start` / `npm test`
 * when stale): index.html and the hashed files under assets/. Read once and kept; index.html is
 * re-read when the build changes it.
 */
export class ConsoleFiles {
  private readonly assets = new Map<string, ConsoleFile>();
  private index: { mtimeMs: number; body: Buffer } | null = null;

  constructor(private readonly folder = join(repoRoot(), 'dist', 'web')) {}

  /** index.html, or null when the console has not been built. */
  indexHtml(): Buffer | null {
    const path = join(this.folder, 'index.html');
    if (!existsSync(path)) return null;
    const { mtimeMs } = statSync(path);
    if (!this.index || this.index.mtimeMs !== mtimeMs) this.index = { mtimeMs, body: readFileSync(path) };
    return this.index.body;
  }

  /** A file of assets/, or undefined for any other name. */
  asset(name: string): ConsoleFile | undefined {
    if (!ASSET_NAME.test(name)) return undefined;
    const contentType = TYPES[extname(name)];
    if (!contentType) return undefined;
    const cached = this.assets.get(name);
    if (cached) return cached;
    const path = join(this.folder, 'assets', name);
    if (!existsSync(path)) return undefined;
    const file = { contentType, body: readFileSync(path) };
    this.assets.set(name, file);
    return file;
  }
}
