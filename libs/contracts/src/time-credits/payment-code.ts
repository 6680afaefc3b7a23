import { COOP_ID_PATTERN } from '../vocabulary';

/**
 * A one-time payment code, made by the receiving co-op's node for one of its members: the co-op's id,
 * a dot, and twenty characters of Crockford's base 32 (100 random bits). The co-op id is all the hub
 * needs to route a payment; only the node that made the code knows whose it is, so neither the paying
 * co-op nor the hub ever learns the person.
 */
export const PAYMENT_CODE_SECRET_LENGTH = 20;
export const PAYMENT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAYMENT_CODE_PATTERN = new RegExp(
  `^(${COOP_ID_PATTERN.source.slice(1, -1)})\\.([${PAYMENT_CODE_ALPHABET}]{${PAYMENT_CODE_SECRET_LENGTH}})$`,
);
export const PAYMENT_CODE_RULE = `the co-op's id, a dot and ${PAYMENT_CODE_SECRET_LENGTH} characters of 0-9 and A-Z without I, L, O and U (e.g. colne-valley.7K3M9Q2XWV4T8R6P1N5H)`;
/** The longest code there can be: a co-op id of 63 characters, the dot and the secret. */
export const PAYMENT_CODE_MAX_LENGTH = 63 + 1 + PAYMENT_CODE_SECRET_LENGTH;

export interface ParsedPaymentCode {
  coopId: string;
  secret: string;
}

/** The co-op a code routes to, and its secret part; null when the text is not a payment code. */
export function parsePaymentCode(code: unknown): ParsedPaymentCode | null {
  if (typeof code !== 'string' || code.length > PAYMENT_CODE_MAX_LENGTH) return null;
  const match = PAYMENT_CODE_PATTERN.exec(code);
  return match ? { coopId: match[1], secret: match[2] } : null;
}

/** A code for the co-op from random bytes (at least one per character; each byte's low five bits are used). */
export function formatPaymentCode(coopId: string, randomBytes: Uint8Array): string {
  if (!COOP_ID_PATTERN.test(coopId)) throw new Error(`not a co-op id: ${coopId}`);
  if (randomBytes.length < PAYMENT_CODE_SECRET_LENGTH) throw new Error(`a payment code needs ${PAYMENT_CODE_SECRET_LENGTH} random bytes`);
  let secret = '';
  for (let i = 0; i < PAYMENT_CODE_SECRET_LENGTH; i++) secret += PAYMENT_CODE_ALPHABET[randomBytes[i] & 31];
  return `${coopId}.${secret}`;
}
