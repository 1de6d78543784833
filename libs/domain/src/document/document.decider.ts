import { findDeliverable } from '../catalogue/deliverables';
import { findOple } from '../catalogue/oples';
import { isOficioNumber, normalizeOficioNumber } from '../oficio/oficio-number';
import { DomainError, assertNever } from '../shared/domain-error';
import { isLocalDate } from '../shared/local-date';
import type { DocumentCommand, SubmitDocumentData } from './document.commands';
import type { DocumentEvent } from './document.events';
import { type DocumentState, initialDocumentState } from './document.state';

/**
 * Decides which events a command produces on a document in a given state.
 * Throws DomainError (with a stable code) when the command is impossible; never has side effects.
 */
export function decide(command: DocumentCommand, state: DocumentState): DocumentEvent[] {
  switch (command.type) {
    case 'SubmitDocument':
      return decideSubmit(command.data, state);
    default:
      return assertNever(command.type, 'command');
  }
}

/** Folds one event into the state. Pure and total: the same events always give the same state. */
export function evolve(state: DocumentState, event: DocumentEvent): DocumentState {
  switch (event.type) {
    case 'DocumentSubmitted':
      return {
        ...state,
        documentId: event.data.documentId,
        ople: event.data.ople,
        deliverable: event.data.deliverable,
        versionKind: event.data.versionKind,
        title: event.data.title,
        status: 'UNDER_REVIEW',
        ballInCourt: 'INE',
        submissions: event.data.submission,
        lastOficioNumber: event.data.oficioNumber,
        lastSubmittedOn: event.data.submittedOn,
        version: state.version + 1,
      };
    default:
      return assertNever(event.type, 'event');
  }
}

export function foldDocument(events: readonly DocumentEvent[]): DocumentState {
  return events.reduce(evolve, initialDocumentState);
}

function decideSubmit(data: SubmitDocumentData, state: DocumentState): DocumentEvent[] {
  validateSubmission(data);
  if (state.ballInCourt === 'INE') {
    throw new DomainError(
      'REVIEW_PENDING',
      `El documento ${data.documentId} ya está en revisión del INE: no se puede reenviar hasta recibir su oficio de respuesta.`,
    );
  }
  const deliverable = findDeliverable(data.deliverable)!;
  return [
    {
      type: 'DocumentSubmitted',
      data: {
        documentId: data.documentId,
        ople: data.ople,
        deliverable: data.deliverable,
        versionKind: data.versionKind,
        title: data.title?.trim() || deliverable.title,
        oficioNumber: normalizeOficioNumber(data.oficioNumber),
        submittedOn: data.submittedOn,
        submission: state.submissions + 1,
      },
    },
  ];
}

/** Input checks shared by the workflow's update validator and by the decider itself. */
export function validateSubmission(data: SubmitDocumentData): void {
  if (!findOple(data.ople)) {
    throw new DomainError('INVALID_INPUT', `ople: "${data.ople}" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO).`, 'ople');
  }
  if (!findDeliverable(data.deliverable)) {
    throw new DomainError('INVALID_INPUT', `deliverable: debe ser un entregable del lineamiento 33 (1 a 34), no ${data.deliverable}.`, 'deliverable');
  }
  if (data.versionKind !== 'PROYECTO' && data.versionKind !== 'FINAL') {
    throw new DomainError('INVALID_INPUT', `versionKind: debe ser PROYECTO o FINAL, no "${data.versionKind}".`, 'versionKind');
  }
  if (!isOficioNumber(data.oficioNumber)) {
    throw new DomainError(
      'INVALID_INPUT',
      `oficioNumber: "${data.oficioNumber}" no tiene la forma de un número de oficio (p. ej. IEPC/GRO/SE/0123/2024).`,
      'oficioNumber',
    );
  }
  if (!isLocalDate(data.submittedOn)) {
    throw new DomainError('INVALID_INPUT', `submittedOn: "${data.submittedOn}" no es una fecha válida AAAA-MM-DD.`, 'submittedOn');
  }
  if (data.title !== undefined && data.title.length > 500) {
    throw new DomainError('INVALID_INPUT', 'title: no puede exceder 500 caracteres.', 'title');
  }
}
