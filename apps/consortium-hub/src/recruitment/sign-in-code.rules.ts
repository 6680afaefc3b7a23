import { randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** How long a code may be used, how many wrong tries it survives, and how often one address may ask for one. */
export const SIGN_IN_CODE = {
  ttlMs: 10 * 60_000,
  maxTries: 5,
  requestIntervalMs: 60_000,
  digits: 6,
} as const;

/** The stored form of a code: a random salt and the scrypt of the code with it; the code itself is never stored. */
export interface HashedCode {
  salt: string;
  hash: string;
}

/** A code as stored, enough to judge a try. */
export interface StoredCode extends HashedCode {
  expiresAt: Date;
  failedTries: number;
  usedAt: Date | null;
}

export type CodeVerdict = 'accepted' | 'wrong' | 'expired' | 'too-many-tries' | 'none';

/** An address as compared and stored: surrounding spaces dropped, lower case (the domain is case-blind; nearly every mailbox is too). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Six digits, leading zeros kept, from the operating system's random source. */
export function newCode(): string {
  return String(randomInt(0, 10 ** SIGN_IN_CODE.digits)).padStart(SIGN_IN_CODE.digits, '0');
}

export async function hashCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, 32, (error, key) => (error ? reject(error) : resolve(key.toString('base64')))),
  );
}

export async function hashNewCode(code: string, salt: string): Promise<HashedCode> {
  return { salt, hash: await hashCode(code, salt) };
}

/**
 * What a try with `code` means for the stored code at `now`. Used, exhausted and expired codes are judged
 * before the hash, so a code that can no longer work costs no scrypt and counts no try.
 */
export async function judgeTry(stored: StoredCode | null, code: string, now: Date): Promise<CodeVerdict> {
  if (!stored || stored.usedAt) return 'none';
  if (stored.failedTries >= SIGN_IN_CODE.maxTries) return 'too-many-tries';
  if (now.getTime() >= stored.expiresAt.getTime()) return 'expired';
  const given = Buffer.from(await hashCode(code, stored.salt), 'base64');
  const expected = Buffer.from(stored.hash, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'accepted' : 'wrong';
}

/**
 * The verdict on a code already judged right, read again under lock just before it is spent: another
 * try may have used it, exhausted it or replaced it (a new salt) in between.
 */
export function stillUsable(stored: StoredCode | null, judgedSalt: string, now: Date): CodeVerdict {
  if (!stored || stored.usedAt || stored.salt !== judgedSalt) return 'none';
  if (stored.failedTries >= SIGN_IN_CODE.maxTries) return 'too-many-tries';
  if (now.getTime() >= stored.expiresAt.getTime()) return 'expired';
  return 'accepted';
}

/** The earliest time the same address may ask for another code, given when it last asked. */
export function nextRequestAllowedAt(lastRequestedAt: Date): Date {
  return new Date(lastRequestedAt.getTime() + SIGN_IN_CODE.requestIntervalMs);
}

export function expiresAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + SIGN_IN_CODE.ttlMs);
}
