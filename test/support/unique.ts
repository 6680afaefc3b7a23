import { randomBytes } from 'node:crypto';

/** A short unique token for database names, subject roots and stream names of one test suite. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

let counter = 0;

/** A name no other record of this run has, for records the API wants told apart (`Member 7`, `Carer 8`). */
export function uniqueName(prefix: string): string {
  return `${prefix} ${++counter}`;
}
