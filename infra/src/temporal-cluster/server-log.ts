// The server's JSON log lines, shortened for error messages.
import type { ManagedProcess } from '../managed-process';

/**
 * The server's last lines, shortened: its JSON log lines become `level: msg: error` (their stack
 * traces run to kilobytes), repeated lines appear once.
 */
export function summarizeServerLines(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    let text = line;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; error?: string };
      if (entry.msg) text = [entry.level, entry.msg, entry.error].filter(Boolean).join(': ');
    } catch {
      // not JSON: as printed
    }
    if (!out.includes(text)) out.push(text);
  }
  return out.join('\n');
}

export const serverErrors = (server: ManagedProcess): string =>
  summarizeServerLines(server.lastLines(40).split('\n')).split('\n').slice(-10).join('\n');
