import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

import { Envelope, isCanonicalSignature, signingInput, UnsignedEnvelope } from '@app/contracts';

const NKEY_USER_SEED = /^SU[A-Z2-7]{56}$/;
const NKEY_USER_PUBLIC = /^U[A-Z2-7]{55}$/;

export const isUserSeed = (s: string) => NKEY_USER_SEED.test(s);
export const isUserPublicKey = (s: string) => NKEY_USER_PUBLIC.test(s);

/** DER wrappings of a raw Ed25519 key (RFC 8410), so node:crypto takes the NKey's 32 bytes as they are. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** NKey prefix bytes (base32 of the first 5 bits): S for a seed, U for a user. */
const PREFIX_SEED = 18 << 3;
const PREFIX_USER = 20 << 3;

/**
 * Signs envelopes with this side's NKey (Ed25519): a co-op's own key on a node, the hub's on the hub.
 * The same key is the process's NATS identity, so what it may publish and what it may sign agree.
 * The signature is node:crypto's (OpenSSL): byte for byte what nkeys.js makes from the same seed
 * (Ed25519 is deterministic), some 600 times faster than nkeys.js's pure JavaScript.
 */
export class EnvelopeSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: string;

  constructor(seed: string) {
    if (!isUserSeed(seed)) throw new Error('NATS_NKEY_SEED must be an NKey user seed (SU…, 58 characters)');
    const raw = nkeyPayload(seed, 2);
    // A seed's two prefix bytes hold two 5-bit prefixes: S (seed) and then U (user).
    if (!raw || (raw[0] & 0xf8) !== PREFIX_SEED || (((raw[0] & 0x07) << 5) | ((raw[1] & 0xf8) >> 3)) !== PREFIX_USER)
      throw new Error('NATS_NKEY_SEED must be an NKey user seed (SU…, 58 characters)');
    this.privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw.subarray(2)]), format: 'der', type: 'pkcs8' });
    const rawPublic = createPublicKey(this.privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
    this.publicKey = encodeNkey(Buffer.concat([Buffer.from([PREFIX_USER]), rawPublic]));
  }

  sign<P>(envelope: UnsignedEnvelope<P>): Envelope<P> {
    const signature = sign(null, Buffer.from(signingInput(envelope), 'utf8'), this.privateKey).toString('base64url');
    return { ...envelope, signature };
  }
}

/**
 * True only if `publicKey` signed exactly this envelope, and the signature is written in its one
 * canonical form. OpenSSL also refuses a non-canonical S (S ≥ the group order), which nkeys.js's
 * TweetNaCl accepts: a signature cannot be altered into another that still verifies.
 */
export function verifySignature(envelope: Envelope<unknown>, publicKey: string): boolean {
  if (!isCanonicalSignature(envelope.signature)) return false;
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  try {
    return verify(null, Buffer.from(signingInput(envelope), 'utf8'), key, Buffer.from(envelope.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Key objects by NKey: parsing one costs more than a verification. Bounded: keys come from the registry, but still. */
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 10_000;

function publicKeyObject(publicKey: string): KeyObject | null {
  const hit = keyCache.get(publicKey);
  if (hit) return hit;
  if (!isUserPublicKey(publicKey)) return null;
  const raw = nkeyPayload(publicKey, 1);
  if (!raw || raw[0] !== PREFIX_USER) return null;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw.subarray(1)]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(publicKey, key);
  return key;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The bytes of an NKey (prefix bytes and the 32-byte key) once its CRC-16 checks out, or null. */
function nkeyPayload(text: string, prefixBytes: number): Buffer | null {
  const bytes = base32Decode(text);
  if (!bytes || bytes.length !== prefixBytes + 32 + 2) return null;
  const body = bytes.subarray(0, bytes.length - 2);
  return crc16(body) === bytes.readUInt16LE(bytes.length - 2) ? body : null;
}

function encodeNkey(body: Buffer): string {
  const crc = Buffer.alloc(2);
  crc.writeUInt16LE(crc16(body));
  return base32Encode(Buffer.concat([body, crc]));
}

function base32Decode(text: string): Buffer | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const index = BASE32.indexOf(ch);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function base32Encode(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** CRC-16/XMODEM, as the NKey encoding uses. */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/**
 * Where a receiver finds the key a sender must have signed with: on the hub, the co-op's key from its
 * registry entry (set when the co-op was provisioned); on a node, the hub's key from its configuration.
 */
export interface SignatureKeys {
  keyFor(coopId: string): Promise<string | null>;
}

export const SIGNATURE_KEYS = Symbol('SIGNATURE_KEYS');

/** A node trusts one signer for everything it receives: the hub. */
export class HubKey implements SignatureKeys {
  constructor(private readonly hubPublicKey: string) {}

  async keyFor(): Promise<string> {
    return this.hubPublicKey;
  }
}
