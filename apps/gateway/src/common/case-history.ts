import type { ClosedDeadline, FiredEscalation } from '@seguimiento/domain';

/** A case's (document's or request's) fired escalations and past deadlines, as the API shows them. */
export function clockHistory(state: {
  escalations: readonly FiredEscalation[];
  pastDeadlines?: readonly ClosedDeadline[];
}): {
  escalations: Array<Omit<FiredEscalation, 'foundAtImport'> & { foundAtImport: boolean }>;
  pastDeadlines: ClosedDeadline[];
} {
  return {
    escalations: state.escalations.map((e) => ({ ...e, foundAtImport: e.foundAtImport === true })),
    pastDeadlines: [...(state.pastDeadlines ?? [])],
  };
}
