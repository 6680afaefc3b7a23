/**
 * Why an incoming message was refused, as a short stable label: the set is closed so that a counter
 * (and, later, a Prometheus label) per reason stays bounded whatever a sender puts in its bytes. The
 * full reason, naming the field, goes with it in words.
 */
export const REFUSAL_REASONS = [
  // decoding (libs/contracts)
  'too-large',
  'not-utf8',
  'not-json',
  'too-deep',
  'forbidden-key',
  'invalid-envelope',
  'unexpected-type',
  'unknown-type',
  'wrong-coop',
  'invalid-payload',
  'not-canonical',
  'altered-by-validation',
  'unreadable',
  // the receiver's own checks
  'bad-signature',
  'not-asked',
  'not-this-question',
  'already-answered',
  'no-reply-subject',
  'overloaded',
  'failed',
  // made before the inbox's retention horizon: its id may be purged, so it is never applied
  'past-retention-horizon',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value);
}
