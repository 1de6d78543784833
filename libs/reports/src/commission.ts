import { DateTime } from 'luxon';
import { findOple } from '@seguimiento/domain';

/**
 * Who renders the report, and in which institutional form: the commission of the OPLE that follows
 * the PREP, its report numbering, the legal basis of the report, where it is signed and who signs
 * it. One per OPLE, from config/commissions.json (see Commissions in the gateway); an OPLE that is
 * not configured gets `genericCommission`, whose placeholders say what to configure.
 */
export interface CommissionConfig {
  /** The commission's full name, the report's first line. */
  name: string;
  /** How the closing paragraph names it: "la Comisión Especial". */
  shortName: string;
  /** Who renders the report: "la Secretaría Técnica". */
  reportingBody: string;
  /** What the report complies with: "el artículo 40, fracción IX del Reglamento de Comisiones del Consejo General del IEPC Guerrero". */
  legalBasis: string;
  /** Where INE's correspondence is received, and how: "vía correo electrónico, en la Dirección General de Informática y Sistemas del …". */
  receivedAt: string;
  /** Where the report is signed: "Chilpancingo, Guerrero". */
  place: string;
  reportNumber: ReportNumbering;
  signatory: { name: string; position: string[] };
}

/**
 * The report's number: `template` with {seq} (3 digits), {dd}, {mm} and {yyyy} (the report's date,
 * the day after the period ends). One report per month: {seq} counts months from `first`, the
 * report of a known month (periodEnd "2024-03" was number 9).
 */
export interface ReportNumbering {
  template: string;
  first: { periodEnd: string; sequence: number } | null;
}

const PLACEHOLDERS = ['seq', 'dd', 'mm', 'yyyy'] as const;

/** The generic commission of an OPLE that has none configured: every field that must be configured says so. */
export function genericCommission(ople: { id: string; acronym: string; state: string }): CommissionConfig {
  const configure = (field: string) => `[configure oples.${ople.id}.${field} en config/commissions.json]`;
  return {
    name: `Comisión del ${ople.acronym} que da seguimiento a la implementación y operación del PREP`,
    shortName: 'la Comisión',
    reportingBody: 'la Secretaría Técnica',
    legalBasis: configure('legalBasis'),
    receivedAt: `en el ${ople.acronym}`,
    place: ople.state,
    reportNumber: { template: 'INFORME {seq}/PREP/{dd}-{mm}-{yyyy}', first: null },
    signatory: { name: configure('signatory.name'), position: [configure('signatory.position')] },
  };
}

/** The day the report is dated: the day after its period ends (the seed's period ends on 21 March, its report is of 22 March). */
export function reportDate(periodEnd: string): string {
  return DateTime.fromISO(periodEnd).plus({ days: 1 }).toISODate()!;
}

/** "INFORME 009/CESIOPREP/SO/22-03-2024" for the period that ends on 2024-03-21; "s/n" for {seq} when no month is known. */
export function reportNumber(numbering: ReportNumbering, periodEnd: string): string {
  const date = DateTime.fromISO(reportDate(periodEnd));
  let seq = 's/n';
  if (numbering.first) {
    const first = DateTime.fromISO(`${numbering.first.periodEnd}-01`);
    const end = DateTime.fromISO(periodEnd);
    const n = numbering.first.sequence + (end.year - first.year) * 12 + (end.month - first.month);
    if (n >= 1) seq = String(n).padStart(3, '0');
  }
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    seq,
    dd: date.toFormat('dd'),
    mm: date.toFormat('MM'),
    yyyy: date.toFormat('yyyy'),
  };
  return numbering.template.replace(/\{(\w+)\}/g, (_, name: keyof typeof values) => values[name]);
}

/** A configuration that cannot be used: `field` is the path in the file ("oples.GRO.signatory.name"). */
export class CommissionConfigError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'CommissionConfigError';
  }
}

type Raw = Record<string, unknown>;
const FIELDS = ['name', 'shortName', 'reportingBody', 'legalBasis', 'receivedAt', 'place', 'reportNumber', 'signatory'];
const MAX_TEXT = 600;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new CommissionConfigError(field, 'debe ser un texto');
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new CommissionConfigError(field, 'no puede estar vacío');
  if (trimmed.length > MAX_TEXT) throw new CommissionConfigError(field, `tiene más de ${MAX_TEXT} caracteres`);
  // The PDF's metadata is XML: these would break it, and a commission's name has no use for them.
  if (/[<>&\p{Cc}]/u.test(trimmed))
    throw new CommissionConfigError(field, 'contiene <, >, & o caracteres de control, que no se admiten');
  return trimmed;
}

function object(value: unknown, field: string, keys: readonly string[]): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CommissionConfigError(field, 'debe ser un objeto');
  const unknown = Object.keys(value).filter((k) => !keys.includes(k) && !k.startsWith('$'));
  if (unknown.length)
    throw new CommissionConfigError(
      `${field}.${unknown[0]}`,
      `no es un campo conocido (los campos son: ${keys.join(', ')})`,
    );
  return value as Raw;
}

function numbering(value: unknown, field: string): ReportNumbering {
  const raw = object(value, field, ['template', 'first']);
  const template = text(raw.template, `${field}.template`);
  for (const [, name] of template.matchAll(/\{([^}]*)\}/g))
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      throw new CommissionConfigError(
        `${field}.template`,
        `{${name}} no es un marcador conocido (se admiten {seq}, {dd}, {mm} y {yyyy})`,
      );
  if (raw.first === undefined || raw.first === null) return { template, first: null };
  const first = object(raw.first, `${field}.first`, ['periodEnd', 'sequence']);
  const periodEnd = text(first.periodEnd, `${field}.first.periodEnd`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(periodEnd))
    throw new CommissionConfigError(
      `${field}.first.periodEnd`,
      `"${periodEnd}" no es un mes AAAA-MM (el mes en que termina el periodo de ese informe)`,
    );
  const sequence = first.sequence;
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 1 || sequence > 999)
    throw new CommissionConfigError(`${field}.first.sequence`, 'debe ser un número entero de 1 a 999');
  return { template, first: { periodEnd, sequence } };
}

/** Checks one OPLE's commission (over the generic one, so a partial entry is allowed) and names the first bad field. */
export function parseCommission(raw: unknown, base: CommissionConfig, field: string): CommissionConfig {
  const o = object(raw, field, FIELDS);
  const out: CommissionConfig = { ...base, signatory: { ...base.signatory } };
  for (const key of ['name', 'shortName', 'reportingBody', 'legalBasis', 'receivedAt', 'place'] as const)
    if (o[key] !== undefined) out[key] = text(o[key], `${field}.${key}`);
  if (o.reportNumber !== undefined) out.reportNumber = numbering(o.reportNumber, `${field}.reportNumber`);
  if (o.signatory !== undefined) {
    const s = object(o.signatory, `${field}.signatory`, ['name', 'position']);
    if (s.name !== undefined) out.signatory.name = text(s.name, `${field}.signatory.name`);
    if (s.position !== undefined) {
      const lines = typeof s.position === 'string' ? [s.position] : s.position;
      if (!Array.isArray(lines) || lines.length === 0 || lines.length > 4)
        throw new CommissionConfigError(
          `${field}.signatory.position`,
          'debe ser un texto o una lista de 1 a 4 renglones',
        );
      out.signatory.position = lines.map((line, i) => text(line, `${field}.signatory.position[${i}]`));
    }
  }
  return out;
}

/** Every OPLE's commission: the configured ones, and the generic one (with the file's `default` over it) for the rest. */
export class Commissions {
  private constructor(
    private readonly configured: ReadonlyMap<string, CommissionConfig>,
    private readonly defaults: Raw,
  ) {}

  /** What config/commissions.json holds, checked: an error names the file, the field and the reason, in Spanish. */
  static from(raw: unknown, source = 'commissions'): Commissions {
    try {
      const file = object(raw, '(raíz)', ['default', 'oples']);
      const defaults = file.default === undefined ? {} : object(file.default, 'default', FIELDS);
      // The default is checked once, over a probe OPLE, so that its errors name `default`.
      parseCommission(defaults, genericCommission({ id: 'GRO', acronym: 'OPLE', state: 'Estado' }), 'default');
      const configured = new Map<string, CommissionConfig>();
      const oples = file.oples === undefined ? {} : object(file.oples, 'oples', Object.keys(file.oples ?? {}));
      for (const [id, entry] of Object.entries(oples)) {
        if (id.startsWith('$')) continue;
        const ople = findOple(id);
        if (!ople)
          throw new CommissionConfigError(
            `oples.${id}`,
            'no es un OPLE conocido (use la clave del estado, p. ej. GRO)',
          );
        const base = parseCommission(defaults, genericCommission(ople), 'default');
        configured.set(id, parseCommission(entry, base, `oples.${id}`));
      }
      return new Commissions(configured, defaults);
    } catch (error) {
      if (error instanceof CommissionConfigError) error.message = `${source}: ${error.message}`;
      throw error;
    }
  }

  /** The commission of this OPLE: as configured, or the generic one. */
  of(ople: { id: string; acronym: string; state: string }): CommissionConfig {
    return this.configured.get(ople.id) ?? parseCommission(this.defaults, genericCommission(ople), 'default');
  }

  /** Whether the OPLE has its own entry (otherwise its report carries the placeholders of the generic one). */
  isConfigured(ople: string): boolean {
    return this.configured.has(ople);
  }
}
