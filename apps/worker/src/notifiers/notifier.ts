import type { EscalationNotice } from '@seguimiento/contracts';

/** Where escalations are announced. Implementations must tolerate the same notice twice (`key`). */
export interface Notifier {
  notify(notice: EscalationNotice): Promise<void>;
}
