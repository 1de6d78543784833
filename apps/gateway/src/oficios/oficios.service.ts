import { Injectable } from '@nestjs/common';
import { defaultDocumentKey, documentWorkflowId, parseCaseId, parseDocumentWorkflowId } from '@seguimiento/contracts';
import { normalizeOficioNumber, validateRequestCommand, validateSubmission } from '@seguimiento/domain';
import { DocumentReader } from '../documents/document-reader';
import { DocumentsService, checked } from '../documents/documents.service';
import type { RecordIneOficioInput } from '../documents/dto/record-ine-oficio.input';
import { Party, type VersionKind } from '../documents/models/enums';
import { OficioRouter } from '../documents/oficio-router';
import { userError } from '../errors/graphql-errors';
import type { Request } from '../obligations/models/request.model';
import { ObligationsService } from '../obligations/obligations.service';
import type { RecordOpleOficioInput } from './dto/record-ople-oficio.input';
import { IneOficioKind } from './models/oficio-kinds';
import type { IneOficioRecorded, OpleOficioRecorded } from './models/oficio-recorded.model';
import { NoticesService } from './notices.service';

/** Which optional fields of an INE oficio each kind takes; any other given is refused by name. */
const FIELDS_BY_KIND: Record<IneOficioKind, ReadonlyArray<keyof RecordIneOficioInput>> = {
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
 * or the answer to a request). Each is routed to the case it concerns by the oficios it cites.
 */
@Injectable()
export class OficiosService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly obligations: ObligationsService,
    private readonly notices: NoticesService,
    private readonly router: OficioRouter,
    private readonly reader: DocumentReader,
  ) {}

  async recordIne(input: RecordIneOficioInput, actor: string): Promise<IneOficioRecorded> {
    const kind = input.kind ?? IneOficioKind.REVIEW;
    for (const field of KIND_SPECIFIC) {
      if (input[field] !== undefined && input[field] !== null && !FIELDS_BY_KIND[kind].includes(field)) {
        throw userError('BAD_USER_INPUT', `${field}: no aplica a un oficio ${kind}`, field);
      }
    }
    const empty = { kind, alreadyRecorded: false, document: null, documents: [], request: null, notice: null };
    const { ople, oficioNumber, date, references } = input;
    switch (kind) {
      case IneOficioKind.REVIEW: {
        required(
          input.outcome,
          'outcome',
          'diga qué resuelve la revisión: OBSERVATIONS, PARTIALLY_ADDRESSED, ADDRESSED o ACCEPTED',
        );
        const receipt = await this.receiptOfRequests(input, actor);
        if (receipt) return { ...empty, ...receipt };
        return { ...empty, ...(await this.documents.recordIneOficio(input, actor)) };
      }
      case IneOficioKind.REQUEST: {
        const subject = required(input.subject, 'subject', 'diga qué solicita el oficio');
        const change = await this.obligations.recordRequest(
          { ople, oficioNumber, date, subject, dueDate: input.dueDate, deliverable: input.deliverable },
          actor,
        );
        return { ...empty, request: change.request, alreadyRecorded: change.alreadyRecorded };
      }
      case IneOficioKind.REMINDER: {
        if (!input.items?.length)
          throw userError(
            'BAD_USER_INPUT',
            'items: un recordatorio debe listar al menos un entregable con su plazo',
            'items',
          );
        const change = await this.obligations.recordReminder({ ople, oficioNumber, date, items: input.items }, actor);
        return {
          ...empty,
          documents: change.documents.map((d) => d.document),
          alreadyRecorded: change.documents.every((d) => d.alreadyRecorded),
        };
      }
      case IneOficioKind.INVITATION:
      case IneOficioKind.NOTICE: {
        const subject = required(
          input.subject,
          'subject',
          kind === IneOficioKind.INVITATION ? 'diga a qué reunión invita' : 'diga qué comunica el oficio',
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
  async recordOple(input: RecordOpleOficioInput, actor: string): Promise<OpleOficioRecorded> {
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    const requestId = input.requestId ?? (await this.oneRequestCited(input.ople, input.references));
    // Named outright, or by entregable (a reminder's oficio may cite several), else found through what it cites.
    const documentId =
      input.documentId ?? this.byDeliverable(input) ?? (await this.router.route(input.ople, input.references));
    if (!requestId && !documentId) {
      throw userError(
        'BAD_USER_INPUT',
        'references: el oficio no cita ninguna solicitud ni documento registrados; indique deliverable y versionKind para remitir un entregable, o documentId o requestId.',
        'references',
      );
    }
    const submission = documentId ? await this.submissionOf(input, documentId) : null;
    if (submission)
      checked(() => validateSubmission({ ...submission, documentId: documentId!, references: input.references }), {
        submittedOn: 'date',
      });
    const fulfilment = requestId ? { requestId, oficioNumber, date: input.date, by: Party.OPLE } : null;
    if (fulfilment) await this.checkRequestOpen(fulfilment.requestId, input.ople, oficioNumber);
    if (fulfilment)
      checked(() =>
        validateRequestCommand({ type: 'FulfillRequest', data: { oficioNumber, date: input.date, by: 'OPLE' } }),
      );

    const result: OpleOficioRecorded = { alreadyRecorded: true, document: null, request: null };
    if (submission) {
      const change = await this.documents.submit(
        { ...submission, references: input.references.length ? input.references : undefined },
        actor,
      );
      Object.assign(result, { document: change.document, alreadyRecorded: change.alreadyRecorded });
    }
    if (fulfilment) {
      const change = await this.obligations.fulfillRequest(fulfilment, actor);
      result.request = change.request;
      result.alreadyRecorded = result.alreadyRecorded && change.alreadyRecorded;
    }
    return result;
  }

  /**
   * "Se tiene por recibido" what INE's own requests asked for (1581 citing 1376): an acceptance
   * that cites requests and no document closes those requests. Null when that is not the case.
   */
  private async receiptOfRequests(
    input: RecordIneOficioInput,
    actor: string,
  ): Promise<{ request: Request; alreadyRecorded: boolean } | null> {
    if (input.outcome !== 'ACCEPTED' || input.documentId) return null;
    const requests = await this.router.requestsCiting(input.ople, input.references);
    if (requests.length === 0 || (await this.router.route(input.ople, input.references))) return null;
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    for (const requestId of requests) await this.checkRequestOpen(requestId, input.ople, oficioNumber);
    const changes = [];
    for (const requestId of requests)
      changes.push(
        await this.obligations.fulfillRequest({ requestId, oficioNumber, date: input.date, by: Party.INE }, actor),
      );
    return { request: changes[changes.length - 1].request, alreadyRecorded: changes.every((c) => c.alreadyRecorded) };
  }

  private byDeliverable(input: RecordOpleOficioInput): string | null {
    if (input.deliverable === undefined || input.versionKind === undefined) return null;
    return documentWorkflowId(
      input.ople,
      input.documentKey ?? defaultDocumentKey(input.deliverable, input.versionKind),
    );
  }

  /** The submission that carries the document: its entregable and version come from the case when it exists. */
  private async submissionOf(input: RecordOpleOficioInput, documentId: string) {
    const parsed = parseDocumentWorkflowId(documentId)!;
    if (this.documents.opleOf(documentId) !== input.ople)
      throw userError('BAD_USER_INPUT', `documentId: ${documentId} no es del OPLE ${input.ople}`, 'documentId');
    const state = await this.reader.state(documentId);
    const deliverable = input.deliverable ?? state?.deliverable ?? undefined;
    const versionKind = (input.versionKind ?? state?.versionKind ?? undefined) as VersionKind | undefined;
    if (deliverable === undefined || versionKind === undefined) {
      throw userError(
        'BAD_USER_INPUT',
        `deliverable: el documento ${documentId} no existe; indique deliverable y versionKind para abrirlo`,
        'deliverable',
      );
    }
    return {
      ople: input.ople,
      deliverable,
      versionKind,
      documentKey: parsed.documentKey,
      title: input.title,
      oficioNumber: input.oficioNumber,
      submittedOn: input.date,
    };
  }

  private async oneRequestCited(ople: string, references: string[]): Promise<string | null> {
    const found = await this.router.requestsCiting(ople, references);
    if (found.length > 1)
      throw userError(
        'CONFLICT',
        `references: el oficio cita varias solicitudes (${found.join(', ')}); indique requestId`,
        'references',
      );
    return found[0] ?? null;
  }

  private async checkRequestOpen(requestId: string, ople: string, oficioNumber: string): Promise<void> {
    const parsed = parseCaseId(requestId);
    if (parsed?.kind !== 'request' || parsed.ople !== ople)
      throw userError('BAD_USER_INPUT', `requestId: ${requestId} no es una solicitud del OPLE ${ople}`, 'requestId');
    const request = await this.obligations.find(requestId);
    if (request.status !== 'OPEN' && request.fulfilledBy?.oficioNumber !== oficioNumber) {
      throw userError(
        'CONFLICT',
        `La solicitud ${requestId} ya está cerrada (la atendió ${request.fulfilledBy?.oficioNumber ?? 'otro oficio'}).`,
      );
    }
  }
}

function required<T>(value: T | null | undefined, field: string, what: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw userError('BAD_USER_INPUT', `${field}: es obligatorio: ${what}`, field);
  }
  return value;
}
