import { OPLES } from '@seguimiento/domain';
import type { Door, OficioClient } from './oficio-client';

/** One oficio of a document's life: which door it goes through, and what it says. */
export interface Step {
  door: Door;
  input: Record<string, unknown>;
  /** The document's status once this oficio is recorded. */
  expect: string;
}

/**
 * A document's two rounds, as in the seed: the OPLE sends the proyecto (its INE review is already
 * overdue, so an escalation fires at once); INE answers with observations; the OPLE sends a new
 * version citing them; INE, citing both, finds them addressed and the document is resolved. Oficio numbers are
 * unique per scenario (`tag`) and document (`i`).
 *
 * The dates are fixed and long past (November 2024), so that what fires does not depend on the day
 * the suite runs: every deadline is found weeks overdue and fires only its highest rung due, at once
 * (dates a few weeks back from a fixed day in 2026 made the rungs that fired, and so the events and
 * mails, depend on how far that day was from the run).
 */
export function documentLife(tag: string, i: number): Step[] {
  const ople = OPLES[i % OPLES.length].id;
  const opleOficio = (n: number) => `IEPC/${ople}/${tag}/${2 * i + n}/2024`;
  const ineOficio = (n: number) => `INE/UTSI/${tag}/${2 * i + n}/2024`;
  return [
    {
      door: 'OPLE',
      input: {
        ople,
        oficioNumber: opleOficio(1),
        date: '2024-11-04',
        deliverable: 6,
        versionKind: 'PROYECTO',
        documentKey: `${tag.toLowerCase()}-${i}`,
      },
      expect: 'UNDER_REVIEW',
    },
    {
      door: 'INE',
      input: {
        ople,
        kind: 'REVIEW',
        oficioNumber: ineOficio(1),
        date: '2024-11-20',
        outcome: 'OBSERVATIONS',
        references: [opleOficio(1)],
        observations: [{ text: 'Precisar el procedimiento de respaldo.' }],
      },
      expect: 'OBSERVED',
    },
    {
      door: 'OPLE',
      input: { ople, oficioNumber: opleOficio(2), date: '2024-11-22', references: [ineOficio(1)] },
      expect: 'UNDER_REVIEW',
    },
    {
      door: 'INE',
      input: {
        ople,
        kind: 'REVIEW',
        oficioNumber: ineOficio(2),
        date: '2024-11-25',
        outcome: 'ADDRESSED',
        references: [opleOficio(2), ineOficio(1)],
      },
      expect: 'RESOLVED',
    },
  ];
}

/**
 * Plays steps `from`..`to` (inclusive) of `count` documents' lives with `concurrency` clients in
 * parallel, each document's steps in order, and checks every answer's status. `onProgress` after
 * each oficio with the number done so far.
 */
export async function playLives(
  client: OficioClient,
  tag: string,
  count: number,
  steps: { from: number; to: number },
  concurrency: number,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<void> {
  const total = count * (steps.to - steps.from + 1);
  let next = 0;
  let done = 0;
  const failures: string[] = [];
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const life = documentLife(tag, i);
      for (let s = steps.from; s <= steps.to; s++) {
        const answer = await client.record(life[s].door, life[s].input);
        if (answer.document?.status !== life[s].expect) {
          failures.push(
            `${String(life[s].input.oficioNumber)}: document ${answer.document?.id ?? '(none)'} is ${answer.document?.status ?? '—'}, expected ${life[s].expect}`,
          );
        }
        onProgress(++done, total);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (failures.length)
    throw new Error(
      `${failures.length} oficios left their document in the wrong state:\n${failures.slice(0, 10).join('\n')}`,
    );
}

/** A progress line on stderr, at most every `everyMs`. */
export function progressLine(label: string, everyMs = 2000): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < everyMs) return;
    last = now;
    process.stderr.write(`  ${label}: ${done}/${total} oficios\n`);
  };
}
