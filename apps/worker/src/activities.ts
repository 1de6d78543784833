import { ApplicationFailure } from '@temporalio/activity';
import type {
  AppendEventsInput,
  AppendEventsResult,
  EscalationNotice,
  FollowUpActivities,
} from '@seguimiento/contracts';
import { effectiveTimeOf } from '@seguimiento/domain';
import { type EventStore, dataRefusalOf } from '@seguimiento/persistence';
import { DATA_REFUSED } from '@seguimiento/contracts';
import type { Notifier } from './notifiers/notifier';

/** Builds the activities with their dependencies, so tests and deployments hand in their own. */
export function createActivities(deps: { eventStore: EventStore; notifier: Notifier }): FollowUpActivities {
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
      // When the command's events took effect in business time (the oficio's date), for time travel.
      const effectiveAt = effectiveTimeOf(
        input.events.map((p) => p.event),
        input.events[0]?.occurredAt ?? new Date().toISOString(),
      );
      const result = await deps.eventStore
        .append(
          input.streamId,
          input.expectedVersion,
          input.events.map((p) => ({
            eventId: p.eventId,
            type: p.event.type,
            data: p.event.data as Record<string, unknown>,
            metadata: { ...p.metadata, effectiveAt },
            occurredAt: new Date(p.occurredAt),
          })),
        )
        .catch((error: unknown) => {
          // PostgreSQL refuses the data itself (SQLSTATE 22/23): no retry can succeed, so none is made.
          const refusal = dataRefusalOf(error);
          if (!refusal) throw error;
          throw ApplicationFailure.create({
            type: DATA_REFUSED,
            message: `PostgreSQL rechazó los datos del evento (SQLSTATE ${refusal.sqlState}): ${refusal.message}`,
            details: [{ sqlState: refusal.sqlState }],
            nonRetryable: true,
          });
        });
      if (result.status === 'VersionConflict') {
        // The workflow is its stream's only writer: a conflict is a bug, not something to retry.
        throw ApplicationFailure.create({
          type: 'VERSION_CONFLICT',
          message: `stream ${input.streamId} is at version ${result.actualVersion}, expected ${result.expectedVersion}`,
          nonRetryable: true,
        });
      }
      return { nextVersion: result.nextVersion, lastPosition: result.lastPosition };
    },

    async notifyEscalation(notice: EscalationNotice): Promise<void> {
      await deps.notifier.notify(notice);
    },
  };
}
