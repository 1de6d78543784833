import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { type Contact, type DirectoryRole, INE, ROLE_LABELS, contactsOf } from '../directory/directory';

/**
 * The outbox (issue 18, item 4): the mails an append causes, written in the append's transaction,
 * so a mail exists if and only if its cause does. Each row is one message to one person, keyed by
 * its cause (`<event id>:<address>`); the worker's sender renders and sends it. Rows that share a
 * `group_key` (an INE reminder's items; what an import found overdue) go out as one message.
 */
export type MailKind =
  'ESCALATION' | 'REMINDER_ITEMS' | 'REMINDER_SENDER_SUMMARY' | 'INVITATION' | 'DEADLINE' | 'IMPORT_SUMMARY' | 'DIGEST';

interface EventLike {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  occurredAt: Date;
}

interface DeadlineLike {
  party: 'INE' | 'OPLE';
  kind: string;
  dueDate: string;
  dueAt: string;
}

export interface OutboxRow {
  causeKey: string;
  kind: MailKind;
  recipient: string;
  recipientName: string;
  payload: Record<string, unknown>;
  /** Rows with the same key are sent together, once the window after the first has passed. */
  groupKey?: string;
  /** At most one row per key: an escalation per person, per case, per local day. */
  dedupeKey?: string;
}

/** How long grouped rows wait for the rest of their group (a reminder's items arrive one case at a time). */
export const GROUP_WINDOW_SECONDS = 60;

const LADDER_ROLES: Record<string, DirectoryRole> = {
  LEVEL_1: 'AREA_RESPONSABLE',
  LEVEL_2: 'SECRETARIA_TECNICA',
  LEVEL_3: 'COMISION',
};

/** The people a deadline's party answers to: the OPLE's responsible, or INE's UTSI. */
const responsibleOf = (party: string, ople: string): [string, DirectoryRole] =>
  party === 'INE' ? [INE, 'UTSI'] : [ople, 'RESPONSABLE'];

const localDate = (instant: string) => DateTime.fromISO(instant, { zone: 'America/Mexico_City' }).toISODate()!;

/** Writes the mails caused by events being appended (inside the append's transaction). */
export async function writeOutbox(
  tx: EntityManager,
  streamId: string,
  expectedVersion: number,
  events: readonly EventLike[],
): Promise<void> {
  const [kind, ople] = streamId.split(':');
  if (!ople || !['document', 'request', 'notice'].includes(kind)) return;
  if (!events.some((e) => CAUSES.has(e.type))) return;
  const opening =
    expectedVersion === 0
      ? events[0]
      : ((
          await tx.query('SELECT type, data FROM events WHERE stream_id = $1 AND stream_version = 1', [streamId])
        )[0] as { type: string; data: Record<string, unknown> } | undefined);
  const title = titleOf(opening);
  const people = cachedContacts(tx);
  const rows: OutboxRow[] = [];
  const toAll = (
    contacts: Contact[],
    e: EventLike,
    kind: MailKind,
    payload: Record<string, unknown>,
    extra: (c: Contact) => Partial<OutboxRow> = () => ({}),
  ) => {
    for (const c of contacts)
      rows.push({
        causeKey: `${e.eventId}:${c.email}`,
        kind,
        recipient: c.email,
        recipientName: c.name,
        payload: { ...payload, roleLabel: ROLE_LABELS[c.role], institution: c.institution },
        ...extra(c),
      });
  };
  const immediate = (list: Contact[]) => list.filter((c) => c.preference === 'IMMEDIATE');
  const occurred = (e: EventLike) => e.occurredAt.toISOString();

  for (const e of events) {
    if (e.type === 'EscalationRaised') {
      const d = e.data as { step: string; deadline: DeadlineLike; firedAt: string; foundAtImport?: boolean };
      const [institution, role] = LADDER_ROLES[d.step]
        ? [ople, LADDER_ROLES[d.step]]
        : responsibleOf(d.deadline.party, ople);
      const contacts = immediate(await people(institution, role));
      const payload = { step: d.step, caseId: streamId, ople, title, deadline: d.deadline, firedAt: d.firedAt };
      if (d.foundAtImport) {
        // No storms: what an import finds overdue goes into one summary per person.
        toAll(contacts, e, 'IMPORT_SUMMARY', payload, (c) => ({ groupKey: `import:${c.email}` }));
      } else {
        toAll(contacts, e, 'ESCALATION', payload, (c) => ({
          dedupeKey: `escalation:${c.email}:${streamId}:${localDate(d.firedAt)}`,
        }));
      }
    } else if (e.type === 'DeadlineSet' || e.type === 'DeadlineExtended') {
      const d = e.data as { deadline: DeadlineLike | null; previous?: DeadlineLike };
      // A deadline that had already passed when it was recorded (correspondence recorded late) is
      // the escalations' business, not a calendar reminder.
      if (!d.deadline || Date.parse(d.deadline.dueAt) <= e.occurredAt.getTime()) continue;
      const contacts = immediate(await people(...responsibleOf(d.deadline.party, ople)));
      toAll(contacts, e, 'DEADLINE', {
        caseId: streamId,
        ople,
        title,
        deadline: d.deadline,
        ...(d.previous ? { previousDueDate: d.previous.dueDate } : {}),
      });
      // A document an INE reminder expects: one of the reminder's "plazo máximo" items.
      const opened = events.find((o) => o.type === 'DocumentOpened')?.data as
        { openedBy?: string; sourceOficio?: string | null } | undefined;
      if (e.type === 'DeadlineSet' && opened?.openedBy === 'EXPECTATION' && opened.sourceOficio) {
        const oficio = opened.sourceOficio;
        const notified = immediate(await people(ople, 'SECRETARIA_TECNICA'));
        // Whoever recorded the reminder learns who was told, if the directory knows their address.
        const actor = typeof e.metadata?.actor === 'string' ? e.metadata.actor.trim().toLowerCase() : '';
        const recorder = actor.includes('@') ? await directoryPerson(tx, actor) : null;
        if (recorder)
          rows.push({
            causeKey: `${e.eventId}:summary:${recorder.email}`,
            kind: 'REMINDER_SENDER_SUMMARY',
            recipient: recorder.email,
            recipientName: recorder.name,
            groupKey: `reminder-summary:${ople}:${oficio}:${recorder.email}`,
            payload: {
              caseId: streamId,
              ople,
              title,
              dueDate: d.deadline.dueDate,
              oficioNumber: oficio,
              roleLabel: ROLE_LABELS[recorder.role],
              institution: recorder.institution,
              notified: notified.map((c) => ({ name: c.name, email: c.email, roleLabel: ROLE_LABELS[c.role] })),
            },
          });
        toAll(
          notified,
          e,
          'REMINDER_ITEMS',
          { caseId: streamId, ople, title, dueDate: d.deadline.dueDate, oficioNumber: oficio },
          (c) => ({ causeKey: `${e.eventId}:items:${c.email}`, groupKey: `reminder:${ople}:${oficio}:${c.email}` }),
        );
      }
    } else if (e.type === 'IneNoticeRecorded') {
      const d = e.data as { kind: string; meetingAt: string | null; oficioNumber: string; subject: string };
      if (d.kind !== 'INVITATION' || !d.meetingAt || Date.parse(d.meetingAt) <= e.occurredAt.getTime()) continue;
      const contacts = immediate([
        ...(await people(ople, 'SECRETARIA_TECNICA')),
        ...(await people(ople, 'RESPONSABLE')),
      ]);
      toAll(uniqueByEmail(contacts), e, 'INVITATION', {
        noticeId: streamId,
        ople,
        oficioNumber: d.oficioNumber,
        subject: d.subject,
        meetingAt: d.meetingAt,
        recordedAt: occurred(e),
      });
    }
  }
  await insertOutbox(tx, rows);
}

const CAUSES = new Set(['EscalationRaised', 'DeadlineSet', 'DeadlineExtended', 'IneNoticeRecorded']);

/** The case's line, from its opening event. */
export function titleOf(opening: { type: string; data: Record<string, unknown> } | undefined): string {
  const d = (opening?.data ?? {}) as Record<string, string | number>;
  if (opening?.type === 'DocumentOpened')
    return `Entregable ${d.deliverable} (${d.versionKind === 'FINAL' ? 'versión final' : 'proyecto'}): ${d.title}`;
  if (opening?.type === 'RequestOpened') return `Solicitud ${d.oficioNumber}: ${d.subject}`;
  if (opening?.type === 'IneNoticeRecorded') return `Oficio ${d.oficioNumber}: ${d.subject}`;
  return 'Caso sin título';
}

function cachedContacts(tx: EntityManager) {
  const cache = new Map<string, Promise<Contact[]>>();
  return (institution: string, role: DirectoryRole): Promise<Contact[]> => {
    const key = `${institution}:${role}`;
    if (!cache.has(key)) cache.set(key, contactsOf(tx, institution, [role]));
    return cache.get(key)!;
  };
}

/** A person of the directory by address (any institution, any role), or null. */
async function directoryPerson(tx: EntityManager, email: string): Promise<Contact | null> {
  const [c]: Contact[] = await tx.query(
    'SELECT institution, role, email, name, preference FROM directory_contacts WHERE email = $1 ORDER BY institution, role LIMIT 1',
    [email],
  );
  return c ?? null;
}

const uniqueByEmail = (list: Contact[]) => list.filter((c, i) => list.findIndex((o) => o.email === c.email) === i);

/** Inserts outbox rows; a cause already written, or a person already told today about the case, is skipped. */
export async function insertOutbox(tx: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Never a unique violation inside an append (the store reads those as a concurrent writer).
  await tx.query(
    `INSERT INTO outbox (cause_key, kind, recipient, recipient_name, payload, group_key, dedupe_key, not_before)
     SELECT k, kind, r, n, p, g, d, CASE WHEN g IS NULL THEN now() ELSE now() + make_interval(secs => $8) END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[]) AS t(k, kind, r, n, p, g, d)
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.causeKey),
      rows.map((r) => r.kind),
      rows.map((r) => r.recipient),
      rows.map((r) => r.recipientName),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.groupKey ?? null),
      rows.map((r) => r.dedupeKey ?? null),
      GROUP_WINDOW_SECONDS,
    ],
  );
}
