import { Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  DOCUMENTS_TASK_QUEUE,
  DOCUMENT_WORKFLOW_TYPE,
  type DocumentUpdateResult,
  type DocumentWorkflowInput,
  defaultDocumentKey,
  documentWorkflowId,
  extendDeadlineUpdate,
  parseDocumentWorkflowId,
  recordIneAnswerUpdate,
  submitDocumentUpdate,
  withdrawDocumentUpdate,
} from '@seguimiento/contracts';
import {
  type DocumentState,
  DomainError,
  type RecordIneAnswerData,
  type SubmitDocumentData,
  normalizeOficioNumber,
  validateExtension,
  validateIneAnswer,
  validateSubmission,
  validateWithdrawal,
} from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { userError } from '../errors/graphql-errors';
import { DocumentReader, toDocument } from './document-reader';
import type { ExtendDeadlineInput, WithdrawDocumentInput } from './dto/document-change.inputs';
import type { RecordIneOficioInput } from './dto/record-ine-oficio.input';
import type { SubmitDocumentInput } from './dto/submit-document.input';
import type { DocumentChange } from './models/document-change.model';
import type { Document } from './models/document.model';
import { OficioRouter } from './oficio-router';

/**
 * Operators' commands on documents. Each goes to the document's workflow as a Temporal update
 * (started if needed) and answers once the workflow has stored the events, so what it returns is
 * already what readers see. Input is checked with the domain's own rules before anything starts.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly temporal: Client,
    private readonly reader: DocumentReader,
    private readonly router: OficioRouter,
  ) {}

  async submit(input: SubmitDocumentInput): Promise<DocumentChange> {
    const documentKey = input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind);
    const documentId = documentWorkflowId(input.ople, documentKey);
    const data: SubmitDocumentData = { ...input, documentId };
    delete (data as { documentKey?: string }).documentKey;
    checked(() => validateSubmission(data));
    return this.update(documentId, input.ople, submitDocumentUpdate, data, normalizeOficioNumber(input.oficioNumber), true);
  }

  async recordIneOficio(input: RecordIneOficioInput): Promise<DocumentChange> {
    const { documentId, ople, identity } = await this.routeAnswer(input);
    const data: RecordIneAnswerData = {
      oficioNumber: input.oficioNumber,
      date: input.date,
      outcome: input.outcome,
      additionalObservations: input.additionalObservations,
      references: input.references,
      observations: input.observations,
      addressedObservationIds: input.addressedObservationIds,
      identity,
    };
    checked(() => validateIneAnswer(data));
    return this.update(documentId, ople, recordIneAnswerUpdate, data, normalizeOficioNumber(input.oficioNumber), Boolean(identity));
  }

  async extendDeadline(input: ExtendDeadlineInput): Promise<DocumentChange> {
    const { documentId, ...data } = input;
    checked(() => validateExtension(data));
    return this.update(documentId, this.opleOf(documentId), extendDeadlineUpdate, data, null, false);
  }

  async withdraw(input: WithdrawDocumentInput): Promise<DocumentChange> {
    const { documentId, ...data } = input;
    checked(() => validateWithdrawal(data));
    return this.update(documentId, this.opleOf(documentId), withdrawDocumentUpdate, data, null, false);
  }

  async find(id: string): Promise<Document> {
    const state = await this.reader.state(id);
    if (!state) throw userError('NOT_FOUND', `No existe el documento ${id}`, 'id');
    return toDocument(state);
  }

  private opleOf(documentId: string): string {
    const parsed = parseDocumentWorkflowId(documentId);
    if (!parsed) throw userError('BAD_USER_INPUT', `documentId: "${documentId}" no tiene la forma document:<OPLE>:<clave>`, 'documentId');
    return parsed.ople;
  }

  /** Which document an INE answer belongs to: named, found through its citations, or named by deliverable. */
  private async routeAnswer(input: RecordIneOficioInput): Promise<{ documentId: string; ople: string; identity?: RecordIneAnswerData['identity'] }> {
    const byDeliverable =
      input.deliverable !== undefined && input.versionKind !== undefined
        ? documentWorkflowId(input.ople, input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind))
        : null;
    const documentId = input.documentId ?? (await this.router.route(input.ople, input.references)) ?? byDeliverable;
    if (!documentId) {
      throw userError(
        'BAD_USER_INPUT',
        'references: ningún documento registrado cita esos oficios; indique documentId, o deliverable y versionKind para abrirlo.',
        'references',
      );
    }
    if (this.opleOf(documentId) !== input.ople) throw userError('BAD_USER_INPUT', `documentId: ${documentId} no es del OPLE ${input.ople}`, 'documentId');
    const identity =
      input.deliverable !== undefined && input.versionKind !== undefined
        ? { documentId, ople: input.ople, deliverable: input.deliverable, versionKind: input.versionKind }
        : undefined;
    return { documentId, ople: input.ople, identity };
  }

  /**
   * Sends an update to the document's workflow. `mayStart`: start the workflow if none runs
   * (update-with-start); a document whose workflow has closed (resolved or withdrawn) is answered
   * from the event store.
   */
  private async update<A>(
    documentId: string,
    ople: string,
    definition: UpdateDefinition<DocumentUpdateResult, [A]>,
    data: A,
    oficioNumber: string | null,
    mayStart: boolean,
  ): Promise<DocumentChange> {
    try {
      const result = mayStart
        ? await this.temporal.workflow.executeUpdateWithStart(definition, {
            args: [data],
            startWorkflowOperation: new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
              workflowId: documentId,
              taskQueue: DOCUMENTS_TASK_QUEUE,
              args: [{ documentId, ople } satisfies DocumentWorkflowInput],
              workflowIdConflictPolicy: 'USE_EXISTING',
              workflowIdReusePolicy: 'REJECT_DUPLICATE',
            }),
          })
        : await this.temporal.workflow.getHandle(documentId).executeUpdate(definition, { args: [data] });
      return { document: toDocument(result.state), alreadyRecorded: !result.changed };
    } catch (error) {
      return this.closedOrFailed(documentId, oficioNumber, error);
    }
  }

  private async closedOrFailed(documentId: string, oficioNumber: string | null, error: unknown): Promise<DocumentChange> {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure) {
      const field = (cause.details?.[0] as { field?: string | null } | undefined)?.field ?? undefined;
      throw userError(cause.type === 'INVALID_INPUT' ? 'BAD_USER_INPUT' : 'CONFLICT', cause.message, field);
    }
    if (error instanceof WorkflowExecutionAlreadyStartedError || isNotFound(error)) {
      const state = await this.reader.state(documentId);
      if (!state) throw userError('NOT_FOUND', `No existe el documento ${documentId}`, 'documentId');
      if (oficioNumber && state.oficios.some((o) => o.number === oficioNumber)) return { document: toDocument(state), alreadyRecorded: true };
      throw userError('CONFLICT', closedMessage(state), undefined);
    }
    throw error;
  }
}

function closedMessage(state: DocumentState): string {
  return state.status === 'WITHDRAWN'
    ? `El documento ${state.documentId} fue retirado: ya no admite cambios.`
    : `El documento ${state.documentId} ya está resuelto: ya no admite cambios.`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'WorkflowNotFoundError' || /not found|already completed/i.test(error.message));
}

function checked(validate: () => void): void {
  try {
    validate();
  } catch (error) {
    if (error instanceof DomainError) throw userError('BAD_USER_INPUT', error.message, error.field);
    throw error;
  }
}
