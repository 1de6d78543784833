import { documentLife, openCaseSteps, statusOf } from '../../../test/reliability/support/lifecycles';
import type { OficioClient } from '../../../test/reliability/support/oficio-client';

/**
 * Oficios for as long as the soak lasts: `concurrency` clients each take the next document and play
 * its whole life (lifecycles.ts: four of six end resolved, the others stay open with their
 * escalation timers), and with every twentieth document record a request and a reminder left open.
 * No document is left half-played: once `until()` is false no new one is started, and the ones
 * under way finish.
 */
export class OficioLoad {
  /** Documents started (and, once `run` resolves, played to the end of their lives). */
  documents = 0;
  /** Requests and reminders recorded (openCaseSteps). */
  openCases = 0;
  oficios = 0;
  /** Oficios whose answer left their case in another state than the life expects. */
  readonly wrongStates: string[] = [];
  /** The documents' ids, as the API answered them (the query load reads them). */
  readonly documentIds: string[] = [];

  constructor(
    private readonly client: OficioClient,
    private readonly tag: string,
  ) {}

  async run(concurrency: number, until: () => boolean): Promise<void> {
    const lane = async () => {
      while (until()) {
        const i = this.documents++;
        if (i % 20 === 0) await this.openCase(this.openCases++);
        const life = documentLife(this.tag, i);
        for (const [s, step] of life.entries()) {
          const answer = await this.client.record(step.door, step.input);
          this.oficios++;
          if (s === 0 && answer.document) this.documentIds.push(answer.document.id);
          if (answer.document?.status !== step.expect)
            this.wrongStates.push(
              `${String(step.input.oficioNumber)}: document ${answer.document?.id ?? '(none)'} is ${answer.document?.status ?? '—'}, expected ${step.expect}`,
            );
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  private async openCase(k: number): Promise<void> {
    for (const step of openCaseSteps(this.tag, k)) {
      const answer = await this.client.record(step.door, step.input);
      this.oficios++;
      if (statusOf(answer) !== step.expect)
        this.wrongStates.push(
          `${String(step.input.oficioNumber)}: ${statusOf(answer) ?? '—'}, expected ${step.expect}`,
        );
    }
  }
}
