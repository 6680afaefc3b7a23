import { randomUUID } from 'node:crypto';

import { canonicalJson } from './canonical-json';
import { findDefinition, knownVersions } from './catalog';
import { Envelope, MAX_MESSAGE_BYTES, UnsignedEnvelope } from './envelope';
import { Direction, MessageDefinition } from './message-definition';
import { RefusalReason } from './refusal-reason';
import { readJson } from './safe-json';
import { SubjectScheme } from './subjects';
import { checkAgainst } from './validation';
import { COOP_ID_PATTERN } from './vocabulary';

export class ContractViolation extends Error {
  constructor(readonly errors: string[]) {
    super(`message refused: ${errors.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

export interface BuildOptions {
  coopId: string;
  correlationId?: string;
  causationId?: string;
  id?: string;
  occurredAt?: Date;
}

/** Builds an envelope for a message, validating the payload: nothing invalid can be sent. Sign it before sending. */
export function buildMessage<P extends object>(def: MessageDefinition<P>, payload: P, options: BuildOptions): UnsignedEnvelope<P> {
  const checkedPayload = checkAgainst(def.payload, payload);
  if (!checkedPayload.ok) throw new ContractViolation(checkedPayload.errors.map((e) => `payload.${e}`));
  const envelope: UnsignedEnvelope<P> = {
    id: options.id ?? randomUUID(),
    type: def.type,
    version: def.version,
    coopId: options.coopId,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    correlationId: options.correlationId ?? randomUUID(),
    ...(options.causationId ? { causationId: options.causationId } : {}),
    payload: { ...payload },
  };
  const checkedEnvelope = checkAgainst(UnsignedEnvelope, envelope);
  if (!checkedEnvelope.ok) throw new ContractViolation(checkedEnvelope.errors);
  return envelope;
}

export type Refusal = {
  ok: false;
  /** Why, as one of a closed set of labels (for counters). */
  code: RefusalReason;
  /** Why, in words, naming the field. */
  reason: string;
  /** What could be read of the message before it was refused, so a rejection receipt can name it. */
  messageId?: string;
  type?: string;
  version?: number;
  coopId?: string;
};
export type Accepted = { ok: true; envelope: Envelope<object>; definition: MessageDefinition };

export interface DecodeExpectation {
  direction: Direction;
  /** The co-op the subject names: the envelope must claim the same. */
  subjectCoopId?: string;
  /**
   * The only messages this subscription takes. Checked against the claimed type and version before
   * the payload is looked at, so a subscription never validates (nor pays for) another kind of
   * message. These need not be in MESSAGE_CATALOG (live answers are not).
   */
  only?: MessageDefinition<unknown> | readonly MessageDefinition<unknown>[];
}

/**
 * The one gate for every incoming message: size, UTF-8, JSON, shape (depth, no prototype keys),
 * envelope, type and version (known for this direction, or among `only`), the claimed co-op against
 * the subject's co-op, the payload, and last that the bytes are exactly the canonical JSON of what
 * was validated, so what a signature covers is exactly what is acted on. The reason says which rule
 * failed; nothing is half-processed because nothing passes half-checked. Never throws.
 */
export function decodeMessage(data: Uint8Array, expected: DecodeExpectation): Accepted | Refusal {
  try {
    return decode(data, expected);
  } catch (error) {
    return {
      ok: false,
      code: 'unreadable',
      reason: `message could not be read (${error instanceof Error ? error.name : 'non-error thrown'})`,
    };
  }
}

function decode(data: Uint8Array, expected: DecodeExpectation): Accepted | Refusal {
  const json = readJson(data, MAX_MESSAGE_BYTES);
  if (!json.ok) return { ok: false, code: json.code, reason: json.reason };
  const raw = json.value;
  const peek = peekIdentity(raw);
  const refuse = (code: RefusalReason, reason: string): Refusal => ({ ...peek, ok: false, code, reason });
  const envelope = checkAgainst(Envelope, raw);
  if (!envelope.ok) return refuse('invalid-envelope', `invalid envelope: ${envelope.errors.join('; ')}`);
  const env = envelope.value as Envelope<object>;
  const found = definitionFor(env, expected);
  if (!found.ok) return refuse(found.code, found.reason);
  const definition = found.definition;
  if (expected.subjectCoopId !== undefined && expected.subjectCoopId !== env.coopId) {
    return refuse('wrong-coop', `claimed co-op ${env.coopId} does not match the subject's co-op ${expected.subjectCoopId}`);
  }
  const payload = checkAgainst(definition.payload as new () => object, env.payload);
  if (!payload.ok) return refuse('invalid-payload', `invalid ${env.type} v${env.version} payload: ${payload.errors.join('; ')}`);
  const canonical = canonicalJson(raw);
  if (!Buffer.from(canonical, 'utf8').equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) {
    return refuse(
      'not-canonical',
      'message is not in canonical JSON (keys sorted, no spaces, numbers and strings as JSON.stringify writes them, each key once)',
    );
  }
  const accepted: Envelope<object> = { ...env, payload: payload.value };
  if (canonicalJson(accepted) !== canonical)
    return refuse('altered-by-validation', 'message reads differently once validated, so it is not acted on');
  return { ok: true, envelope: accepted, definition };
}

function definitionFor(
  env: Envelope<object>,
  expected: DecodeExpectation,
): { ok: true; definition: MessageDefinition } | { ok: false; code: RefusalReason; reason: string } {
  if (expected.only !== undefined) {
    const allowed = (Array.isArray(expected.only) ? expected.only : [expected.only]) as readonly MessageDefinition[];
    const definition = allowed.find((d) => d.direction === expected.direction && d.type === env.type && d.version === env.version);
    if (definition) return { ok: true, definition };
    return {
      ok: false,
      code: 'unexpected-type',
      reason: `expected ${allowed.map((d) => `${d.type} v${d.version}`).join(' or ')}, got ${env.type} v${env.version}`,
    };
  }
  const definition = findDefinition(expected.direction, env.type, env.version);
  if (definition) return { ok: true, definition };
  const versions = knownVersions(expected.direction, env.type);
  const reason = versions.length
    ? `unknown version ${env.version} of ${env.type} (known: ${versions.join(', ')})`
    : `unknown message type ${env.type} for ${expected.direction}`;
  return { ok: false, code: 'unknown-type', reason };
}

/** Decodes a message that arrived on a durable subject, checking the subject against the scheme too. */
export function decodeDurable(subject: string, data: Uint8Array, scheme: SubjectScheme, direction: Direction): Accepted | Refusal {
  const parsed = scheme.parse(subject);
  if (!parsed || parsed.direction !== direction)
    return { ok: false, code: 'unexpected-type', reason: `subject ${subject} is not a ${direction} message subject` };
  const result = decodeMessage(data, { direction, subjectCoopId: parsed.coopId });
  if (result.ok && result.definition.transport !== 'durable') {
    return {
      ok: false,
      code: 'unexpected-type',
      reason: `${result.envelope.type} is a core NATS message and has no place on the durable path`,
      messageId: result.envelope.id,
      coopId: parsed.coopId,
    };
  }
  if (result.ok && result.envelope.type !== parsed.type) {
    return {
      ok: false,
      code: 'unexpected-type',
      reason: `subject says ${parsed.type} but the envelope says ${result.envelope.type}`,
      messageId: result.envelope.id,
      coopId: parsed.coopId,
    };
  }
  // The subject's co-op, not the one claimed: only the subject is vouched for (by NATS permissions).
  return result.ok ? result : { ...result, coopId: parsed.coopId };
}

/**
 * The wire form: the canonical JSON of the whole envelope, signature included. The receiver accepts
 * no other spelling, so the bytes signed (the same text without the signature) and the bytes acted
 * on cannot differ. An envelope read back from the outbox's jsonb is encoded again the same way.
 */
export function encodeMessage(envelope: Envelope<object> | UnsignedEnvelope<object>): Uint8Array {
  return Buffer.from(canonicalJson(envelope), 'utf8');
}

function peekIdentity(raw: unknown): Omit<Refusal, 'ok' | 'code' | 'reason'> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  return {
    ...(typeof r.id === 'string' && uuid.test(r.id) ? { messageId: r.id } : {}),
    ...(typeof r.coopId === 'string' && COOP_ID_PATTERN.test(r.coopId) ? { coopId: r.coopId } : {}),
    ...(typeof r.type === 'string' && r.type.length <= 80 ? { type: r.type } : {}),
    ...(Number.isInteger(r.version) && (r.version as number) > 0 && (r.version as number) <= 1000 ? { version: r.version as number } : {}),
  };
}
