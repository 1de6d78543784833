import { parseArgs } from 'node:util';
import { findOple } from '@seguimiento/domain';
import { UsageError } from './usage';

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Node's own parser, strict: an unknown option or a missing value is a UsageError naming it. */
export function parse<S extends Spec>(args: string[], options: S, positionals = 0) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: positionals > 0,
      strict: true,
    });
    if (parsed.positionals.length > positionals)
      throw new UsageError(`argumento de más: "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      (error as Error).message
        .replace(/^Unknown option '([^']+)'.*$/s, 'opción desconocida: $1')
        .replace(/^Option '([^']+)' argument missing.*$/s, 'a la opción $1 le falta su valor'),
    );
  }
}

export function opleArg(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new UsageError('falta --ople: la clave ISO del OPLE, p. ej. --ople GRO');
    return undefined;
  }
  const id = value.toUpperCase();
  if (!findOple(id))
    throw new UsageError(`--ople: "${value}" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO)`);
  return id;
}

export function dateArg(name: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new UsageError(`falta --${name}: una fecha AAAA-MM-DD`);
    return undefined;
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--${name}: "${value}" no es una fecha válida AAAA-MM-DD`);
  }
  return value;
}
