import type { EntityManager } from 'typeorm';
import { type Contact, ROLE_LABELS } from '../directory/directory';
import { type OutboxRow, insertOutbox, titleOf } from './outbox-writer';

/** A case with a running deadline (an open document or an open request), for the digest. */
export interface DigestCaseRow {
  caseId: string;
  ople: string;
  title: string;
  party: 'INE' | 'OPLE';
  dueDate: string;
  dueAt: string;
}

/** An event of a case recorded in the window, with its case's line. */
export interface DigestChangeRow {
  caseId: string;
  ople: string;
  title: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** One person of the directory, with every institution and role they hold. */
export interface DigestPerson {
  email: string;
  name: string;
  roleLabel: string;
  institutions: string[];
}

/**
 * What the daily digest is made of, from the read models: every case with a running deadline,
 * the cases' events recorded in [from, to), and the directory's people (one entry per address).
 */
export async function digestMaterial(
  manager: EntityManager,
  window: { from: Date; to: Date },
): Promise<{ cases: DigestCaseRow[]; changes: DigestChangeRow[]; people: DigestPerson[] }> {
  const cases: Array<Record<string, string | number>> = await manager.query(
    `SELECT id, ople, deliverable, version_kind, title, deadline_party AS party, to_char(due_date, 'YYYY-MM-DD') AS due_date, due_at
       FROM rm_documents WHERE due_at IS NOT NULL AND status NOT IN ('RESOLVED', 'WITHDRAWN')
     UNION ALL
     SELECT id, ople, NULL, NULL, 'Solicitud ' || coalesce(source_oficio, '') || ': ' || subject, 'OPLE', to_char(due_date, 'YYYY-MM-DD'), due_at
       FROM rm_obligations WHERE kind = 'REQUEST' AND status = 'OPEN' AND due_at IS NOT NULL
     ORDER BY 8, 1`,
  );
  const changes: Array<Record<string, unknown>> = await manager.query(
    `SELECT e.stream_id, e.type, e.data, e.occurred_at, o.type AS opening_type, o.data AS opening_data
       FROM events e JOIN events o ON o.stream_id = e.stream_id AND o.stream_version = 1
      WHERE e.occurred_at >= $1 AND e.occurred_at < $2
        AND split_part(e.stream_id, ':', 1) IN ('document', 'request', 'notice')
      ORDER BY e.position`,
    [window.from, window.to],
  );
  const contacts: Contact[] = await manager.query(
    'SELECT institution, role, email, name, preference FROM directory_contacts ORDER BY email, institution, role',
  );
  const people = new Map<string, DigestPerson>();
  for (const c of contacts) {
    const p = people.get(c.email) ?? { email: c.email, name: c.name, roleLabel: ROLE_LABELS[c.role], institutions: [] };
    if (!p.institutions.includes(c.institution)) p.institutions.push(c.institution);
    people.set(c.email, p);
  }
  return {
    cases: cases.map((r) => ({
      caseId: String(r.id),
      ople: String(r.ople),
      title:
        r.deliverable === null
          ? String(r.title)
          : `Entregable ${r.deliverable} (${r.version_kind === 'FINAL' ? 'versión final' : 'proyecto'}): ${r.title}`,
      party: r.party === 'INE' ? 'INE' : 'OPLE',
      dueDate: String(r.due_date),
      dueAt: new Date(r.due_at as string).toISOString(),
    })),
    changes: changes.map((r) => ({
      caseId: String(r.stream_id),
      ople: String(r.stream_id).split(':')[1],
      title: titleOf({ type: String(r.opening_type), data: r.opening_data as Record<string, unknown> }),
      type: String(r.type),
      data: r.data as Record<string, unknown>,
      occurredAt: new Date(r.occurred_at as string).toISOString(),
    })),
    people: [...people.values()],
  };
}

/**
 * Writes the digests of a day to the outbox, one row per person keyed `digest:<date>:<address>`:
 * running the day's digest again (a retried activity, a schedule's catch-up) writes nothing twice,
 * and the Message-ID, derived from that key, is the same. Returns how many rows were new.
 */
export async function writeDigests(
  manager: EntityManager,
  date: string,
  digests: ReadonlyArray<{ person: DigestPerson; institution: string; digest: Record<string, unknown> }>,
): Promise<number> {
  const rows: OutboxRow[] = digests.map(({ person, institution, digest }) => ({
    causeKey: `digest:${date}:${person.email}`,
    kind: 'DIGEST',
    recipient: person.email,
    recipientName: person.name,
    payload: { ...digest, roleLabel: person.roleLabel, institution },
  }));
  return manager.transaction(async (tx) => {
    const before: Array<{ n: number }> = await tx.query(
      'SELECT count(*)::int AS n FROM outbox WHERE cause_key LIKE $1',
      [`digest:${date}:%`],
    );
    await insertOutbox(tx, rows);
    const after: Array<{ n: number }> = await tx.query(
      'SELECT count(*)::int AS n FROM outbox WHERE cause_key LIKE $1',
      [`digest:${date}:%`],
    );
    return after[0].n - before[0].n;
  });
}
