import { daysBetween } from './format';

/** A document's rounds, as the API gives them. */
export interface RoundFacts {
  number: number;
  submittedBy?: string | null;
  submittedOn?: string | null;
  answeredBy?: string | null;
  answeredOn?: string | null;
  outcome?: string | null;
  additionalObservations?: boolean | null;
}

/** Who held the ball from one day to another (YYYY-MM-DD), and why. */
export interface Segment {
  party: 'INE' | 'OPLE';
  from: string;
  to: string;
  days: number;
  /** Still running at `until` (nobody has acted yet). */
  open: boolean;
  what: string;
}

/** An oficio on the timeline. */
export interface Mark {
  party: 'INE' | 'OPLE';
  day: string;
  oficio: string;
  what: string;
}

/**
 * The story of a document as segments and marks: the INE holds the ball from each submission to
 * its answer; the OPLE from an answer with observations to its next submission; before the first
 * submission, from `expectedSince` (a reminder) if the document was expected. `until` closes what
 * is still running (today, or the time-travel day).
 */
export function storyOf(
  rounds: RoundFacts[],
  until: string,
  expectedSince: string | null,
): { segments: Segment[]; marks: Mark[] } {
  const segments: Segment[] = [];
  const marks: Mark[] = [];
  const push = (party: 'INE' | 'OPLE', from: string, to: string | null, what: string) => {
    const end = to ?? until;
    if (end < from) return;
    segments.push({ party, from, to: end, days: daysBetween(from, end), open: to === null, what });
  };
  const ordered = [...rounds].sort((a, b) => a.number - b.number);
  const firstSubmitted = ordered[0]?.submittedOn ?? ordered[0]?.answeredOn ?? null;
  if (expectedSince && (!firstSubmitted || expectedSince < firstSubmitted))
    push('OPLE', expectedSince, firstSubmitted, 'entrega esperada');
  ordered.forEach((round, index) => {
    const start = round.submittedOn ?? null;
    if (round.submittedOn)
      marks.push({
        party: 'OPLE',
        day: round.submittedOn,
        oficio: round.submittedBy ?? 'remisión inferida',
        what: `remite (ronda ${round.number})`,
      });
    if (start) push('INE', start, round.answeredOn ?? null, `revisión de la ronda ${round.number}`);
    if (round.answeredOn) {
      marks.push({
        party: 'INE',
        day: round.answeredOn,
        oficio: round.answeredBy ?? '¿?',
        what: `responde la ronda ${round.number}`,
      });
      const needsAnswer =
        round.outcome === 'OBSERVATIONS' || round.outcome === 'PARTIALLY_ADDRESSED' || !!round.additionalObservations;
      if (needsAnswer) {
        const next = ordered[index + 1];
        push(
          'OPLE',
          round.answeredOn,
          next?.submittedOn ?? next?.answeredOn ?? null,
          `atiende las observaciones de la ronda ${round.number}`,
        );
      }
    }
  });
  return { segments, marks };
}

/** An observation's status at each round from the one that raised it: open until the round whose INE answer last judged it. */
export function observationAcrossRounds(
  observation: { raisedInRound: number; status: string; lastJudgedBy?: string | null },
  rounds: RoundFacts[],
): Map<number, string> {
  const judgedIn = rounds.find((r) => r.answeredBy && r.answeredBy === observation.lastJudgedBy)?.number ?? null;
  const result = new Map<number, string>();
  for (const round of rounds) {
    if (round.number < observation.raisedInRound) continue;
    if (round.number === observation.raisedInRound) result.set(round.number, 'OPEN');
    else if (judgedIn !== null && round.number >= judgedIn) result.set(round.number, observation.status);
    else result.set(round.number, 'OPEN');
  }
  if (judgedIn !== null && judgedIn > observation.raisedInRound) result.set(judgedIn, observation.status);
  return result;
}
