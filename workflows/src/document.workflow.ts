import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import {
  type DocumentActivities,
  type DocumentUpdateResult,
  type DocumentWorkflowInput,
  type PendingEvent,
  documentStateQuery,
  submitDocumentUpdate,
} from '@seguimiento/contracts';
import {
  type DocumentCommand,
  type DocumentEvent,
  type DocumentState,
  DomainError,
  decide,
  evolve,
  initialDocumentState,
  normalizeOficioNumber,
  validateSubmission,
} from '@seguimiento/domain';

const { appendEvents } = proxyActivities<DocumentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/**
 * One workflow per document: it holds the document's state, turns each command into events with
 * the pure decider, and appends them to the event store before answering.
 */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<DocumentState> {
  let state: DocumentState = initialDocumentState;
  let lastPosition: string | null = null;
  const streamId = workflowInfo().workflowId;

  async function handle(command: DocumentCommand, oficioNumber: string): Promise<DocumentUpdateResult> {
    const events = decideOrFail(command, state);
    const pending: PendingEvent[] = events.map((event) => ({
      eventId: uuid4(),
      event,
      occurredAt: new Date().toISOString(),
      metadata: { oficioNumber, correlationId: streamId, causationId: workflowInfo().runId },
    }));
    const result = await appendEvents({ streamId, expectedVersion: state.version, events: pending });
    state = events.reduce(evolve, state);
    lastPosition = result.lastPosition;
    return { state, position: lastPosition };
  }

  setHandler(documentStateQuery, () => state);
  setHandler(
    submitDocumentUpdate,
    (data) => handle({ type: 'SubmitDocument', data }, normalizeOficioNumber(data.oficioNumber)),
    {
      validator: (data) => {
        guard(() => validateSubmission(data));
        if (data.documentId !== input.documentId) {
          throw ApplicationFailure.create({ type: 'INVALID_INPUT', message: 'documentId: does not match this workflow', nonRetryable: true });
        }
        guard(() => decide({ type: 'SubmitDocument', data }, state));
      },
    },
  );

  // The next issues add INE's answers, rounds and deadlines; until then the document waits for them.
  await condition(() => false);
  return state;
}

function decideOrFail(command: DocumentCommand, state: DocumentState): DocumentEvent[] {
  let events: DocumentEvent[] = [];
  guard(() => {
    events = decide(command, state);
  });
  return events;
}

/** Turns a domain rejection into a failure the caller sees, with its code and field. */
function guard(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        details: [{ field: error.field ?? null }],
        nonRetryable: true,
      });
    }
    throw error;
  }
}
