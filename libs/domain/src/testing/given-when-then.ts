import type { DocumentCommand } from '../document/document.commands';
import { decideDocument, evolveDocument } from '../document/document.decider';
import type { DocumentEvent } from '../document/document.events';
import { type DocumentState, initialDocumentState } from '../document/document.state';
import { DomainError } from '../shared/domain-error';

/**
 * Given/When/Then for the document decider: given past events, when a command arrives,
 * then these events (or this rejection), and the state they lead to.
 */
export function given(...history: DocumentEvent[]) {
  const state = history.reduce(evolveDocument, initialDocumentState);
  return {
    state,
    when(command: DocumentCommand) {
      let events: DocumentEvent[] | null = null;
      let error: DomainError | null = null;
      try {
        events = decideDocument(command, state);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        error = e;
      }
      return {
        then(expected: DocumentEvent[]): DocumentState {
          if (error) throw new Error(`expected events, got rejection ${error.code}: ${error.message}`);
          expect(events).toEqual(expected);
          return events!.reduce(evolveDocument, state);
        },
        thenRejected(code: string, field?: string): DomainError {
          if (!error) throw new Error(`expected rejection ${code}, got events ${JSON.stringify(events)}`);
          expect(error.code).toBe(code);
          if (field !== undefined) expect(error.field).toBe(field);
          return error;
        },
      };
    },
  };
}
