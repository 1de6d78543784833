import type { DataSource, EntityManager } from 'typeorm';
import { StoredEvent } from '../entities/stored-event.entity';
import { projectDirectory } from '../directory/directory';
import { writeOutbox } from '../outbox/outbox-writer';
import { projectReviews } from '../read-models/reviews/projection';
import { indexCaseOficios } from './case-oficios';
import { canonicalJson } from './event-ids';

export interface NewEvent {
  eventId: string;
  type: string;
  /** The domain event's data, stored as JSON. */
  data: object;
  metadata?: Record<string, unknown>;
  occurredAt: Date;
}

/** The outcome of an append: conflicts are values, not exceptions. */
export type AppendResult =
  | { status: 'Appended'; nextVersion: number; lastPosition: string }
  | { status: 'AlreadyAppended'; nextVersion: number; lastPosition: string }
  | { status: 'VersionConflict'; expectedVersion: number; actualVersion: number };

const UNIQUE_VIOLATION = '23505';
/** Held by every append for its transaction (and by whatever must see the log stand still). */
export const APPEND_LOCK = 7_201_830_243;

/**
 * An append that names events already stored, at their place, with another content: a retried
 * decision that came out different under the same ids. Nothing is written; never worth a retry.
 */
export class EventContentDiverged extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    readonly version: number,
  ) {
    super(
      `el evento ${eventId} (versión ${version} de ${streamId}) ya está registrado con otro contenido: la decisión reintentada difiere de la registrada; no se escribió nada`,
    );
    this.name = 'EventContentDiverged';
  }
}

/**
 * Append-only event store over the `events` table. `append` states the stream version it expects;
 * re-sending events already stored (same event ids, same place, same type and data) is a no-op,
 * which makes retried activities safe; the same ids with another content are refused
 * (`EventContentDiverged`). In the same transaction it writes the `case_oficios` index (which oficios
 * touch which case), so routing by cited oficios never depends on the projector.
 */
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append: events must not be empty');
    try {
      return await this.dataSource.transaction(async (tx) => {
        // Appends take turns, so global positions are handed out in commit order: a reader that
        // follows `position` never skips an event committed late with a lower number.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
        const already = await this.alreadyStored(tx, streamId, expectedVersion, events);
        if (already) return already;
        const actualVersion = await this.currentVersion(tx, streamId);
        if (actualVersion !== expectedVersion) {
          return { status: 'VersionConflict', expectedVersion, actualVersion } as const;
        }
        const params: unknown[] = [];
        const tuples = events.map((e, i) => {
          params.push(
            e.eventId,
            streamId,
            expectedVersion + i + 1,
            e.type,
            JSON.stringify(e.data),
            JSON.stringify(e.metadata ?? {}),
            e.occurredAt,
          );
          const b = i * 7;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb, $${b + 7})`;
        });
        const positions: Array<{ position: string }> = await tx.query(
          `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, occurred_at) VALUES ${tuples.join(', ')} RETURNING position`,
          params,
        );
        await indexCaseOficios(tx, streamId, expectedVersion, events);
        // The in-transaction projections read the data as a record of fields.
        const asRecords = events.map((e) => ({ ...e, data: { ...e.data } }));
        await projectDirectory(tx, streamId, asRecords);
        await projectReviews(tx, streamId, asRecords);
        await writeOutbox(tx, streamId, expectedVersion, asRecords);
        return {
          status: 'Appended',
          nextVersion: expectedVersion + events.length,
          lastPosition: String(positions[positions.length - 1].position),
        } as const;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        // A concurrent writer took the version between our check and our insert.
        const again = await this.alreadyStored(this.dataSource.manager, streamId, expectedVersion, events);
        if (again) return again;
        return {
          status: 'VersionConflict',
          expectedVersion,
          actualVersion: await this.currentVersion(this.dataSource.manager, streamId),
        };
      }
      throw error;
    }
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return this.dataSource.getRepository(StoredEvent).find({ where: { streamId }, order: { streamVersion: 'ASC' } });
  }

  async currentVersion(manager: EntityManager, streamId: string): Promise<number> {
    const row = await manager.query(
      'SELECT coalesce(max(stream_version), 0)::int AS v FROM events WHERE stream_id = $1',
      [streamId],
    );
    return Number(row[0].v);
  }

  /** When the same events were already appended at the same versions, the earlier result. */
  private async alreadyStored(
    manager: EntityManager,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
  ): Promise<AppendResult | null> {
    const rows: Array<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      position: string;
      type: string;
      data: unknown;
    }> = await manager.query(
      'SELECT event_id, stream_id, stream_version, position, type, data FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY position',
      [events.map((e) => e.eventId)],
    );
    if (rows.length === 0) return null;
    const samePlace =
      rows.length === events.length &&
      rows.every(
        (r, i) =>
          r.stream_id === streamId && r.stream_version === expectedVersion + i + 1 && r.event_id === events[i].eventId,
      );
    if (!samePlace) {
      throw new Error(`append: event ids of ${streamId} at version ${expectedVersion} were already stored elsewhere`);
    }
    rows.forEach((r, i) => {
      if (r.type !== events[i].type || canonicalJson(r.data) !== canonicalJson(events[i].data))
        throw new EventContentDiverged(streamId, r.event_id, r.stream_version);
    });
    return {
      status: 'AlreadyAppended',
      nextVersion: expectedVersion + events.length,
      lastPosition: String(rows[rows.length - 1].position),
    };
  }
}
