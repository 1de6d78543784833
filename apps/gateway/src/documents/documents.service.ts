import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_WORKFLOW_TYPE,
  type DocumentUpdateResult,
  type DocumentWorkflowInput,
  defaultDocumentKey,
  documentWorkflowId,
  expectDocumentUpdate,
  extendDeadlineUpdate,
  parseDocumentWorkflowId,
  recordIneAnswerUpdate,
  submitDocumentUpdate,
  withdrawDocumentUpdate,
} from '@seguimiento/contracts';
import {
  type DocumentState,
  DomainError,
  type ExpectDocumentData,
  type RecordIneAnswerData,
  type ReviewOutcome as ReviewOutcomeValue,
  type SubmitDocumentData,
  normalizeOficioNumber,
  validateExpectation,
  validateExtension,
  validateIneAnswer,
  validateSubmission,
  validateWithdrawal,
} from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { userError } from '../errors/graphql-errors';
import { ReadYourWrites } from '../infrastructure/read-your-writes';
import { CaseClosed, WorkflowCommands } from '../infrastructure/workflow-commands';
import { DocumentReader, toDocument } from './document-reader';
import type { ExtendDeadlineInput, WithdrawDocumentInput } from './dto/document-change.inputs';
import type { RecordIneOficioInput } from './dto/record-ine-oficio.input';
import type { SubmitDocumentInput } from './dto/submit-document.input';
import type { DocumentChange } from './models/document-change.model';
import type { Document } from './models/document.model';
import type { VersionKind } from './models/enums';
import { FollowUpPolicies } from './follow-up-policies';
import { OficioRouter } from './oficio-router';

/**
 * Operators' commands on documents. Each goes to the document's workflow as a Temporal update
 * (started if needed) and answers once the workflow has stored the events, so what it returns is
 * already what readers see. Input is checked with the domain's own rules before anything starts.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly readYourWrites: ReadYourWrites,
    private readonly reader: DocumentReader,
    private readonly router: OficioRouter,
    private readonly policies: FollowUpPolicies,
  ) {}

  async submit(input: SubmitDocumentInput, actor: string): Promise<DocumentChange> {
    const documentKey = input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind);
    const documentId = documentWorkflowId(input.ople, documentKey);
    const { documentKey: _key, ...fields } = input;
    const data: SubmitDocumentData = { ...fields, documentId, policy: this.policies.of(input.ople) };
    checked(() => validateSubmission(data));
    return this.update(
      documentId,
      input.ople,
      submitDocumentUpdate,
      data,
      normalizeOficioNumber(input.oficioNumber),
      true,
      actor,
    );
  }

  /** An expected deliverable (a reminder's item): the case opens before any submission. */
  async expect(input: ExpectationInput, actor: string): Promise<DocumentChange> {
    const { documentId, data } = this.expectation(input);
    return this.update(documentId, input.ople, expectDocumentUpdate, data, null, true, actor);
  }

  /**
   * A reminder's items, checked together before any is recorded, so that a bad one refuses the
   * reminder rather than leaving the items before it recorded: each item's input, and the
   * entregable and version of the document it names (in the store, and among the items).
   */
  async checkExpectations(inputs: readonly ExpectationInput[]): Promise<void> {
    const named = new Map<string, { deliverable: number | null; versionKind: string | null }>();
    for (const input of inputs) {
      const { documentId, data } = this.expectation(input);
      const known = named.get(documentId) ?? (await this.reader.state(documentId));
      if (known && (known.deliverable !== data.deliverable || known.versionKind !== data.versionKind)) {
        throw userError(
          'CONFLICT',
          `deliverable: el documento ${documentId} es el entregable ${known.deliverable} (${known.versionKind}), no el ${data.deliverable} (${data.versionKind}).`,
          'deliverable',
        );
      }
      named.set(documentId, data);
    }
  }

  private expectation(input: ExpectationInput): { documentId: string; data: ExpectDocumentData } {
    const documentId = documentWorkflowId(
      input.ople,
      input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind),
    );
    const { documentKey: _key, ...fields } = input;
    const data: ExpectDocumentData = { ...fields, documentId, policy: this.policies.of(input.ople) };
    checked(() => validateExpectation(data), { sourceOficio: 'oficioNumber', sourceDate: 'date' });
    return { documentId, data };
  }

  async recordIneOficio(input: RecordIneOficioInput, actor: string): Promise<DocumentChange> {
    const { documentId, ople, identity } = await this.routeAnswer(input);
    const data: RecordIneAnswerData = {
      oficioNumber: input.oficioNumber,
      date: input.date,
      outcome: input.outcome as ReviewOutcomeValue,
      additionalObservations: input.additionalObservations,
      references: input.references,
      observations: input.observations,
      addressedObservationIds: input.addressedObservationIds,
      identity,
    };
    checked(() => validateIneAnswer(data));
    return this.update(
      documentId,
      ople,
      recordIneAnswerUpdate,
      data,
      normalizeOficioNumber(input.oficioNumber),
      Boolean(identity),
      actor,
    );
  }

  async extendDeadline(input: ExtendDeadlineInput, actor: string): Promise<DocumentChange> {
    const { documentId, ...data } = input;
    checked(() => validateExtension(data));
    return this.update(documentId, this.opleOf(documentId), extendDeadlineUpdate, data, null, false, actor);
  }

  async withdraw(input: WithdrawDocumentInput, actor: string): Promise<DocumentChange> {
    const { documentId, ...data } = input;
    checked(() => validateWithdrawal(data));
    return this.update(documentId, this.opleOf(documentId), withdrawDocumentUpdate, data, null, false, actor);
  }

  async find(id: string): Promise<Document> {
    const state = await this.reader.state(id);
    if (!state) throw userError('NOT_FOUND', `No existe el documento ${id}`, 'id');
    return toDocument(state);
  }

  opleOf(documentId: string): string {
    const parsed = parseDocumentWorkflowId(documentId);
    if (!parsed)
      throw userError(
        'BAD_USER_INPUT',
        `documentId: "${documentId}" no tiene la forma document:<OPLE>:<clave>`,
        'documentId',
      );
    return parsed.ople;
  }

  /** Which document an INE answer belongs to: named, found through its citations, or named by deliverable. */
  private async routeAnswer(
    input: RecordIneOficioInput,
  ): Promise<{ documentId: string; ople: string; identity?: RecordIneAnswerData['identity'] }> {
    const byDeliverable =
      input.deliverable !== undefined && input.versionKind !== undefined
        ? documentWorkflowId(input.ople, input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind))
        : null;
    const cited = input.documentId ? null : await this.router.route(input.ople, input.references);
    // The version the oficio names wins over the other version its citations lead to (issue 15, rule 2).
    const otherVersion =
      cited !== null &&
      byDeliverable !== null &&
      cited !== byDeliverable &&
      !input.versionAssumed &&
      (await this.isOtherVersion(cited, input));
    const documentId = input.documentId ?? (otherVersion ? byDeliverable : cited) ?? byDeliverable;
    if (!documentId) {
      throw userError(
        'BAD_USER_INPUT',
        'references: ningún documento registrado cita esos oficios; indique documentId, o deliverable y versionKind para abrirlo.',
        'references',
      );
    }
    if (this.opleOf(documentId) !== input.ople)
      throw userError('BAD_USER_INPUT', `documentId: ${documentId} no es del OPLE ${input.ople}`, 'documentId');
    const identity =
      input.deliverable !== undefined && input.versionKind !== undefined
        ? {
            documentId,
            ople: input.ople,
            deliverable: input.deliverable,
            versionKind: input.versionKind,
            policy: this.policies.of(input.ople),
          }
        : undefined;
    return { documentId, ople: input.ople, identity };
  }

  /** Whether the cited document is the named entregable's other version (a final version answering the proyecto's observations). */
  private async isOtherVersion(documentId: string, input: RecordIneOficioInput): Promise<boolean> {
    const state = await this.reader.state(documentId);
    return state !== null && state.deliverable === input.deliverable && state.versionKind !== input.versionKind;
  }

  /** Sends the command to the document's workflow; a closed document is answered from the store. */
  private async update<A>(
    documentId: string,
    ople: string,
    definition: UpdateDefinition<DocumentUpdateResult, [A]>,
    data: A,
    oficioNumber: string | null,
    mayStart: boolean,
    actor: string,
  ): Promise<DocumentChange> {
    try {
      const target = {
        workflowType: DOCUMENT_WORKFLOW_TYPE,
        workflowId: documentId,
        startArgs: [{ documentId, ople } satisfies DocumentWorkflowInput],
      };
      const result = await this.commands.send(target, definition, data, mayStart, actor);
      await this.readYourWrites.waitFor(result.position);
      return { document: toDocument(result.state), alreadyRecorded: !result.changed };
    } catch (error) {
      if (!(error instanceof CaseClosed)) throw error;
      const state = await this.reader.state(documentId);
      if (!state) throw userError('NOT_FOUND', `No existe el documento ${documentId}`, 'documentId');
      if (oficioNumber && state.oficios.some((o) => o.number === oficioNumber))
        return { document: toDocument(state), alreadyRecorded: true };
      // A closed case meets any expectation (as the decider says of a case already submitted or closed).
      if (definition === expectDocumentUpdate) return { document: toDocument(state), alreadyRecorded: true };
      throw userError('CONFLICT', closedMessage(state));
    }
  }
}

type ExpectationInput = {
  ople: string;
  deliverable: number;
  versionKind: VersionKind;
  title?: string;
  dueDate: string;
  documentKey?: string;
  sourceOficio: string;
  sourceDate?: string;
};

function closedMessage(state: DocumentState): string {
  return state.status === 'WITHDRAWN'
    ? `El documento ${state.documentId} fue retirado: ya no admite cambios.`
    : `El documento ${state.documentId} ya está resuelto: ya no admite cambios.`;
}

/** Runs the domain's input checks in the gateway, so refused input never starts a workflow. */
export function checked<T>(validate: () => T, fieldsAsSent: Record<string, string> = {}): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The domain's name of a field the caller sent under another (a reminder's date is each item's sourceDate).
    const field = error.field && fieldsAsSent[error.field];
    if (field) throw userError('BAD_USER_INPUT', `${field}${error.message.slice(error.field!.length)}`, field);
    throw userError('BAD_USER_INPUT', error.message, error.field);
  }
}
