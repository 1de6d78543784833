import type { EscalationNotice } from '@seguimiento/contracts';
import type { Notifier } from './notifier';

/**
 * POSTs each escalation as JSON to a URL, with an `Idempotency-Key` header (the escalation's key)
 * so the receiver can drop the duplicates that at-least-once delivery may bring. A non-2xx answer
 * or a network error throws, and the activity is retried.
 */
export class WebhookNotifier implements Notifier {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {
    new URL(url); // fails early on a malformed URL
  }

  async notify(notice: EscalationNotice): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notice.key },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`webhook ${this.url} answered ${response.status}`);
  }
}
