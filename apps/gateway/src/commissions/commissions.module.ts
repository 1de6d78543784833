import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { Commissions } from '@seguimiento/reports';
import { repoRoot } from '@seguimiento/runtime';

/**
 * Each OPLE's commission (name, report numbering, legal basis, place, signatory) for its
 * correspondence report, read once at start from `SEGUIMIENTO_COMMISSIONS_FILE` (default
 * config/commissions.json). A bad file stops the gateway with the field and the reason.
 */
export function commissionsFromFile(
  path = process.env.SEGUIMIENTO_COMMISSIONS_FILE || join(repoRoot(), 'config', 'commissions.json'),
): Commissions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: no se puede leer la configuración de las comisiones (${(error as Error).message})`);
  }
  return Commissions.from(raw, path);
}

@Module({ providers: [{ provide: Commissions, useFactory: () => commissionsFromFile() }], exports: [Commissions] })
export class CommissionsModule {}
