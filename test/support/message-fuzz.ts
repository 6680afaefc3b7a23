import { createHash, randomUUID } from 'node:crypto';

import { getMetadataStorage } from 'class-validator';

import { MAX_MESSAGE_BYTES, MessageDefinition, SubjectScheme, UnsignedEnvelope } from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';

/** One message to publish, and how to find what the receiver did with it. */
export interface HostileMessage {
  label: string;
  subject: string;
  data: Uint8Array;
  /** The envelope id when one is readable, else null (then it is found by the digest of its bytes). */
  id: string | null;
  sha256: string;
}

const nested = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** A value of another JSON type than `value`: the one change no field rule lets through. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return '12';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value !== null && typeof value === 'object') return 'not an object';
  return { unexpected: true };
}

/** The payload's fields as its class declares them. */
function declaredFields(def: MessageDefinition): string[] {
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(def.payload, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
}

/**
 * Signed but invalid variants of one message type: each payload field given another type, the payload
 * empty, an unknown field, a deep nest, and envelopes that lie (unknown version, another co-op, another
 * type than the subject, a signature by a stranger, no signature), plus bytes that are not JSON or too big.
 */
export function hostileMessages(
  def: MessageDefinition,
  sample: Record<string, unknown> | undefined,
  ctx: { coopId: string; scheme: SubjectScheme; signer: EnvelopeSigner; stranger: EnvelopeSigner },
  /** Signing and verifying cost tens of milliseconds each here: how many payload fields to break, and whether to add the envelope's lies (the same code for every type). */
  breadth: { fields: number; envelope: boolean; random: () => number },
): HostileMessage[] {
  const subject =
    def.direction === 'coop-to-hub' ? ctx.scheme.coopMessage(ctx.coopId, def.type) : ctx.scheme.hubMessage(ctx.coopId, def.type);
  // Without a real payload only a broken one can be sent: breaking one field of a made-up payload could make it valid.
  const base = sample ?? {};
  const envelope = (payload: unknown, overrides: Partial<UnsignedEnvelope> = {}): UnsignedEnvelope<unknown> => ({
    id: randomUUID(),
    type: def.type,
    version: def.version,
    coopId: ctx.coopId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    payload,
    ...overrides,
  });
  const signed = (label: string, env: UnsignedEnvelope<unknown>, signer = ctx.signer, on = subject): HostileMessage => {
    const bytes = Buffer.from(JSON.stringify(signer.sign(env)), 'utf8');
    return { label, subject: on, data: bytes, id: env.id, sha256: sha256(bytes) };
  };
  const raw = (label: string, bytes: Buffer): HostileMessage => ({ label, subject, data: bytes, id: null, sha256: sha256(bytes) });

  const out: HostileMessage[] = [];
  const fields = Object.keys(base)
    .map((f) => [breadth.random(), f] as const)
    .sort((a, b) => a[0] - b[0])
    .slice(0, breadth.fields)
    .map(([, f]) => f);
  for (const field of fields) out.push(signed(`payload.${field} of another type`, envelope({ ...base, [field]: otherType(base[field]) })));
  if (declaredFields(def).length && sample) out.push(signed('empty payload', envelope({})));
  out.push(signed('unknown payload field', envelope({ ...base, unknownField: 'x' })));
  if (!breadth.envelope) return out;
  const first = Object.keys(base)[0];
  if (first) out.push(signed(`payload.${first} nested 40 deep`, envelope({ ...base, [first]: nested(40) })));
  const rest = JSON.stringify(base).slice(1, -1);
  out.push(signed('__proto__ in payload', envelope(JSON.parse(`{"__proto__":{"polluted":true}${rest ? `,${rest}` : ''}}`))));
  out.push(signed('payload not an object', envelope(['not', 'an', 'object'])));
  out.push(signed('unknown version', envelope(base, { version: 999 })));
  out.push(signed('another co-op in the envelope', envelope(base, { coopId: 'someone-else' })));
  out.push(signed('a stranger signed it', envelope(base), ctx.stranger));
  out.push(signed('a type nobody sends', envelope(base, { type: 'coop.unheard-of' })));
  const unsigned = envelope(base);
  const unsignedBytes = Buffer.from(JSON.stringify(unsigned), 'utf8');
  out.push({ label: 'no signature', subject, data: unsignedBytes, id: unsigned.id, sha256: sha256(unsignedBytes) });
  out.push(raw('not JSON', Buffer.from(`{"type":"${def.type}",`, 'utf8')));
  out.push(raw('over the size limit', Buffer.from(JSON.stringify({ ...envelope(base), padding: 'x'.repeat(MAX_MESSAGE_BYTES) }), 'utf8')));
  return out;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
