import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys sorted, so the same value always gives the same text (PostgreSQL's
 * jsonb hands keys back in its own order; `undefined` fields are left out, as JSON.stringify does).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${fields.join(',')}}`;
}

/**
 * The id of an event decided for a stream, derived from what it is and where it goes: its stream,
 * its version there, its type and its data (a UUID of version 5's layout over SHA-256). A decision
 * retried after a lost workflow task (its worker killed between the append and the task's
 * completion) decides the same events, so it finds them under the same ids and writes nothing; a
 * retried decision that came out different gets other ids, which the stream, already at that
 * version, refuses. No id can ever name two contents.
 */
export function decidedEventId(streamId: string, version: number, type: string, data: unknown): string {
  const hex = createHash('sha256').update(canonicalJson({ streamId, version, type, data })).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
