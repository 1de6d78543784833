import { ApplicationFailure } from '@temporalio/activity';
import type { AppendEventsInput, AppendEventsResult, DocumentActivities } from '@seguimiento/contracts';
import type { EventStore } from '@seguimiento/persistence';

/** Builds the activities with their dependencies, so tests can hand in their own. */
export function createActivities(deps: { eventStore: EventStore }): DocumentActivities {
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
      const result = await deps.eventStore.append(
        input.streamId,
        input.expectedVersion,
        input.events.map((p) => ({
          eventId: p.eventId,
          type: p.event.type,
          data: p.event.data as unknown as Record<string, unknown>,
          metadata: { ...p.metadata },
          occurredAt: new Date(p.occurredAt),
        })),
      );
      if (result.status === 'VersionConflict') {
        throw ApplicationFailure.create({
          type: 'VERSION_CONFLICT',
          message: `stream ${input.streamId} is at version ${result.actualVersion}, expected ${result.expectedVersion}`,
          nonRetryable: true,
        });
      }
      return { nextVersion: result.nextVersion, lastPosition: result.lastPosition };
    },
  };
}
