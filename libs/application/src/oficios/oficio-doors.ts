import { defaultDocumentKey, documentWorkflowId, parseDocumentWorkflowId } from '@seguimiento/contracts';
import {
  type DocumentState,
  type IneOficioCommand,
  type IneOficioKind,
  type OpleOficioCommand,
  type RequestState,
  normalizeOficioNumber,
  validateRequestCommand,
} from '@seguimiento/domain';
import { type DocumentCommands, type PreparedSubmission, opleOfDocument } from '../documents/document-commands';
import { Conflict, InvalidInput, checked } from '../errors';
import type { NoticeRecord, Notices } from '../notices/notices';
import type { DocumentStates } from '../ports';
import type { RequestCommands } from '../requests/request-commands';
import type { OficioRouter } from './oficio-router';

/** What recording an INE oficio changed (one of document, documents, request, notice, by its kind). */
export interface IneOficioRecorded {
  kind: IneOficioKind;
  alreadyRecorded: boolean;
  document: DocumentState | null;
  documents: DocumentState[];
  request: RequestState | null;
  notice: NoticeRecord | null;
}

/** What recording an OPLE's oficio changed. */
export interface OpleOficioRecorded {
  alreadyRecorded: boolean;
  document: DocumentState | null;
  request: RequestState | null;
}

/** Which optional fields of an INE oficio each kind takes; any other given is refused by name. */
const FIELDS_BY_KIND: Record<IneOficioKind, ReadonlyArray<keyof IneOficioCommand>> = {
  REVIEW: [
    'outcome',
    'observations',
    'addressedObservationIds',
    'documentId',
    'deliverable',
    'versionKind',
    'documentKey',
  ],
  REQUEST: ['subject', 'dueDate', 'deliverable'],
  REMINDER: ['items'],
  INVITATION: ['subject', 'meetingAt', 'deliverable'],
  NOTICE: ['subject', 'deliverable'],
};
const KIND_SPECIFIC = [...new Set(Object.values(FIELDS_BY_KIND).flat())];

/**
 * The two doors through which every oficio comes in: INE's (a review, a request, a reminder, an
 * invitation or a notice) and the OPLE's (a deliverable, a new version answering observations,
 * or the answer to a request). Each is routed to the case it concerns by the oficios it cites,
 * looked up once per oficio.
 */
export class OficioDoors {
  constructor(
    private readonly documents: DocumentCommands,
    private readonly requests: RequestCommands,
    private readonly notices: Notices,
    private readonly router: OficioRouter,
    private readonly states: DocumentStates,
  ) {}

  async recordIne(input: IneOficioCommand, actor: string): Promise<IneOficioRecorded> {
    const kind = input.kind ?? 'REVIEW';
    for (const field of KIND_SPECIFIC) {
      if (input[field] !== undefined && input[field] !== null && !FIELDS_BY_KIND[kind].includes(field)) {
        throw new InvalidInput(field, `no aplica a un oficio ${kind}`);
      }
    }
    const empty = { kind, alreadyRecorded: false, document: null, documents: [], request: null, notice: null };
    const { ople, oficioNumber, date, references } = input;
    switch (kind) {
      case 'REVIEW': {
        required(
          input.outcome,
          'outcome',
          'diga qué resuelve la revisión: OBSERVATIONS, PARTIALLY_ADDRESSED, ADDRESSED o ACCEPTED',
        );
        const cited = input.documentId ? null : await this.router.route(ople, references);
        const receipt = cited === null ? await this.receiptOfRequests(input, actor) : null;
        if (receipt) return { ...empty, ...receipt };
        const change = await this.documents.recordIneAnswer(input, cited, actor);
        return { ...empty, document: change.state, alreadyRecorded: change.alreadyRecorded };
      }
      case 'REQUEST': {
        const subject = required(input.subject, 'subject', 'diga qué solicita el oficio');
        const change = await this.requests.recordRequest(
          { ople, oficioNumber, date, subject, dueDate: input.dueDate, deliverable: input.deliverable },
          actor,
        );
        return { ...empty, request: change.state, alreadyRecorded: change.alreadyRecorded };
      }
      case 'REMINDER': {
        if (!input.items?.length)
          throw new InvalidInput('items', 'un recordatorio debe listar al menos un entregable con su plazo');
        const change = await this.requests.recordReminder({ ople, oficioNumber, date, items: input.items }, actor);
        return {
          ...empty,
          documents: change.documents.map((d) => d.state),
          alreadyRecorded: change.documents.every((d) => d.alreadyRecorded),
        };
      }
      case 'INVITATION':
      case 'NOTICE': {
        const subject = required(
          input.subject,
          'subject',
          kind === 'INVITATION' ? 'diga a qué reunión invita' : 'diga qué comunica el oficio',
        );
        const data = {
          ople,
          oficioNumber,
          date,
          kind,
          subject,
          meetingAt: input.meetingAt ?? null,
          references,
          deliverable: input.deliverable ?? null,
        };
        const { notice, alreadyRecorded } = await this.notices.record(data, actor);
        return { ...empty, notice, alreadyRecorded };
      }
    }
  }

  /**
   * An OPLE's oficio: it answers the requests it cites, and carries the document it names — by
   * id, through the INE oficios it cites (a new version answering observations) or by
   * entregable (a first version, or an expected deliverable). Everything is checked first, so a
   * refused oficio changes nothing.
   */
  async recordOple(input: OpleOficioCommand, actor: string): Promise<OpleOficioRecorded> {
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    const requestId = input.requestId ?? (await this.oneRequestCited(input.ople, input.references));
    // Named outright, or by entregable (a reminder's oficio may cite several), else found through what it cites.
    const documentId =
      input.documentId ?? byDeliverable(input) ?? (await this.router.route(input.ople, input.references));
    if (!requestId && !documentId) {
      throw new InvalidInput(
        'references',
        'el oficio no cita ninguna solicitud ni documento registrados; indique deliverable y versionKind para remitir un entregable, o documentId o requestId.',
      );
    }
    const submission = documentId ? await this.submissionOf(input, documentId) : null;
    const fulfilment = requestId ? { requestId, oficioNumber, date: input.date, by: 'OPLE' as const } : null;
    if (fulfilment) await this.requests.checkOpen(fulfilment.requestId, input.ople, oficioNumber);
    if (fulfilment)
      checked(() =>
        validateRequestCommand({ type: 'FulfillRequest', data: { oficioNumber, date: input.date, by: 'OPLE' } }),
      );

    const result: OpleOficioRecorded = { alreadyRecorded: true, document: null, request: null };
    if (submission) {
      const change = await this.documents.sendSubmission(submission, actor);
      Object.assign(result, { document: change.state, alreadyRecorded: change.alreadyRecorded });
    }
    if (fulfilment) {
      const change = await this.requests.fulfillRequest(fulfilment, actor);
      result.request = change.state;
      result.alreadyRecorded = result.alreadyRecorded && change.alreadyRecorded;
    }
    return result;
  }

  /**
   * "Se tiene por recibido" what INE's own requests asked for (1581 citing 1376): an acceptance
   * that cites requests and no document closes those requests. Null when that is not the case.
   */
  private async receiptOfRequests(
    input: IneOficioCommand,
    actor: string,
  ): Promise<{ request: RequestState; alreadyRecorded: boolean } | null> {
    if (input.outcome !== 'ACCEPTED' || input.documentId) return null;
    const requests = await this.router.requestsCiting(input.ople, input.references);
    if (requests.length === 0) return null;
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    for (const requestId of requests) await this.requests.checkOpen(requestId, input.ople, oficioNumber);
    const changes = [];
    for (const requestId of requests)
      changes.push(await this.requests.fulfillRequest({ requestId, oficioNumber, date: input.date, by: 'INE' }, actor));
    return { request: changes[changes.length - 1].state, alreadyRecorded: changes.every((c) => c.alreadyRecorded) };
  }

  /** The submission that carries the document, checked: its entregable and version come from the case when it exists. */
  private async submissionOf(input: OpleOficioCommand, documentId: string): Promise<PreparedSubmission> {
    const parsed = parseDocumentWorkflowId(documentId)!;
    if (opleOfDocument(documentId) !== input.ople)
      throw new InvalidInput('documentId', `${documentId} no es del OPLE ${input.ople}`);
    const state = await this.states.state(documentId);
    const deliverable = input.deliverable ?? state?.deliverable ?? undefined;
    const versionKind = input.versionKind ?? state?.versionKind ?? undefined;
    if (deliverable === undefined || versionKind === undefined) {
      throw new InvalidInput(
        'deliverable',
        `el documento ${documentId} no existe; indique deliverable y versionKind para abrirlo`,
      );
    }
    const submission = {
      ople: input.ople,
      deliverable,
      versionKind,
      documentKey: parsed.documentKey,
      title: input.title,
      oficioNumber: input.oficioNumber,
      submittedOn: input.date,
      references: input.references.length ? input.references : undefined,
    };
    return this.documents.prepareSubmission(submission, { submittedOn: 'date' });
  }

  private async oneRequestCited(ople: string, references: string[]): Promise<string | null> {
    const found = await this.router.requestsCiting(ople, references);
    if (found.length > 1)
      throw new Conflict(
        `references: el oficio cita varias solicitudes (${found.join(', ')}); indique requestId`,
        'references',
      );
    return found[0] ?? null;
  }
}

function byDeliverable(input: OpleOficioCommand): string | null {
  if (input.deliverable === undefined || input.versionKind === undefined) return null;
  return documentWorkflowId(input.ople, input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind));
}

function required<T>(value: T | null | undefined, field: string, what: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new InvalidInput(field, `es obligatorio: ${what}`);
  }
  return value;
}
