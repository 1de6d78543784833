/** The shared GraphQL enums live in common/enums.ts (registered once); re-exported for the read side's imports. */
export {
  BallInCourt,
  DeadlineKind,
  DeadlineOutcome,
  DocumentStatus,
  EscalationStep,
  ObservationStatus,
  Party,
  ReviewOutcome,
  VersionKind,
} from '../../common/enums';
