import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { onPath, runWithProgress } from './executables';

/** Whether Tesseract's Spanish data is installed (Debian: /usr/share/tesseract-ocr/<version>/tessdata/spa.traineddata). */
function spanishOcrData(): boolean {
  const base = '/usr/share/tesseract-ocr';
  if (!existsSync(base)) return false;
  return readdirSync(base).some((version) => existsSync(join(base, version, 'tessdata', 'spa.traineddata')));
}

/** Programs the tests need from the operating system, and the Debian package of each. */
const TOOLS = [
  { command: 'chromium', pkg: 'chromium', why: 'the explorer is tested in headless Chromium' },
  {
    command: 'pdftoppm',
    pkg: 'poppler-utils',
    why: "the report's PDF pages are turned into images; scans are rendered for OCR",
  },
  { command: 'openssl', pkg: 'openssl', why: "the Temporal cluster's mTLS certificates are made with it" },
  { command: 'tesseract', pkg: 'tesseract-ocr', why: 'scanned PDFs are read with OCR' },
  { command: 'sqlite3', pkg: 'sqlite3', why: "the backup copies the Temporal dev server's SQLite file online" },
  {
    command: 'tesseract',
    pkg: 'tesseract-ocr-spa',
    why: "OCR reads Spanish with Tesseract's Spanish data",
    present: spanishOcrData,
  },
] as const;

const isPresent = (tool: (typeof TOOLS)[number]) => ('present' in tool ? tool.present() : onPath(tool.command));

/**
 * Makes sure Chromium, pdftoppm, openssl, Tesseract (with Spanish) and sqlite3 are installed: missing ones are
 * installed with apt-get when running as root on Debian (as CI does); otherwise the error says what
 * to install and why.
 */
export async function ensureSystemTools(log: (line: string) => void): Promise<void> {
  const missing = TOOLS.filter((tool) => !isPresent(tool));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg);
  const reasons = missing.map((tool) => `${tool.command} (${tool.why})`).join('; ');
  if (!onPath('apt-get') || process.getuid?.() !== 0) {
    throw new Error(
      `missing ${reasons}: install the Debian packages ${packages.join(' ')} (apt-get install ${packages.join(' ')})`,
    );
  }
  log(`installing ${packages.join(', ')} with apt-get: ${reasons}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const progress = (seconds: number) => `still installing ${packages.join(', ')}… ${seconds} s`;
  await runWithProgress('apt-get', ['update', '-qq'], { env, log, progress });
  await runWithProgress('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env,
    log,
    progress,
  });
}
