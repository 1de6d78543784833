import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { assetBytes } from './console-figure';

describe("the console's first-load bytes", () => {
  const dist = mkdtempSync(join(tmpdir(), 'seguimiento-dist-web-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('adds up the gzip size of each script and stylesheet the page loaded, and names those not from dist/web', () => {
    mkdirSync(join(dist, 'assets'));
    const script = Buffer.from('export const x = 1;\n'.repeat(500));
    const style = Buffer.from('.matrix td { color: red }\n'.repeat(200));
    writeFileSync(join(dist, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc.css'), style);
    const served = new Map([
      ['/assets/index-abc.js', script],
      ['/assets/index-abc.css', style],
    ]);
    const bytes = assetBytes(served, dist);
    expect(bytes.raw).toBe(script.length + style.length);
    expect(bytes.gzip).toBe(gzipSync(script, { level: 9 }).length + gzipSync(style, { level: 9 }).length);
    expect(bytes.gzip).toBeLessThan(bytes.raw / 10);
    expect(gunzipSync(gzipSync(script, { level: 9 })).equals(script)).toBe(true);
    expect(bytes.files).toEqual(['/assets/index-abc.css', '/assets/index-abc.js']);
    expect(bytes.mismatched).toEqual([]);

    const stale = new Map([['/assets/index-abc.js', Buffer.from('otro')], ['/assets/national-x.js', script]]);
    expect(assetBytes(stale, dist).mismatched).toEqual(['/assets/index-abc.js', '/assets/national-x.js']);
  });
});
