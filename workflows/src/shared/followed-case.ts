import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  type defineUpdate,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DATA_REFUSED,
  IMPORT_HOLD_MINUTES,
  type ImportHold,
  type WithActor,
  acknowledgeEscalationUpdate,
  finishImportUpdate,
} from '@seguimiento/contracts';
import {
  type AcknowledgeEscalationData,
  DEFAULT_POLICY,
  type Deadline,
  type FollowUpPolicy,
  type EscalationStep,
  type PlannedEscalation,
  type RaiseEscalationData,
  nextEscalation,
  normalizeOficioNumber,
} from '@seguimiento/domain';
import { activities } from './activities';
import { decideOrFail } from './domain-failure';
import { msUntil, nowIso, shouldContinueAsNew } from './history';
import { createSerial } from './serial';

/**
 * Patch: a case whose opening command outlived the empty-case grace (its events still being
 * written) used to end once that command finished — its events stored, nobody following them.
 */
const WAIT_FOR_OPENING_COMMAND = 'wait-for-opening-command';

/**
 * Patch (issue 15, rule 7): a command from an import of past correspondence (it carries an
 * `importId`) holds the escalation ladder until the import is over; then the deadline is evaluated
 * once. Histories recorded before never carry an import, so they never reach this branch.
 */
const HISTORY_IMPORTED_AS_HISTORY = 'history-imported-as-history';

/** An update definition whose input may carry the recording actor. */
type CaseUpdate<R, A> = ReturnType<typeof defineUpdate<R, [WithActor<A>]>>;

/** What every followed case's state has: a stream version, a clock, the escalations it fired. */
export interface CaseState {
  version: number;
  deadline: Deadline | null;
  escalations: ReadonlyArray<{
    key: string;
    step: string;
    recipient: string;
    deadline: Deadline;
    firedAt: string;
    foundAtImport?: true;
  }>;
  policy: FollowUpPolicy | null;
  ople: string | null;
}

/** A decider, and what the workflow needs to know about it. */
export interface CaseDefinition<C extends { type: string; data: unknown }, E, S extends CaseState> {
  /**
   * `applying`: true in the update handler, which may ask `patched()` which rules decide; false
   * in the validator, which must not (a patched rule may change the events, never a refusal).
   */
  decide(command: C, state: S, applying: boolean): E[];
  fold(events: E[], state: S): S;
  closed(state: S): boolean;
  raise(data: RaiseEscalationData): C;
  acknowledge(data: AcknowledgeEscalationData): C;
  /** The line escalation notices carry. */
  subject(state: S): string;
}

export interface CaseResult<S> {
  state: S;
  changed: boolean;
  position: string | null;
}

/**
 * The life every followed case shares — documents and requests alike. Commands are decided on
 * the current state one at a time; their events are appended to the event store (idempotently,
 * with ids fixed in the workflow's history) before the state moves; between commands the case
 * sleeps on a durable timer until the next rung of its deadline's escalation ladder, announces
 * it, and continues as new before its history grows large.
 */
export function createCase<C extends { type: string; data: unknown }, E, S extends CaseState>(
  definition: CaseDefinition<C, E, S>,
  initial: S,
  lastPositionCarried: string | null,
  historyLimit?: number,
  importHoldCarried?: ImportHold,
) {
  let state = initial;
  let lastPosition = lastPositionCarried;
  /** The import this case is part of, while it runs: no escalation fires until it is over. */
  let hold: ImportHold | null = importHoldCarried ?? null;
  /** The last import whose end this case evaluated, and the escalation it found overdue then. */
  let settled: { importId: string; found: EscalationStep | null } | null = null;
  const streamId = workflowInfo().workflowId;
  const serial = createSerial();

  const plan = () =>
    nextEscalation(
      definition.closed(state) ? null : state.deadline,
      new Set(state.escalations.map((e) => e.key)),
      nowIso(),
      state.policy ?? DEFAULT_POLICY,
    );

  /** `actor`: who recorded the command (the operator's identity; the system for escalations). */
  function apply(command: C, actor = 'desconocido'): Promise<CaseResult<S>> {
    return serial.run(async () => {
      const events = decideOrFail(() => definition.decide(command, state, true));
      if (events.length === 0) return { state, changed: false, position: lastPosition };
      const oficioNumber = oficioOf(command);
      const occurredAt = nowIso();
      const result = await appendOrRefuse({
        streamId,
        expectedVersion: state.version,
        events: events.map((event) => ({
          eventId: uuid4(),
          event: event as { type: string; data: unknown },
          occurredAt,
          metadata: {
            correlationId: streamId,
            causationId: `${workflowInfo().runId}:${command.type}`,
            actor,
            ...(oficioNumber ? { oficioNumber } : {}),
          },
        })),
      });
      state = definition.fold(events, state);
      lastPosition = result.lastPosition;
      return { state, changed: true, position: lastPosition };
    });
  }

  /** For update validators: refuses a bad or impossible command before anything is written. */
  function validate(command: C): void {
    decideOrFail(() => definition.decide(command, state, false));
  }

  /**
   * Registers an update: its input, less the recording actor, becomes a command that the validator
   * checks before the update is accepted and the handler then applies.
   */
  function on<A extends object, R>(
    update: CaseUpdate<R, A>,
    build: (data: NoInfer<A>) => C,
    answer: (result: CaseResult<S>) => R,
  ): void {
    setHandler(
      update,
      async (input: WithActor<A>) => {
        const [data, actor] = splitActor<A>(input);
        if (input.importId && patched(HISTORY_IMPORTED_AS_HISTORY)) holdFor(input.importId);
        return answer(await apply(build(data), actor));
      },
      { validator: (input: WithActor<A>) => validate(build(splitActor<A>(input)[0])) },
    );
  }

  // Every case's escalations can be acknowledged; `by` is whoever sends the update.
  setHandler(
    acknowledgeEscalationUpdate,
    async (input) => {
      const result = await apply(
        definition.acknowledge({ key: input.key, note: input.note, by: input.actor ?? 'desconocido', now: nowIso() }),
        input.actor,
      );
      return { changed: result.changed, position: result.position };
    },
    {
      validator: (input) =>
        validate(
          definition.acknowledge({ key: input.key, note: input.note, by: input.actor ?? 'desconocido', now: nowIso() }),
        ),
    },
  );

  /** Holds the ladder for an import, until its end or, failing that, a while after its last command here. */
  function holdFor(importId: string): void {
    hold = { importId, until: new Date(Date.now() + IMPORT_HOLD_MINUTES * 60_000).toISOString() };
  }

  // The import says it is over: the loop evaluates the deadline, then the update answers.
  setHandler(finishImportUpdate, async ({ importId }) => {
    if (hold?.importId === importId) {
      hold = { ...hold, over: true };
      await condition(() => settled?.importId === importId || hold?.importId !== importId || definition.closed(state));
    }
    return { foundAtImport: settled?.importId === importId ? settled.found : null };
  });

  /**
   * While an import runs, nothing escalates: a deadline a later oficio of the same import meets
   * never fires. Once it is over (its end said, or the hold's timer), the deadline is evaluated
   * once: still overdue, one escalation at its highest rung, marked found at import.
   */
  async function sitOutImport(
    carryOver: (state: S, lastPosition: string | null, hold?: ImportHold) => Promise<never>,
  ): Promise<void> {
    const current = hold!;
    if (!current.over) {
      const moved = () => hold !== current || definition.closed(state) || shouldContinueAsNew(historyLimit);
      if (!(await condition(moved, msUntil(current.until)))) hold = { ...current, over: true };
      if (shouldContinueAsNew(historyLimit)) {
        await condition(() => serial.idle() && allHandlersFinished());
        await carryOver(state, lastPosition, hold ?? undefined);
      }
      return; // back to the loop: the hold is over, another import holds it, or the case closed
    }
    const { due } = plan();
    if (due) await escalate(due, true);
    settled = { importId: current.importId, found: due?.step ?? null };
    if (hold === current) hold = null;
  }

  async function escalate(due: PlannedEscalation, foundAtImport = false): Promise<void> {
    const raise = { step: due.step, dueToFireAt: due.at, now: nowIso(), ...(foundAtImport ? { foundAtImport } : {}) };
    const result = await apply(definition.raise(raise), 'sistema');
    if (!result.changed) return;
    const fired = state.escalations[state.escalations.length - 1];
    await activities.notifyEscalation({
      key: fired.key,
      streamId,
      ople: state.ople ?? '',
      step: fired.step as PlannedEscalation['step'],
      recipient: fired.recipient,
      deadline: fired.deadline,
      subject: definition.subject(state),
      firedAt: fired.firedAt,
      ...(fired.foundAtImport ? { foundAtImport: true } : {}),
    });
  }

  /**
   * Follows the case until it closes. `carryOver` is called (and never returns) when the history
   * has grown enough to continue as new. Returns false when the case never opened: a workflow
   * started by a command that was then refused has nothing to follow.
   */
  async function follow(
    carryOver: (state: S, lastPosition: string | null, hold?: ImportHold) => Promise<never>,
    emptyGraceMs: number,
  ): Promise<boolean> {
    if (state.version === 0 && !(await condition(() => state.version > 0, emptyGraceMs))) {
      if (patched(WAIT_FOR_OPENING_COMMAND)) {
        // A command may still be writing its events (PostgreSQL down, its activity retrying):
        // the case is empty only if it is still empty once every command has finished.
        await condition(() => state.version > 0 || (serial.idle() && allHandlersFinished()));
        if (state.version === 0) return false;
      } else {
        await condition(() => serial.idle() && allHandlersFinished());
        return false;
      }
    }
    while (!definition.closed(state)) {
      if (hold) {
        await sitOutImport(carryOver);
        continue;
      }
      const { due, next } = plan();
      if (due) {
        await escalate(due);
        continue;
      }
      const seen = state.version;
      // An import's command may change nothing (recorded already) and still hold the ladder.
      const changed = () => state.version !== seen || hold !== null || shouldContinueAsNew(historyLimit);
      if (next) await condition(changed, msUntil(next.at));
      else await condition(changed);
      if (shouldContinueAsNew(historyLimit)) {
        await condition(() => serial.idle() && allHandlersFinished());
        await carryOver(state, lastPosition);
      }
    }
    await condition(() => serial.idle() && allHandlersFinished());
    return true;
  }

  return { state: () => state, streamId, on, plan, follow };
}

/**
 * Appends; when PostgreSQL refuses the events for their data (the activity says DATA_REFUSED and
 * does not retry), the command fails with that reason and the state stays as it was: the case is
 * not pinned by one poisoned command, and the caller learns why.
 */
async function appendOrRefuse(input: Parameters<typeof activities.appendEvents>[0]) {
  try {
    return await activities.appendEvents(input);
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === DATA_REFUSED)
      throw ApplicationFailure.create({ type: DATA_REFUSED, message: cause.message, nonRetryable: true });
    throw error;
  }
}

function oficioOf(command: { data: unknown }): string | undefined {
  const data = command.data as { oficioNumber?: unknown; sourceOficio?: unknown };
  const number =
    typeof data.oficioNumber === 'string'
      ? data.oficioNumber
      : typeof data.sourceOficio === 'string'
        ? data.sourceOficio
        : undefined;
  return number ? normalizeOficioNumber(number) : undefined;
}

/** Splits the recording operator (and the import, if any) off an update's input, so they reach the metadata and the hold, not the decision. */
function splitActor<T extends object>(input: T & { actor?: string; importId?: string }): [T, string | undefined] {
  const { actor, importId: _importId, ...data } = input;
  return [data as T, actor];
}
