import { randomUUID } from 'node:crypto';
import { findDefinition, knownVersions } from './catalog';
import { Envelope, MAX_MESSAGE_BYTES, UnsignedEnvelope } from './envelope';
import { Direction, MessageDefinition } from './message-definition';
import { SubjectScheme } from './subjects';
import { checkAgainst } from './validation';

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
  reason: string;
  /** What could be read of the message before it was refused, so a rejection receipt can name it. */
  messageId?: string;
  type?: string;
  version?: number;
  coopId?: string;
};
export type Accepted = { ok: true; envelope: Envelope<object>; definition: MessageDefinition };

/**
 * The one gate for every incoming message: size, JSON, envelope, known type and version for this
 * direction, the claimed co-op against the subject's co-op, then the payload. The reason says
 * exactly which rule failed; nothing is half-processed because nothing passes half-checked.
 */
export function decodeMessage(
  data: Uint8Array,
  expected: { direction: Direction; subjectCoopId?: string },
): Accepted | Refusal {
  if (data.byteLength > MAX_MESSAGE_BYTES) return { ok: false, reason: `message is ${data.byteLength} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit` };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return { ok: false, reason: 'message is not valid JSON' };
  }
  const peek = peekIdentity(raw);
  const envelope = checkAgainst(Envelope, raw);
  if (!envelope.ok) return { ...peek, ok: false, reason: `invalid envelope: ${envelope.errors.join('; ')}` };
  const env = envelope.value as Envelope<object>;
  const definition = findDefinition(expected.direction, env.type, env.version);
  if (!definition) {
    const versions = knownVersions(expected.direction, env.type);
    const reason = versions.length
      ? `unknown version ${env.version} of ${env.type} (known: ${versions.join(', ')})`
      : `unknown message type ${env.type} for ${expected.direction}`;
    return { ...peek, ok: false, reason };
  }
  if (expected.subjectCoopId !== undefined && expected.subjectCoopId !== env.coopId) {
    return { ...peek, ok: false, reason: `claimed co-op ${env.coopId} does not match the subject's co-op ${expected.subjectCoopId}` };
  }
  const payload = checkAgainst(definition.payload as new () => object, env.payload);
  if (!payload.ok) return { ...peek, ok: false, reason: `invalid ${env.type} v${env.version} payload: ${payload.errors.join('; ')}` };
  return { ok: true, envelope: { ...env, payload: payload.value }, definition };
}

/** Decodes a message that arrived on a durable subject, checking the subject against the scheme too. */
export function decodeDurable(subject: string, data: Uint8Array, scheme: SubjectScheme, direction: Direction): Accepted | Refusal {
  const parsed = scheme.parse(subject);
  if (!parsed || parsed.direction !== direction) return { ok: false, reason: `subject ${subject} is not a ${direction} message subject` };
  const result = decodeMessage(data, { direction, subjectCoopId: parsed.coopId });
  if (result.ok && result.definition.transport !== 'durable') {
    return { ok: false, reason: `${result.envelope.type} is a core NATS message and has no place on the durable path`, messageId: result.envelope.id, coopId: parsed.coopId };
  }
  if (result.ok && result.envelope.type !== parsed.type) {
    return { ok: false, reason: `subject says ${parsed.type} but the envelope says ${result.envelope.type}`, messageId: result.envelope.id, coopId: parsed.coopId };
  }
  return result.ok ? result : { coopId: parsed.coopId, ...result };
}

export function encodeMessage(envelope: Envelope<object> | UnsignedEnvelope<object>): Uint8Array {
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

function peekIdentity(raw: unknown): Omit<Refusal, 'ok' | 'reason'> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  return {
    ...(typeof r.id === 'string' && uuid.test(r.id) ? { messageId: r.id } : {}),
    ...(typeof r.type === 'string' && r.type.length <= 80 ? { type: r.type } : {}),
    ...(Number.isInteger(r.version) && (r.version as number) > 0 && (r.version as number) <= 1000 ? { version: r.version as number } : {}),
  };
}
