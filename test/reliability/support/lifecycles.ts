import { OPLES, localDateOf } from '@seguimiento/domain';
import type { Door, OficioClient, Recorded } from './oficio-client';

/** One oficio of a case's life: which door it goes through, and what it says. */
export interface Step {
  door: Door;
  input: Record<string, unknown>;
  /** The case's status once this oficio is recorded (its document's, its request's, or its first expected deliverable's). */
  expect: string;
}

/**
 * The run's clock: dates are counted from today in Mexico City (the day the suite runs), so
 * what is overdue and what is still pending is the same whatever the date.
 */
export function runDay(offset: number, today = localDateOf(new Date())): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * How many oficios of document `i`'s life are played: four of every six documents are resolved
 * (the whole life); the fifth stays OBSERVED (the ball with the OPLE, its answer due in 3 days) and
 * the sixth UNDER_REVIEW after the OPLE's answer (INE's review due in 9 days) — a third of the
 * documents open when the invariants run, each with its escalation ladder's timers pending.
 */
export function lifeLength(i: number): number {
  return i % 6 === 4 ? 2 : i % 6 === 5 ? 3 : 4;
}

/** Documents of `count` whose lives end resolved. */
export function resolvedOf(count: number): number {
  return Array.from({ length: count }, (_, i) => lifeLength(i)).filter((n) => n === 4).length;
}

/** Oficios played by steps `from`..`to` of `count` documents' lives. */
export function oficiosOf(count: number, steps = { from: 0, to: 3 }): number {
  let n = 0;
  for (let i = 0; i < count; i++) n += Math.max(0, Math.min(steps.to, lifeLength(i) - 1) - steps.from + 1);
  return n;
}

/**
 * A document's two rounds, as in the seed, dated from the run's clock: the OPLE sent the proyecto
 * 30 days ago (its INE review is long overdue, so an escalation fires at once); INE answered
 * 2 days ago with observations; the OPLE sent a new version citing them yesterday; today INE,
 * citing both, finds them addressed and the document is resolved. Oficio numbers are unique per
 * scenario (`tag`) and document (`i`). Only the first `length` oficios (lifeLength) are its life.
 */
export function documentLife(tag: string, i: number, today = localDateOf(new Date()), length = lifeLength(i)): Step[] {
  const ople = OPLES[i % OPLES.length].id;
  const year = today.slice(0, 4);
  const opleOficio = (n: number) => `IEPC/${ople}/${tag}/${2 * i + n}/${year}`;
  const ineOficio = (n: number) => `INE/UTSI/${tag}/${2 * i + n}/${year}`;
  return [
    {
      door: 'OPLE',
      input: {
        ople,
        oficioNumber: opleOficio(1),
        date: runDay(-30, today),
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
        date: runDay(-2, today),
        outcome: 'OBSERVATIONS',
        references: [opleOficio(1)],
        observations: [{ text: 'Precisar el procedimiento de respaldo.' }],
      },
      expect: 'OBSERVED',
    },
    {
      door: 'OPLE',
      input: { ople, oficioNumber: opleOficio(2), date: runDay(-1, today), references: [ineOficio(1)] },
      expect: 'UNDER_REVIEW',
    },
    {
      door: 'INE',
      input: {
        ople,
        kind: 'REVIEW',
        oficioNumber: ineOficio(2),
        date: today,
        outcome: 'ADDRESSED',
        references: [opleOficio(2), ineOficio(1)],
      },
      expect: 'RESOLVED',
    },
  ].slice(0, length) as Step[];
}

/**
 * Cases that stay open with their escalation timers pending, dated from the run's clock: INE's
 * request `k` ("a más tardar" in 5 days: its reminder falls due in 3) and INE's reminder `k` of two
 * expected deliverables (plazo máximo in 10 and 12 days). Their stream ids match
 * `request:%:ine-utsi-<tag>q-%` and `document:%:<tag>-r%`.
 */
export function openCaseSteps(tag: string, k: number, today = localDateOf(new Date())): Step[] {
  const ople = OPLES[k % OPLES.length].id;
  const year = today.slice(0, 4);
  const key = (j: number) => `${tag.toLowerCase()}-r${k}-${j}`;
  return [
    {
      door: 'INE',
      input: {
        ople,
        kind: 'REQUEST',
        oficioNumber: `INE/UTSI/${tag}Q/${k + 1}/${year}`,
        date: today,
        dueDate: runDay(5, today),
        subject: 'Informar el avance de la contratación del tercero',
      },
      expect: 'OPEN',
    },
    {
      door: 'INE',
      input: {
        ople,
        kind: 'REMINDER',
        oficioNumber: `INE/UTSI/${tag}M/${k + 1}/${year}`,
        date: today,
        items: [
          { deliverable: 16, versionKind: 'FINAL', dueDate: runDay(10, today), documentKey: key(1) },
          { deliverable: 21, versionKind: 'PROYECTO', dueDate: runDay(12, today), documentKey: key(2) },
        ],
      },
      expect: 'EXPECTED',
    },
  ];
}

/** The open cases `openCaseSteps(tag, 0…count-1)` leave: a request and two expected deliverables each. */
export const openCasesOf = (count: number) => 3 * count;

/** The status an answer reports for its case. */
export function statusOf(answer: Recorded): string | undefined {
  return answer.document?.status ?? answer.request?.status ?? answer.documents?.[0]?.status;
}

/** Records `count` requests and reminders (openCaseSteps), `concurrency` at a time, checking each answer. */
export async function playOpenCases(client: OficioClient, tag: string, count: number, concurrency = 2): Promise<void> {
  const steps = Array.from({ length: count }, (_, k) => openCaseSteps(tag, k)).flat();
  let next = 0;
  const failures: string[] = [];
  const lane = async () => {
    for (let s = next++; s < steps.length; s = next++) {
      const answer = await client.record(steps[s].door, steps[s].input);
      if (statusOf(answer) !== steps[s].expect)
        failures.push(
          `${String(steps[s].input.oficioNumber)}: ${statusOf(answer) ?? '—'}, expected ${steps[s].expect}`,
        );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (failures.length) throw new Error(`${failures.length} open cases in the wrong state:\n${failures.join('\n')}`);
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
  const total = oficiosOf(count, steps);
  let next = 0;
  let done = 0;
  const failures: string[] = [];
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const life = documentLife(tag, i);
      for (let s = steps.from; s <= Math.min(steps.to, life.length - 1); s++) {
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
