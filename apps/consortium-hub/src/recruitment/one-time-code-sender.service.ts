import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { RecruitmentErrors } from './recruitment.errors';

/** How a one-time code reaches the person who asked for it. Pluggable: a mail sender is a later piece of work. */
export interface OneTimeCodeSender {
  send(message: { email: string; code: string; expiresAt: Date }): Promise<void>;
}

export const ONE_TIME_CODE_SENDER = Symbol('ONE_TIME_CODE_SENDER');

export const CODE_FILE = 'one-time-codes.jsonl';

/**
 * Appends each code as one JSON line to RECRUITMENT_CODE_DIR/one-time-codes.jsonl: the "mailbox" the
 * demo and the tests read. It stands in for a mail sender, and holds addresses and live codes, so the
 * directory must be as private as the hub's secrets.
 */
export class FileCodeSender implements OneTimeCodeSender {
  constructor(private readonly directory: string) {}

  async send(message: { email: string; code: string; expiresAt: Date }): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const line = JSON.stringify({
      email: message.email,
      code: message.code,
      expiresAt: message.expiresAt.toISOString(),
      sentAt: new Date().toISOString(),
    });
    await appendFile(join(this.directory, CODE_FILE), `${line}\n`, { mode: 0o600 });
  }
}

/** No sender configured: sign-in says which setting is missing instead of failing later. */
export class MissingCodeSender implements OneTimeCodeSender {
  send(): Promise<void> {
    return Promise.reject(RecruitmentErrors.signInUnavailable('RECRUITMENT_CODE_DIR'));
  }
}
