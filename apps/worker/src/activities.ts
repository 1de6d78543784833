import { ApplicationFailure } from '@temporalio/activity';
import type {
  AppendDecidedEventsInput,
  AppendEventsInput,
  AppendEventsResult,
  EscalationNotice,
  FollowUpActivities,
} from '@seguimiento/contracts';
import { effectiveTimeOf } from '@seguimiento/domain';
import {
  type AppendResult,
  type EventStore,
  EventContentDiverged,
  dataRefusalOf,
  decidedEventId,
} from '@seguimiento/persistence';
import { DATA_REFUSED, EVENTS_DIVERGED } from '@seguimiento/contracts';
import type { Notifier } from './notifiers/notifier';

/**
 * Called once the events of an `appendDecidedEvents` are committed, before the activity answers.
 * Only the crash tests set it (see `faultAfterAppend` in config.ts): it kills the worker exactly
 * between the append and the completion of the workflow task that decided it.
 */
export type AfterAppend = (appended: { streamId: string; eventIds: string[] }) => void;

/** Builds the activities with their dependencies, so tests and deployments hand in their own. */
export function createActivities(deps: {
  eventStore: EventStore;
  notifier: Notifier;
  afterAppend?: AfterAppend;
}): FollowUpActivities {
  async function store(input: AppendEventsInput): Promise<AppendResult> {
    // When the command's events took effect in business time (the oficio's date), for time travel.
    const effectiveAt = effectiveTimeOf(
      input.events.map((p) => p.event),
      input.events[0]?.occurredAt ?? new Date().toISOString(),
    );
    return deps.eventStore
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
        if (error instanceof EventContentDiverged)
          throw ApplicationFailure.create({ type: EVENTS_DIVERGED, message: error.message, nonRetryable: true });
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
  }

  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
      const result = await store(input);
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

    async appendDecidedEvents(input: AppendDecidedEventsInput): Promise<AppendEventsResult> {
      const eventIds = input.events.map((p, i) =>
        decidedEventId(input.streamId, input.expectedVersion + i + 1, p.event.type, p.event.data),
      );
      const result = await store({ ...input, events: input.events.map((p, i) => ({ ...p, eventId: eventIds[i] })) });
      if (result.status === 'VersionConflict') {
        // The stream already holds other events where these would go: a decision retried after a
        // lost workflow task came out different from the one stored. Refused; nothing is written.
        throw ApplicationFailure.create({
          type: EVENTS_DIVERGED,
          message: `el expediente ${input.streamId} ya tiene otros eventos a partir de la versión ${input.expectedVersion + 1} (está en la ${result.actualVersion}): la decisión reintentada difiere de la registrada; no se escribió nada`,
          nonRetryable: true,
        });
      }
      deps.afterAppend?.({ streamId: input.streamId, eventIds });
      return { nextVersion: result.nextVersion, lastPosition: result.lastPosition };
    },

    async notifyEscalation(notice: EscalationNotice): Promise<void> {
      await deps.notifier.notify(notice);
    },
  };
}
