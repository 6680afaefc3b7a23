import { fromPublic, fromSeed } from 'nkeys.js';
import { Envelope, SIGNATURE_PATTERN, UnsignedEnvelope, signingInput } from '@app/contracts';

const NKEY_USER_SEED = /^SU[A-Z2-7]{56}$/;
const NKEY_USER_PUBLIC = /^U[A-Z2-7]{55}$/;

export const isUserSeed = (s: string) => NKEY_USER_SEED.test(s);
export const isUserPublicKey = (s: string) => NKEY_USER_PUBLIC.test(s);

/**
 * Signs envelopes with this side's NKey (Ed25519): a co-op's own key on a node, the hub's on the hub.
 * The same key is the process's NATS identity, so what it may publish and what it may sign agree.
 */
export class EnvelopeSigner {
  private readonly pair: ReturnType<typeof fromSeed>;
  readonly publicKey: string;

  constructor(seed: string) {
    if (!isUserSeed(seed)) throw new Error('NATS_NKEY_SEED must be an NKey user seed (SU…, 58 characters)');
    this.pair = fromSeed(Buffer.from(seed));
    this.publicKey = this.pair.getPublicKey();
  }

  sign<P>(envelope: UnsignedEnvelope<P>): Envelope<P> {
    const signature = Buffer.from(this.pair.sign(Buffer.from(signingInput(envelope), 'utf8'))).toString('base64url');
    return { ...envelope, signature };
  }
}

/** True only if `publicKey` signed exactly this envelope. */
export function verifySignature(envelope: Envelope<unknown>, publicKey: string): boolean {
  if (!isUserPublicKey(publicKey) || !SIGNATURE_PATTERN.test(envelope.signature)) return false;
  try {
    return fromPublic(publicKey).verify(Buffer.from(signingInput(envelope), 'utf8'), Buffer.from(envelope.signature, 'base64url'));
  } catch {
    return false;
  }
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
