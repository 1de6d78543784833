import {
  DOCUMENT_WORKFLOW_TYPE,
  type DocumentWorkflowInput,
  REQUEST_WORKFLOW_TYPE,
  type RequestWorkflowInput,
} from '@seguimiento/contracts';
import { type DocumentState, REQUEST_CASE, type RequestState } from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { CaseClosed, Conflict, NotFound } from '../errors';
import type { CaseCommands, DocumentStates, EventLog, ProjectionWait } from '../ports';

/** What a command did to its case: the case as it is now, and whether the command had been carried out already. */
export interface CaseChange<S> {
  state: S;
  alreadyRecorded: boolean;
}

/** What every case's workflow answers to a command. */
export interface CaseUpdateResult<S> {
  state: S;
  changed: boolean;
  position: string | null;
}

/**
 * One kind of case (a document, a request): its workflow, how to read it from the store, and how
 * to answer a command its closed workflow no longer takes.
 */
export interface CaseKind<S> {
  workflowType: string;
  startArgs(caseId: string, ople: string): unknown[];
  read(caseId: string): Promise<S | null>;
  /** The input field that names such a case, and how to say it does not exist. */
  idField: string;
  missing(caseId: string): string;
  /** Whether the closed case already holds this oficio (then the command was carried out). */
  holds(state: S, oficioNumber: string): boolean;
  closed(state: S): string;
}

export function documentCase(documents: DocumentStates): CaseKind<DocumentState> {
  return {
    workflowType: DOCUMENT_WORKFLOW_TYPE,
    startArgs: (documentId, ople) => [{ documentId, ople } satisfies DocumentWorkflowInput],
    read: (id) => documents.state(id),
    idField: 'documentId',
    missing: (id) => `No existe el documento ${id}`,
    holds: (state, oficioNumber) => state.oficios.some((o) => o.number === oficioNumber),
    closed: (state) =>
      state.status === 'WITHDRAWN'
        ? `El documento ${state.documentId} fue retirado: ya no admite cambios.`
        : `El documento ${state.documentId} ya está resuelto: ya no admite cambios.`,
  };
}

/** A request as its events say it is (null when nothing was recorded). */
export async function readRequest(log: EventLog, requestId: string): Promise<RequestState | null> {
  const stored = await log.readStream(requestId);
  return stored.length ? REQUEST_CASE.fold(stored) : null;
}

export function requestCase(log: EventLog): CaseKind<RequestState> {
  return {
    workflowType: REQUEST_WORKFLOW_TYPE,
    startArgs: (requestId, ople) => [{ requestId, ople } satisfies RequestWorkflowInput],
    read: (id) => readRequest(log, id),
    idField: 'requestId',
    missing: (id) => `No existe la solicitud ${id}`,
    holds: (state, oficioNumber) => state.fulfilledBy?.oficioNumber === oficioNumber,
    closed: (state) => `La solicitud ${state.requestId} ya está cerrada.`,
  };
}

export interface SendOptions {
  /** The command may open the case (update-with-start). */
  mayStart: boolean;
  /** The oficio the command records, if any: a closed case that holds it answers "already recorded". */
  oficioNumber: string | null;
  /** A closed case meets the command anyway (an expectation, a request opened twice). */
  closedMeetsIt?: boolean;
}

/**
 * Sends a command to a case of any kind: to its workflow (started if the command may open it),
 * answering once the read models include what it recorded. A closed case is answered from the
 * store: the oficio it already holds is "already recorded", anything else a conflict.
 */
export class CaseSender {
  constructor(
    private readonly commands: CaseCommands,
    private readonly projection: ProjectionWait,
  ) {}

  async send<S, A>(
    kind: CaseKind<S>,
    caseId: string,
    ople: string,
    definition: UpdateDefinition<CaseUpdateResult<S>, [A]>,
    data: A,
    options: SendOptions,
    actor: string,
  ): Promise<CaseChange<S>> {
    try {
      const target = { workflowType: kind.workflowType, workflowId: caseId, startArgs: kind.startArgs(caseId, ople) };
      const result = await this.commands.send(target, definition, data, options.mayStart, actor);
      await this.projection.waitFor(result.position);
      return { state: result.state, alreadyRecorded: !result.changed };
    } catch (error) {
      if (!(error instanceof CaseClosed)) throw error;
      const state = await kind.read(caseId);
      if (!state) throw new NotFound(kind.missing(caseId), kind.idField);
      if (options.closedMeetsIt || (options.oficioNumber && kind.holds(state, options.oficioNumber)))
        return { state, alreadyRecorded: true };
      throw new Conflict(kind.closed(state));
    }
  }
}
