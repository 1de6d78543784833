import { fulfillRequestUpdate, openRequestUpdate, parseCaseId, requestWorkflowId } from '@seguimiento/contracts';
import {
  type DocumentState,
  type FulfillRequestData,
  type ReminderItem,
  type RequestState,
  normalizeOficioNumber,
  validateRequestCommand,
} from '@seguimiento/domain';
import { type CaseChange, type CaseKind, type CaseSender, readRequest, requestCase } from '../cases/send-to-case';
import type { DocumentCommands } from '../documents/document-commands';
import { Conflict, InvalidInput, NotFound, checked } from '../errors';
import type { EventLog } from '../ports';

/** An INE "atento recordatorio": one expected deliverable per item, each with its own due date. */
export interface RecordReminderCommand {
  ople: string;
  oficioNumber: string;
  date: string;
  items: ReminderItem[];
}

/** An INE request ("solicita se informe, a más tardar…"). */
export interface RecordRequestCommand {
  ople: string;
  oficioNumber: string;
  date: string;
  subject: string;
  dueDate?: string;
  deliverable?: number;
}

/** What closes a request: the OPLE's answer, or an INE oficio that receives what it asked for. */
export interface FulfillRequestCommand extends FulfillRequestData {
  requestId: string;
}

export interface ReminderChange {
  oficioNumber: string;
  documents: Array<CaseChange<DocumentState>>;
}

/**
 * The OPLE of a request id (`request:<OPLE>:<key>`), or InvalidInput naming the field: any other
 * id — a document's, a notice's — would be read and folded as a request without an OPLE check.
 */
export function opleOfRequest(id: string, field: string): string {
  const parsed = parseCaseId(id);
  if (parsed?.kind !== 'request')
    throw new InvalidInput(field, `"${id.slice(0, 120)}" no tiene la forma request:<OPLE>:<oficio>`);
  return parsed.ople;
}

/** INE's reminders (expected deliverables) and requests (obligations with a deadline). */
export class RequestCommands {
  private readonly kind: CaseKind<RequestState>;

  constructor(
    private readonly sender: CaseSender,
    private readonly documents: DocumentCommands,
    private readonly log: EventLog,
  ) {
    this.kind = requestCase(log);
  }

  /** One expected deliverable per item; all or nothing: one bad item refuses the reminder before any is recorded. */
  async recordReminder(input: RecordReminderCommand, actor: string): Promise<ReminderChange> {
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    const items = input.items.map((item) => ({
      ...item,
      ople: input.ople,
      sourceOficio: oficioNumber,
      sourceDate: input.date,
    }));
    await this.documents.checkExpectations(items);
    const documents = [];
    for (const item of items) documents.push(await this.documents.expect(item, actor));
    return { oficioNumber, documents };
  }

  async recordRequest(input: RecordRequestCommand, actor: string): Promise<CaseChange<RequestState>> {
    const requestId = this.requestIdOf(input.ople, input.oficioNumber);
    checked(() => validateRequestCommand({ type: 'OpenRequest', data: { ...input, requestId } }));
    const options = { mayStart: true, oficioNumber: null, closedMeetsIt: true };
    return this.sender.send(this.kind, requestId, input.ople, openRequestUpdate, input, options, actor);
  }

  async fulfillRequest(input: FulfillRequestCommand, actor: string): Promise<CaseChange<RequestState>> {
    const ople = /^request:([A-Z]{3}):/.exec(input.requestId)?.[1];
    if (!ople) throw new InvalidInput('requestId', `"${input.requestId}" no tiene la forma request:<OPLE>:<oficio>`);
    const { requestId, ...data } = input;
    checked(() => validateRequestCommand({ type: 'FulfillRequest', data }));
    const options = { mayStart: false, oficioNumber: normalizeOficioNumber(input.oficioNumber) };
    return this.sender.send(this.kind, requestId, ople, fulfillRequestUpdate, data, options, actor);
  }

  /**
   * Whether an oficio may close the request: one of the OPLE's requests, still open or already
   * closed by this same oficio.
   */
  async checkOpen(requestId: string, ople: string, oficioNumber: string): Promise<void> {
    const parsed = parseCaseId(requestId);
    if (parsed?.kind !== 'request' || parsed.ople !== ople)
      throw new InvalidInput('requestId', `${requestId} no es una solicitud del OPLE ${ople}`);
    const request = await this.find(requestId);
    if (request.status !== 'OPEN' && request.fulfilledBy?.oficioNumber !== oficioNumber) {
      throw new Conflict(
        `La solicitud ${requestId} ya está cerrada (la atendió ${request.fulfilledBy?.oficioNumber ?? 'otro oficio'}).`,
      );
    }
  }

  async find(id: string): Promise<RequestState> {
    const state = await readRequest(this.log, id);
    if (!state) throw new NotFound(`No existe la solicitud ${id}`, 'id');
    return state;
  }

  private requestIdOf(ople: string, oficioNumber: string): string {
    try {
      return requestWorkflowId(ople, normalizeOficioNumber(oficioNumber));
    } catch (error) {
      throw InvalidInput.said((error as Error).message, 'oficioNumber');
    }
  }
}
