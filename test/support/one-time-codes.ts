import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { waitFor } from './wait-for';

/** One line the hub's file sender wrote: what a mail to the candidate would have carried. */
export interface SentCode {
  email: string;
  code: string;
  expiresAt: string;
  sentAt: string;
}

/** Every code the hub sent so far, oldest first. */
export async function sentCodes(codeDir: string): Promise<SentCode[]> {
  const text = await readFile(join(codeDir, 'one-time-codes.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SentCode);
}

/** The newest code sent to an address, once there are `count` of them (the sender writes before the request answers). */
export async function latestCode(codeDir: string, email: string, count = 1): Promise<string> {
  const mine = await waitFor(
    `code ${count} for ${email}`,
    async () => (await sentCodes(codeDir)).filter((c) => c.email === email.trim().toLowerCase()),
    (codes) => codes.length >= count,
    { timeoutMs: 5000, intervalMs: 50 },
  );
  return mine[mine.length - 1].code;
}

/** One retention reminder the hub's file sender wrote (reminders.jsonl). */
export interface SentReminder {
  reminderId: string;
  email: string;
  removeOn: string;
  removeAfter: string;
  text: string;
  sentAt: string;
}

/** Every retention reminder the hub sent so far, oldest first. */
export async function sentReminders(codeDir: string): Promise<SentReminder[]> {
  const text = await readFile(join(codeDir, 'reminders.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SentReminder);
}
