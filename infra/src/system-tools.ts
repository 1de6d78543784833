import { onPath, runWithProgress } from './executables';

/** Programs the tests need from the operating system, and the Debian package of each. */
const TOOLS = [
  { command: 'chromium', pkg: 'chromium', why: 'the explorer is tested in headless Chromium' },
  { command: 'pdftoppm', pkg: 'poppler-utils', why: "the report's PDF pages are turned into images" },
  { command: 'openssl', pkg: 'openssl', why: "the Temporal cluster's mTLS certificates are made with it" },
] as const;

/**
 * Makes sure Chromium, pdftoppm and openssl are installed: missing ones are installed with apt-get when
 * running as root on Debian (as CI does); otherwise the error says what to install and why.
 */
export async function ensureSystemTools(log: (line: string) => void): Promise<void> {
  const missing = TOOLS.filter((tool) => !onPath(tool.command));
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
