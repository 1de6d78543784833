import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { backfillCaseOficios } from '@seguimiento/persistence';
import {
  DELIVERABLES,
  type DocumentCommand,
  type DocumentEvent,
  type DocumentState,
  OPLES,
  addCountedDays,
  decideDocument,
  effectiveTimeOf,
  foldDocument,
  initialDocumentState,
  policyWith,
} from '@seguimiento/domain';

export interface DatasetOptions {
  oples: number;
  documentsPerOple: number;
  /** Observation rounds per document before INE resolves it (some stay open). */
  rounds: number;
  seed: number;
  onProgress?: (documents: number, events: number) => void;
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same dataset. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes a deterministic, realistic log straight into the events table: for each OPLE and
 * document, the commands an operator would record (submission, INE's observations, new versions,
 * partial and full addressing), decided by the real domain. Bulk inserts, for benchmarks and
 * rebuild measurements; the workflows are not involved (the `case_oficios` index is filled at the end).
 */
export async function generateDataset(
  db: DataSource,
  options: DatasetOptions,
): Promise<{ documents: number; events: number }> {
  const random = prng(options.seed);
  const [{ last }] = await db.query('SELECT coalesce(max(position), 0)::text AS last FROM events');
  const policy = policyWith();
  const oples = OPLES.slice(0, options.oples);
  const pending: unknown[][] = [];
  let documents = 0;
  let events = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const columns = ['event_id', 'stream_id', 'stream_version', 'type', 'data', 'metadata', 'occurred_at'];
    const cols = columns.map((_, c) => pending.map((row) => row[c]));
    await db.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])`,
      cols,
    );
    pending.length = 0;
  };

  for (const ople of oples) {
    for (let n = 0; n < options.documentsPerOple; n++) {
      const deliverable = DELIVERABLES[Math.floor(random() * DELIVERABLES.length)];
      const documentId = `document:${ople.id}:gen-${n}`;
      const identity = {
        documentId,
        ople: ople.id,
        deliverable: deliverable.number,
        versionKind: 'PROYECTO' as const,
        policy,
      };
      let state: DocumentState = initialDocumentState;
      let day = addCountedDays('2024-01-02', Math.floor(random() * 60), policy);
      const commands: DocumentCommand[] = [];
      const oficio = (issuer: string, k: number) =>
        `${issuer}/${String(1000 + ((n * 7 + k) % 9000)).padStart(4, '0')}/2024`;
      commands.push({
        type: 'SubmitDocument',
        data: { ...identity, oficioNumber: oficio(`IEPC/${ople.id}/SE`, 0), submittedOn: day },
      });
      let lastIne: string | null = null;
      const rounds = Math.floor(random() * (options.rounds + 1));
      for (let r = 0; r < rounds; r++) {
        day = addCountedDays(day, 1 + Math.floor(random() * 9), policy);
        const ine = oficio(`INE/UTSI-${ople.id}-${n}`, r + 1);
        commands.push({
          type: 'RecordIneAnswer',
          data: lastIne
            ? {
                oficioNumber: ine,
                date: day,
                outcome: random() < 0.5 ? 'PARTIALLY_ADDRESSED' : 'ADDRESSED',
                additionalObservations: true,
                references: [lastIne],
              }
            : {
                oficioNumber: ine,
                date: day,
                outcome: 'OBSERVATIONS',
                additionalObservations: false,
                references: [],
                observations: [{ text: 'Observación' }, { text: 'Otra observación' }],
              },
        });
        lastIne = ine;
        day = addCountedDays(day, 1 + Math.floor(random() * 5), policy);
        commands.push({
          type: 'SubmitDocument',
          data: { ...identity, oficioNumber: oficio(`IEPC/${ople.id}/SE`, r + 10), submittedOn: day },
        });
      }
      if (random() < 0.6) {
        day = addCountedDays(day, 1 + Math.floor(random() * 9), policy);
        commands.push({
          type: 'RecordIneAnswer',
          data: lastIne
            ? {
                oficioNumber: oficio(`INE/UTSI-${ople.id}-${n}`, 99),
                date: day,
                outcome: 'ADDRESSED',
                additionalObservations: false,
                references: [lastIne],
              }
            : {
                oficioNumber: oficio(`INE/UTSI-${ople.id}-${n}`, 99),
                date: day,
                outcome: 'ACCEPTED',
                additionalObservations: false,
                references: [],
              },
        });
      }
      for (const command of commands) {
        const decided: DocumentEvent[] = decideDocument(command, state);
        const effectiveAt = effectiveTimeOf(decided, new Date().toISOString());
        decided.forEach((event, i) => {
          pending.push([
            randomUUID(),
            documentId,
            state.version + i + 1,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify({ effectiveAt, generated: true }),
            effectiveAt,
          ]);
        });
        state = foldDocument(decided, state);
        events += decided.length;
      }
      documents += 1;
      if (pending.length >= 5000) {
        await flush();
        options.onProgress?.(documents, events);
      }
    }
  }
  await flush();
  // Written around `append`, so the index of oficios to cases is filled here, as the migration does.
  await backfillCaseOficios(db.manager, { after: last });
  options.onProgress?.(documents, events);
  return { documents, events };
}
