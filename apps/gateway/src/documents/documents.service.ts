import { Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  DOCUMENTS_TASK_QUEUE,
  DOCUMENT_WORKFLOW_TYPE,
  type DocumentUpdateResult,
  type DocumentWorkflowInput,
  defaultDocumentKey,
  documentWorkflowId,
  submitDocumentUpdate,
} from '@seguimiento/contracts';
import { type DocumentEvent, type DocumentState, foldDocument } from '@seguimiento/domain';
import { EventStore } from '@seguimiento/persistence';
import { userError } from '../errors/graphql-errors';
import type { SubmitDocumentInput } from './dto/submit-document.input';
import type { BallInCourt, Document, DocumentStatus, VersionKind } from './models/document.model';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly temporal: Client,
    private readonly eventStore: EventStore,
  ) {}

  /** Starts (or reaches) the document's workflow and submits through it; answers once the event is stored. */
  async submit(input: SubmitDocumentInput): Promise<Document> {
    const documentKey = input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind);
    const documentId = documentWorkflowId(input.ople, documentKey);
    const startWorkflowOperation = new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
      workflowId: documentId,
      taskQueue: DOCUMENTS_TASK_QUEUE,
      args: [{ documentId, ople: input.ople } satisfies DocumentWorkflowInput],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      const result: DocumentUpdateResult = await this.temporal.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [
          {
            documentId,
            ople: input.ople,
            deliverable: input.deliverable,
            versionKind: input.versionKind,
            title: input.title,
            oficioNumber: input.oficioNumber,
            submittedOn: input.submittedOn,
          },
        ],
        startWorkflowOperation,
      });
      return toModel(result.state);
    } catch (error) {
      throw toUserError(error);
    }
  }

  /** The document as its events in the store say it is. */
  async find(id: string): Promise<Document> {
    const stored = await this.eventStore.readStream(id);
    if (stored.length === 0) throw userError('NOT_FOUND', `No existe el documento ${id}`, 'id');
    return toModel(foldDocument(stored.map((e) => ({ type: e.type, data: e.data }) as unknown as DocumentEvent)));
  }
}

function toModel(state: DocumentState): Document {
  return {
    id: state.documentId!,
    ople: state.ople!,
    deliverable: state.deliverable!,
    versionKind: state.versionKind as VersionKind,
    title: state.title!,
    status: state.status as DocumentStatus,
    ballInCourt: state.ballInCourt as BallInCourt,
    submissions: state.submissions,
    lastOficioNumber: state.lastOficioNumber,
    lastSubmittedOn: state.lastSubmittedOn,
    version: state.version,
  };
}

/** A rejection from the workflow (validator or decider) becomes a coded GraphQL error. */
function toUserError(error: unknown): unknown {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const field = (cause.details?.[0] as { field?: string } | undefined)?.field ?? undefined;
    if (cause.type === 'INVALID_INPUT') return userError('BAD_USER_INPUT', cause.message, field);
    return userError('CONFLICT', cause.message, field);
  }
  return error;
}
