import { createCurve, fromCurveSeed, fromPublic } from 'nkeys.js';

import { canonicalJson, CURVE_PUBLIC_KEY_PATTERN, CURVE_SEED_PATTERN } from '@app/contracts';

/**
 * Sealing for one recipient with curve NKeys (X25519 key agreement, XSalsa20-Poly1305: NaCl's box, as
 * nkeys.js implements it). The sender makes a fresh curve key for every message, so the hub keeps no
 * sealing secret of its own and nothing links two sealed messages; the envelope's signature, not the
 * box, says the hub sent it.
 */
export interface Sealed {
  senderKey: string;
  /** base64 */
  sealed: string;
}

export function isCurvePublicKey(key: string): boolean {
  if (!CURVE_PUBLIC_KEY_PATTERN.test(key)) return false;
  try {
    fromPublic(key);
    return true;
  } catch {
    return false;
  }
}

/** Seals `content` (as canonical JSON) so that only the holder of `recipientKey`'s seed can open it. */
export function sealFor(recipientKey: string, content: object): Sealed {
  if (!isCurvePublicKey(recipientKey)) throw new Error('the recipient key is not a curve public key (X…)');
  const sender = createCurve();
  try {
    const box = sender.seal(Buffer.from(canonicalJson(content), 'utf8'), recipientKey);
    return { senderKey: sender.getPublicKey(), sealed: Buffer.from(box).toString('base64') };
  } finally {
    sender.clear();
  }
}

/** Opens what was sealed for this seed, or null: another recipient's, altered, or not a box at all. Never throws. */
export function openSealed(seed: string, senderKey: string, sealed: string): Uint8Array | null {
  const kp = curveKeyPair(seed);
  try {
    return kp.open(Buffer.from(sealed, 'base64'), senderKey);
  } catch {
    return null;
  } finally {
    kp.clear();
  }
}

/** The public half of a curve seed (SX…). */
export function curvePublicKey(seed: string): string {
  const kp = curveKeyPair(seed);
  try {
    return kp.getPublicKey();
  } finally {
    kp.clear();
  }
}

/** A new curve seed and its public key, made here and now. */
export function newCurveKey(): { seed: string; publicKey: string } {
  const kp = createCurve();
  try {
    return { seed: new TextDecoder().decode(kp.getSeed()), publicKey: kp.getPublicKey() };
  } finally {
    kp.clear();
  }
}

function curveKeyPair(seed: string) {
  if (!CURVE_SEED_PATTERN.test(seed)) throw new Error('NODE_CURVE_SEED must be a curve seed (SX…, 58 characters)');
  return fromCurveSeed(new TextEncoder().encode(seed));
}
