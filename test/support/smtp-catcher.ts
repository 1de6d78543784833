import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaughtMail, startMailCatcher } from '@seguimiento/infra/mail-catcher';

export interface TestSmtp {
  url: string;
  received(): CaughtMail[];
  /** From now on, answer every message with this SMTP error (null: accept again). */
  refuseWith(refusal: { code: number; message: string } | null): void;
  /**
   * From now on, run `hook` after each message is kept and before the server answers 250 (null:
   * answer at once again). The sender learns of the delivery only once the hook has finished.
   */
  afterStored(hook: ((mail: CaughtMail) => Promise<void>) | null): void;
  stop(): Promise<void>;
}

/** A real SMTP server on loopback (the embedded catcher) in a throw-away folder, that can be told to refuse. */
export async function startTestSmtp(
  bounces: { bounceAddress?: string; onBounce?: (messageId: string, reason: string) => Promise<void> } = {},
): Promise<TestSmtp> {
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-smtp-'));
  let refusal: { code: number; message: string } | null = null;
  let stored: ((mail: CaughtMail) => Promise<void>) | null = null;
  const catcher = await startMailCatcher({
    dir,
    refuse: () => refusal,
    onStored: (mail) => stored?.(mail),
    ...bounces,
  });
  return {
    url: catcher.url,
    received: catcher.received,
    refuseWith: (r) => (refusal = r),
    afterStored: (hook) => (stored = hook),
    stop: async () => {
      await catcher.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
