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
