import type { EscalationNotice } from '@seguimiento/contracts';
import type { Notifier } from './notifier';

const STEP_TEXT: Record<EscalationNotice['step'], string> = {
  REMINDER: 'Recordatorio: el plazo está por vencer',
  OVERDUE: 'Plazo vencido',
  LEVEL_1: 'Escalamiento nivel 1',
  LEVEL_2: 'Escalamiento nivel 2',
  LEVEL_3: 'Escalamiento nivel 3',
};

/** Writes each escalation as one JSON line (to stdout by default). */
export class LogNotifier implements Notifier {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  async notify(notice: EscalationNotice): Promise<void> {
    this.write(
      JSON.stringify({
        level: 'warn',
        msg: `${STEP_TEXT[notice.step]} — ${notice.subject}`,
        kind: 'escalation',
        ...notice,
      }),
    );
  }
}
