import {
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
  type DocumentVersionKind,
  type ExpectDocumentData,
  type ExtendDeadlineData,
  type IneOficioCommand,
  type RecordIneAnswerData,
  type SubmitDocumentData,
  type WithdrawDocumentData,
  normalizeOficioNumber,
  validateExpectation,
  validateExtension,
  validateIneAnswer,
  validateSubmission,
  validateWithdrawal,
} from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';
import {
  type CaseChange,
  type CaseKind,
  type CaseSender,
  type CaseUpdateResult,
  documentCase,
} from '../cases/send-to-case';
import { Conflict, InvalidInput, NotFound, checked } from '../errors';
import type { DocumentStates, FollowUpPolicySource } from '../ports';

/** The OPLE's remission of a document through an oficio. */
export interface SubmitDocumentCommand {
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  documentKey?: string;
  title?: string;
  oficioNumber: string;
  submittedOn: string;
  references?: string[];
}

/** An expected deliverable (a reminder's item): the case opens before any submission. */
export interface ExpectDocumentCommand {
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  title?: string;
  dueDate: string;
  documentKey?: string;
  sourceOficio: string;
  sourceDate?: string;
}

export interface ExtendDeadlineCommand extends ExtendDeadlineData {
  documentId: string;
}

export interface WithdrawDocumentCommand extends WithdrawDocumentData {
  documentId: string;
}

/** A submission checked and ready to send: refused input never reaches a workflow. */
export interface PreparedSubmission {
  documentId: string;
  ople: string;
  data: SubmitDocumentData;
}

/** The OPLE of a document id (`document:<OPLE>:<clave>`), or InvalidInput naming documentId. */
export function opleOfDocument(documentId: string): string {
  const parsed = parseDocumentWorkflowId(documentId);
  if (!parsed) throw new InvalidInput('documentId', `"${documentId}" no tiene la forma document:<OPLE>:<clave>`);
  return parsed.ople;
}

/**
 * Operators' commands on documents. Each goes to the document's workflow (started if needed) and
 * answers once the workflow has stored the events, so what it returns is already what readers
 * see. Input is checked with the domain's own rules before anything starts.
 */
export class DocumentCommands {
  private readonly kind: CaseKind<DocumentState>;

  constructor(
    private readonly sender: CaseSender,
    private readonly documents: DocumentStates,
    private readonly policies: FollowUpPolicySource,
  ) {
    this.kind = documentCase(documents);
  }

  async submit(input: SubmitDocumentCommand, actor: string): Promise<CaseChange<DocumentState>> {
    return this.sendSubmission(this.prepareSubmission(input), actor);
  }

  /** Checks a submission (`fieldsAsSent`: the caller's names of the domain's fields). */
  prepareSubmission(input: SubmitDocumentCommand, fieldsAsSent: Record<string, string> = {}): PreparedSubmission {
    const documentId = documentWorkflowId(
      input.ople,
      input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind),
    );
    const { documentKey: _key, ...fields } = input;
    const data: SubmitDocumentData = { ...fields, documentId, policy: this.policies.of(input.ople) };
    checked(() => validateSubmission(data), fieldsAsSent);
    return { documentId, ople: input.ople, data };
  }

  sendSubmission(prepared: PreparedSubmission, actor: string): Promise<CaseChange<DocumentState>> {
    const { documentId, ople, data } = prepared;
    const oficioNumber = normalizeOficioNumber(data.oficioNumber);
    return this.sender.send(
      this.kind,
      documentId,
      ople,
      submitDocumentUpdate,
      data,
      { mayStart: true, oficioNumber },
      actor,
    );
  }

  /** An expected deliverable; a closed case meets any expectation (as the decider says of a case already submitted). */
  async expect(input: ExpectDocumentCommand, actor: string): Promise<CaseChange<DocumentState>> {
    const { documentId, data } = this.expectation(input);
    const options = { mayStart: true, oficioNumber: null, closedMeetsIt: true };
    return this.sender.send(this.kind, documentId, input.ople, expectDocumentUpdate, data, options, actor);
  }

  /**
   * A reminder's items, checked together before any is recorded, so that a bad one refuses the
   * reminder rather than leaving the items before it recorded: each item's input, and the
   * entregable and version of the document it names (in the store, and among the items).
   */
  async checkExpectations(inputs: readonly ExpectDocumentCommand[]): Promise<void> {
    const named = new Map<string, { deliverable: number | null; versionKind: string | null }>();
    for (const input of inputs) {
      const { documentId, data } = this.expectation(input);
      const known = named.get(documentId) ?? (await this.documents.state(documentId));
      if (known && (known.deliverable !== data.deliverable || known.versionKind !== data.versionKind)) {
        throw new Conflict(
          `deliverable: el documento ${documentId} es el entregable ${known.deliverable} (${known.versionKind}), no el ${data.deliverable} (${data.versionKind}).`,
          'deliverable',
        );
      }
      named.set(documentId, data);
    }
  }

  private expectation(input: ExpectDocumentCommand): { documentId: string; data: ExpectDocumentData } {
    const documentId = documentWorkflowId(
      input.ople,
      input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind),
    );
    const { documentKey: _key, ...fields } = input;
    const data: ExpectDocumentData = { ...fields, documentId, policy: this.policies.of(input.ople) };
    checked(() => validateExpectation(data), { sourceOficio: 'oficioNumber', sourceDate: 'date' });
    return { documentId, data };
  }

  /**
   * INE's answer (a review) on its document: named, found through its citations (`cited`, the
   * router's answer, looked up once by the oficio door), or named by entregable.
   */
  async recordIneAnswer(
    input: IneOficioCommand,
    cited: string | null,
    actor: string,
  ): Promise<CaseChange<DocumentState>> {
    const { documentId, identity } = await this.answered(input, cited);
    const data: RecordIneAnswerData = {
      oficioNumber: input.oficioNumber,
      date: input.date,
      outcome: input.outcome!,
      additionalObservations: input.additionalObservations ?? false,
      references: input.references,
      observations: input.observations,
      addressedObservationIds: input.addressedObservationIds,
      identity,
    };
    checked(() => validateIneAnswer(data));
    const options = { mayStart: Boolean(identity), oficioNumber: normalizeOficioNumber(input.oficioNumber) };
    return this.sender.send(this.kind, documentId, input.ople, recordIneAnswerUpdate, data, options, actor);
  }

  async extendDeadline(input: ExtendDeadlineCommand, actor: string): Promise<CaseChange<DocumentState>> {
    const { documentId, ...data } = input;
    checked(() => validateExtension(data));
    return this.onOpenCase(documentId, extendDeadlineUpdate, data, actor);
  }

  async withdraw(input: WithdrawDocumentCommand, actor: string): Promise<CaseChange<DocumentState>> {
    const { documentId, ...data } = input;
    checked(() => validateWithdrawal(data));
    return this.onOpenCase(documentId, withdrawDocumentUpdate, data, actor);
  }

  /** A command only an open document takes (it never opens one, and records no oficio of its own). */
  private onOpenCase<A>(
    documentId: string,
    definition: UpdateDefinition<CaseUpdateResult<DocumentState>, [A]>,
    data: A,
    actor: string,
  ): Promise<CaseChange<DocumentState>> {
    const options = { mayStart: false, oficioNumber: null };
    return this.sender.send(this.kind, documentId, opleOfDocument(documentId), definition, data, options, actor);
  }

  async find(id: string): Promise<DocumentState> {
    const state = await this.documents.state(id);
    if (!state) throw new NotFound(`No existe el documento ${id}`, 'id');
    return state;
  }

  /** Which document an INE answer belongs to, and its identity when the answer may open it. */
  private async answered(
    input: IneOficioCommand,
    cited: string | null,
  ): Promise<{ documentId: string; identity?: RecordIneAnswerData['identity'] }> {
    const byDeliverable =
      input.deliverable !== undefined && input.versionKind !== undefined
        ? documentWorkflowId(input.ople, input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind))
        : null;
    // The version the oficio names wins over the other version its citations lead to (issue 15, rule 2).
    const otherVersion =
      cited !== null &&
      byDeliverable !== null &&
      cited !== byDeliverable &&
      !input.versionAssumed &&
      (await this.isOtherVersion(cited, input));
    const documentId = input.documentId ?? (otherVersion ? byDeliverable : cited) ?? byDeliverable;
    if (!documentId) {
      throw new InvalidInput(
        'references',
        'ningún documento registrado cita esos oficios; indique documentId, o deliverable y versionKind para abrirlo.',
      );
    }
    if (opleOfDocument(documentId) !== input.ople)
      throw new InvalidInput('documentId', `${documentId} no es del OPLE ${input.ople}`);
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
    return { documentId, identity };
  }

  /** Whether the cited document is the named entregable's other version (a final version answering the proyecto's observations). */
  private async isOtherVersion(documentId: string, input: IneOficioCommand): Promise<boolean> {
    const state = await this.documents.state(documentId);
    return state !== null && state.deliverable === input.deliverable && state.versionKind !== input.versionKind;
  }
}
