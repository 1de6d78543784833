/**
 * The invariants' judgements as pure functions over what was read from PostgreSQL and Temporal, so
 * that each can be shown damaged input without starting a server (invariant-rules.spec.ts).
 */

/** An event that records an oficio: its stream, its type and the oficio's number. */
export interface Recording {
  streamId: string;
  type: string;
  oficioNumber: string;
}

/**
 * Invariant 1, exactly once: every oficio the API accepted is in the store, and no oficio is
 * recorded twice — neither twice in one stream, nor by the same kind of event in two streams (an
 * accepted oficio landing in two documents). One oficio may be recorded by two kinds of event in two
 * streams: an INE answer that also fulfils a request ("se tiene por recibido … requerido mediante
 * oficio …") is an IneAnswerRecorded in the document and a RequestFulfilled in the request.
 */
export function exactlyOnce(
  accepted: string[],
  recordings: Recording[],
  /** Oficios present otherwise: a reminder, the source of the deliverables it expects. */
  sources: string[] = [],
): { violations: string[]; lost: string[]; duplicates: number } {
  const violations: string[] = [];
  const present = new Set([...recordings.map((r) => r.oficioNumber), ...sources]);
  const lost = accepted.filter((n) => !present.has(n));
  if (lost.length)
    violations.push(`${lost.length} accepted oficios are not in the event store: ${lost.slice(0, 5).join(', ')}`);

  const count = (key: (r: Recording) => string) => {
    const groups = new Map<string, Recording[]>();
    for (const r of recordings) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.values()].filter((g) => g.length > 1);
  };
  const inOneStream = count((r) => `${r.streamId}\u0000${r.oficioNumber}`);
  if (inOneStream.length)
    violations.push(
      `${inOneStream.length} oficios are recorded more than once: ${inOneStream
        .slice(0, 5)
        .map((g) => `${g[0].oficioNumber} in ${g[0].streamId} ×${g.length}`)
        .join(', ')}`,
    );
  const wanted = new Set(accepted);
  const inTwoStreams = count((r) => `${r.type}\u0000${r.oficioNumber}`)
    .filter((g) => wanted.has(g[0].oficioNumber))
    .map((g) => ({ number: g[0].oficioNumber, type: g[0].type, streams: [...new Set(g.map((r) => r.streamId))] }))
    .filter((g) => g.streams.length > 1);
  if (inTwoStreams.length)
    violations.push(
      `${inTwoStreams.length} accepted oficios are recorded in more than one stream: ${inTwoStreams
        .slice(0, 5)
        .map((g) => `${g.number} (${g.type}) in ${g.streams.join(' and ')}`)
        .join(', ')}`,
    );
  const duplicates =
    inOneStream.reduce((sum, g) => sum + g.length - 1, 0) +
    inTwoStreams.reduce((sum, g) => sum + g.streams.length - 1, 0);
  return { violations, lost, duplicates };
}

/** What was seen of one case (a document or request stream) and its workflow. */
export interface CaseSeen {
  id: string;
  /** The workflow's status as Temporal describes it (RUNNING, COMPLETED…), or NOT_FOUND. */
  status: string;
  /** The stream's last version. */
  streamVersion: number;
  /** For a running workflow: its pending workflow task's attempt, if any. */
  workflowTaskAttempt?: number;
  /** For a running workflow: its pending activities. */
  activities?: Array<{ type: string; attempt: number; lastFailure?: string }>;
  /** For a running workflow: what its state query answered (version and the party it waits on), or the query's error. */
  state?: { version: number; waitsOn: string | undefined } | { error: string };
}

/**
 * Invariant 4, nothing stuck: every case stream has its workflow; each running one answers its
 * state query, waits on a known party (INE or the OPLE), has no workflow task or activity failing
 * over and over, and is at its stream's version; each open document of the read models has its
 * running workflow.
 */
export function nothingStuck(cases: CaseSeen[], openDocuments: string[]): string[] {
  const violations: string[] = [];
  const missing = cases.filter((c) => c.status === 'NOT_FOUND').map((c) => c.id);
  if (missing.length)
    violations.push(`${missing.length} cases in the event store have no workflow: ${missing.slice(0, 5).join(', ')}`);
  for (const c of cases.filter((c) => c.status === 'RUNNING')) {
    if (c.workflowTaskAttempt !== undefined && c.workflowTaskAttempt > 1)
      violations.push(`${c.id}: its workflow task has failed ${c.workflowTaskAttempt - 1} times`);
    for (const activity of c.activities ?? [])
      if (activity.attempt > 1)
        violations.push(`${c.id}: activity ${activity.type} at attempt ${activity.attempt}: ${activity.lastFailure}`);
    if (!c.state) violations.push(`${c.id} is running but its state was not asked`);
    else if ('error' in c.state) violations.push(`${c.id} does not answer its state query: ${c.state.error}`);
    else {
      if (c.state.waitsOn !== 'INE' && c.state.waitsOn !== 'OPLE')
        violations.push(`${c.id} is running but waits on nobody (${String(c.state.waitsOn)})`);
      if (c.state.version !== c.streamVersion)
        violations.push(`${c.id}: the workflow is at version ${c.state.version}, its stream at ${c.streamVersion}`);
    }
  }
  const running = new Set(cases.filter((c) => c.status === 'RUNNING').map((c) => c.id));
  const orphans = openDocuments.filter((id) => !running.has(id));
  if (orphans.length)
    violations.push(`${orphans.length} open documents have no running workflow: ${orphans.slice(0, 5).join(', ')}`);
  return violations;
}

/** One outbox row as the invariant reads it: its cause, its status and the Message-ID it was sent with. */
export interface OutboxRowSeen {
  causeKey: string;
  status: string;
  messageId: string | null;
}

/** What the mail invariant found: messages (batches of rows, by Message-ID) and what became of each at the server. */
export interface MailCount {
  violations: string[];
  /** Messages the outbox's rows make (one per Message-ID; a row never sent is a message of its own). */
  expected: number;
  /** Expected messages marked SENT that the SMTP server received at least once. */
  delivered: number;
  /** Expected messages not SENT, or SENT and never received: their Message-IDs (or `pendiente:<cause>`). */
  lost: string[];
  /** Receptions beyond the first of a Message-ID, plus receptions of a Message-ID no outbox row was sent with. */
  duplicated: number;
  /** Of `duplicated`: second receptions of a message whose SMTP transaction a fault cut after the server had kept it. */
  resentInDoubt: number;
}

/**
 * The mail invariant, counted like the oficios: every message the outbox's rows make is SENT and
 * received by the SMTP server exactly once, by its Message-ID. A second reception of the same
 * Message-ID is a duplicate; it is explained (and still counted) only for a message in doubt — one
 * whose transaction a fault cut after the server had kept it and before the sender heard its 250,
 * which no SMTP client can tell from a message the server never got — and then only once. A
 * Message-ID received that no row was sent with (the same cause sent again under another identity)
 * is a duplicate, never explained. No message expected at all is a violation: there was nothing to count.
 */
export function mailExactlyOnce(
  outbox: OutboxRowSeen[],
  received: Array<{ messageId: string | null }>,
  inDoubt: string[] = [],
): MailCount {
  const violations: string[] = [];
  const messages = new Map<string, OutboxRowSeen[]>();
  for (const row of outbox) {
    const key = row.messageId ?? `pendiente:${row.causeKey}`;
    messages.set(key, [...(messages.get(key) ?? []), row]);
  }
  if (messages.size === 0) violations.push('the outbox holds no message: nothing was there to deliver');
  const receptions = new Map<string, number>();
  let anonymous = 0;
  for (const r of received) {
    if (r.messageId === null) anonymous++;
    else receptions.set(r.messageId, (receptions.get(r.messageId) ?? 0) + 1);
  }

  const unsent = [...messages].filter(([, rows]) => rows.some((r) => r.status !== 'SENT'));
  if (unsent.length)
    violations.push(
      `${unsent.length} messages are not SENT: ${unsent
        .slice(0, 5)
        .map(([id, rows]) => `${id} (${[...new Set(rows.map((r) => r.status))].join(', ')})`)
        .join(', ')}`,
    );
  const sentIds = [...messages].filter(([, rows]) => rows.every((r) => r.status === 'SENT')).map(([id]) => id);
  const neverReceived = sentIds.filter((id) => !receptions.has(id));
  if (neverReceived.length)
    violations.push(
      `${neverReceived.length} messages marked SENT never reached the server: ${neverReceived.slice(0, 5).join(', ')}`,
    );

  const doubted = new Set(inDoubt);
  let duplicated = anonymous;
  let resentInDoubt = 0;
  const twice: string[] = [];
  const strangers: string[] = [];
  for (const [id, n] of receptions) {
    if (!messages.has(id)) {
      duplicated += n;
      strangers.push(`${id} ×${n}`);
      continue;
    }
    if (n < 2) continue;
    duplicated += n - 1;
    if (doubted.has(id) && n === 2) resentInDoubt++;
    else twice.push(`${id} ×${n}`);
  }
  if (twice.length)
    violations.push(`${twice.length} messages reached the server more than once: ${twice.slice(0, 5).join(', ')}`);
  if (strangers.length || anonymous)
    violations.push(
      `${strangers.length + anonymous} messages reached the server that no outbox row was sent as: ${[
        ...strangers.slice(0, 5),
        ...(anonymous ? [`${anonymous} without a Message-ID`] : []),
      ].join(', ')}`,
    );
  return {
    violations,
    expected: messages.size,
    delivered: sentIds.length - neverReceived.length,
    lost: [...unsent.map(([id]) => id), ...neverReceived],
    duplicated,
    resentInDoubt,
  };
}
