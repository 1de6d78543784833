import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  REQUEST_WORKFLOW_TYPE,
  type RequestUpdateResult,
  type RequestWorkflowInput,
  fulfillRequestUpdate,
  openRequestUpdate,
  requestWorkflowId,
} from '@seguimiento/contracts';
import {
  type RequestEvent,
  type RequestState,
  foldRequest,
  isOverdue,
  isRequestClosed,
  normalizeOficioNumber,
  validateRequestCommand,
} from '@seguimiento/domain';
import { EventStore } from '@seguimiento/persistence';
import { clockHistory } from '../documents/document-reader';
import { checked, DocumentsService } from '../documents/documents.service';
import type { DeadlineKind, Party } from '../documents/models/enums';
import { userError } from '../errors/graphql-errors';
import { ReadYourWrites } from '../infrastructure/read-your-writes';
import { CaseClosed, WorkflowCommands } from '../infrastructure/workflow-commands';
import type { FulfillRequestInput, RecordIneRequestInput, RecordIneReminderInput } from './dto/obligation.inputs';
import type { ReminderChange, Request, RequestChange, RequestStatus } from './models/request.model';

/** INE's reminders (expected deliverables) and requests (obligations with a deadline). */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly commands: WorkflowCommands,
    private readonly readYourWrites: ReadYourWrites,
    private readonly eventStore: EventStore,
  ) {}

  /** One expected deliverable per item, each with its own due date and escalation ladder. */
  async recordReminder(input: RecordIneReminderInput, actor: string): Promise<ReminderChange> {
    const oficioNumber = normalizeOficioNumber(input.oficioNumber);
    const items = input.items.map((item) => ({
      ...item,
      ople: input.ople,
      sourceOficio: oficioNumber,
      sourceDate: input.date,
    }));
    // All or nothing: one bad item refuses the reminder before any is recorded.
    await this.documents.checkExpectations(items);
    const documents = [];
    for (const item of items) documents.push(await this.documents.expect(item, actor));
    return { oficioNumber, documents };
  }

  async recordRequest(input: RecordIneRequestInput, actor: string): Promise<RequestChange> {
    const requestId = this.requestIdOf(input.ople, input.oficioNumber);
    checked(() => validateRequestCommand({ type: 'OpenRequest', data: { ...input, requestId } }));
    return this.send(requestId, input.ople, openRequestUpdate, input, true, null, actor);
  }

  async fulfillRequest(input: FulfillRequestInput, actor: string): Promise<RequestChange> {
    const ople = /^request:([A-Z]{3}):/.exec(input.requestId)?.[1];
    if (!ople)
      throw userError(
        'BAD_USER_INPUT',
        `requestId: "${input.requestId}" no tiene la forma request:<OPLE>:<oficio>`,
        'requestId',
      );
    const { requestId, ...data } = input;
    checked(() => validateRequestCommand({ type: 'FulfillRequest', data }));
    return this.send(
      requestId,
      ople,
      fulfillRequestUpdate,
      data,
      false,
      normalizeOficioNumber(input.oficioNumber),
      actor,
    );
  }

  async find(id: string): Promise<Request> {
    const state = await this.state(id);
    if (!state) throw userError('NOT_FOUND', `No existe la solicitud ${id}`, 'id');
    return toRequest(state);
  }

  private requestIdOf(ople: string, oficioNumber: string): string {
    try {
      return requestWorkflowId(ople, normalizeOficioNumber(oficioNumber));
    } catch (error) {
      throw userError('BAD_USER_INPUT', (error as Error).message, 'oficioNumber');
    }
  }

  private async state(id: string): Promise<RequestState | null> {
    const stored = await this.eventStore.readStream(id);
    return stored.length
      ? foldRequest(stored.map((e) => ({ type: e.type, data: e.data }) as unknown as RequestEvent))
      : null;
  }

  private async send<A>(
    requestId: string,
    ople: string,
    definition: UpdateDefinition<RequestUpdateResult, [A]>,
    data: A,
    mayStart: boolean,
    fulfilling: string | null,
    actor: string,
  ): Promise<RequestChange> {
    try {
      const target = {
        workflowType: REQUEST_WORKFLOW_TYPE,
        workflowId: requestId,
        startArgs: [{ requestId, ople } satisfies RequestWorkflowInput],
      };
      const result = await this.commands.send(target, definition, data, mayStart, actor);
      await this.readYourWrites.waitFor(result.position);
      return { request: toRequest(result.state), alreadyRecorded: !result.changed };
    } catch (error) {
      if (!(error instanceof CaseClosed)) throw error;
      const state = await this.state(requestId);
      if (!state) throw userError('NOT_FOUND', `No existe la solicitud ${requestId}`, 'requestId');
      if (mayStart || state.fulfilledBy?.oficioNumber === fulfilling)
        return { request: toRequest(state), alreadyRecorded: true };
      throw userError('CONFLICT', `La solicitud ${requestId} ya está cerrada.`);
    }
  }
}

function toRequest(state: RequestState, now = new Date().toISOString()): Request {
  const deadline = (d: NonNullable<RequestState['deadline']>) => ({
    ...d,
    party: d.party as Party,
    kind: d.kind as DeadlineKind,
  });
  return {
    id: state.requestId!,
    ople: state.ople!,
    oficioNumber: state.oficioNumber!,
    date: state.date!,
    subject: state.subject!,
    deliverable: state.deliverable,
    explicitDeadline: state.explicitDeadline,
    status: state.status as RequestStatus,
    fulfilledBy: state.fulfilledBy ? { ...state.fulfilledBy, by: state.fulfilledBy.by as Party } : null,
    deadline: state.deadline ? deadline(state.deadline) : null,
    overdue: !isRequestClosed(state) && isOverdue(state, now),
    ...clockHistory(state),
  };
}
