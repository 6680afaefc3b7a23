import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { RecruitmentErrors } from './recruitment.errors';
import { reminderText } from './retention.rules';

/** A one-time sign-in code for the address that asked for it. */
export interface OneTimeCodeMessage {
  email: string;
  code: string;
  expiresAt: Date;
}

/**
 * A retention reminder: the record behind this address will be removed at `removeAfter` unless the
 * candidate signs in. `reminderId` names the inactivity it warns about (the candidate and their last
 * activity): a sender delivers each id at most once, however often it is asked (docs/recruitment.md, Retention).
 */
export interface RetentionReminderMessage {
  reminderId: string;
  email: string;
  removeAfter: Date;
}

/**
 * How mail reaches a candidate: their one-time codes and their retention reminders. Pluggable: a mail
 * sender is a later piece of work, and must keep `sendReminder` to once per `reminderId` (a record of the
 * ids sent, or the mail service's idempotency key).
 */
export interface OneTimeCodeSender {
  send(message: OneTimeCodeMessage): Promise<void>;
  sendReminder(message: RetentionReminderMessage): Promise<void>;
}

export const ONE_TIME_CODE_SENDER = Symbol('ONE_TIME_CODE_SENDER');

export const CODE_FILE = 'one-time-codes.jsonl';
export const REMINDER_FILE = 'reminders.jsonl';

/**
 * Appends each code as one JSON line to RECRUITMENT_CODE_DIR/one-time-codes.jsonl, and each reminder to
 * reminders.jsonl: the "mailbox" the demo and the tests read. It stands in for a mail sender, and holds
 * addresses and live codes, so the directory must be as private as the hub's secrets.
 */
export class FileCodeSender implements OneTimeCodeSender {
  constructor(private readonly directory: string) {}

  async send(message: OneTimeCodeMessage): Promise<void> {
    await this.append(CODE_FILE, {
      email: message.email,
      code: message.code,
      expiresAt: message.expiresAt.toISOString(),
      sentAt: new Date().toISOString(),
    });
  }

  /**
   * Skips a reminder whose id is in the file already: the job asks again after a crash between sending
   * and committing. The caller holds the candidate's row lock, so no two sends of one id overlap.
   */
  async sendReminder(message: RetentionReminderMessage): Promise<void> {
    const sent = await readFile(join(this.directory, REMINDER_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    if (sent.split('\n').some((line) => line && (JSON.parse(line) as { reminderId: string }).reminderId === message.reminderId)) return;
    await this.append(REMINDER_FILE, {
      reminderId: message.reminderId,
      email: message.email,
      removeOn: message.removeAfter.toISOString().slice(0, 10),
      removeAfter: message.removeAfter.toISOString(),
      text: reminderText(message.removeAfter),
      sentAt: new Date().toISOString(),
    });
  }

  private async append(file: string, line: object): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await appendFile(join(this.directory, file), `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }
}

/** No sender configured: sign-in says which setting is missing instead of failing later, and no reminder goes. */
export class MissingCodeSender implements OneTimeCodeSender {
  send(): Promise<void> {
    return Promise.reject(RecruitmentErrors.signInUnavailable('RECRUITMENT_CODE_DIR'));
  }

  sendReminder(): Promise<void> {
    return Promise.reject(RecruitmentErrors.remindersUnavailable('RECRUITMENT_CODE_DIR'));
  }
}
