import { randomBytes } from 'node:crypto';

/** A short unique token for database names, subject roots and stream names of one test suite. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
