import { existsSync, writeFileSync } from 'node:fs';
import type { AfterAppend } from './activities';

/**
 * The crash tests' fault (SEGUIMIENTO_FAULT_KILL_AFTER_APPEND): once the first append of decided
 * events has committed, write what it appended to `file` and die with SIGKILL at once, so the
 * workflow task that decided those events never completes. Fires once: when `file` exists, never.
 */
export function killAfterFirstAppend(file: string): AfterAppend {
  return (appended) => {
    if (existsSync(file)) return;
    writeFileSync(file, JSON.stringify(appended));
    process.kill(process.pid, 'SIGKILL');
  };
}
