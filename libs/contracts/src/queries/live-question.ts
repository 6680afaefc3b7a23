import { Envelope, MAX_MESSAGE_BYTES } from '../envelope';
import { MessageDefinition, PayloadClass } from '../message-definition';
import { checkAgainst } from '../validation';

/**
 * A live question: the hub asks every online node at once over core NATS (request with many replies)
 * and waits until a deadline. Nothing is kept: a node that is down simply does not answer, and the
 * hub reports it as such.
 *
 * The question is a bare payload: only the hub may publish on query subjects (each co-op's NATS
 * permissions allow it to listen there, never to publish). The answer travels in the usual envelope
 * signed with the co-op's key, because every co-op hears every question and may answer on its reply
 * subject: the signature is what tells the hub which co-op really answered.
 *
 * Answers are deliberately not in MESSAGE_CATALOG: no other path (inbox, heartbeats) accepts them.
 */
export interface LiveQuestionDefinition<Q extends LiveQuestion, A extends LiveAnswer> {
  /** The subject token after `query.`, version included, so a node that only knows v1 never hears v2. */
  readonly name: string;
  readonly question: PayloadClass<Q>;
  readonly answer: MessageDefinition<A>;
  /** Why an answer does not answer this question (another question id, another week...), or null. */
  mismatch(question: Q, answer: A): string | null;
}

export interface LiveQuestion {
  questionId: string;
}

export interface LiveAnswer {
  questionId: string;
  coopId: string;
}

export function defineLiveQuestion<Q extends LiveQuestion, A extends LiveAnswer>(def: LiveQuestionDefinition<Q, A>): LiveQuestionDefinition<Q, A> {
  if (def.answer.transport !== 'core' || def.answer.direction !== 'coop-to-hub') throw new Error(`${def.name}: an answer is a core NATS message from a co-op`);
  return Object.freeze({ ...def });
}

export type QuestionDecoding<Q> = { ok: true; question: Q } | { ok: false; reason: string };

/** What a node does with a question before it touches its database: size, JSON, every field. */
export function decodeQuestion<Q extends LiveQuestion, A extends LiveAnswer>(def: LiveQuestionDefinition<Q, A>, data: Uint8Array): QuestionDecoding<Q> {
  const raw = parseJson(data);
  if (!raw.ok) return raw;
  const checked = checkAgainst(def.question, raw.value);
  return checked.ok ? { ok: true, question: checked.value } : { ok: false, reason: `invalid ${def.name} question: ${checked.errors.join('; ')}` };
}

export type AnswerDecoding<A> = { ok: true; envelope: Envelope<A> } | { ok: false; reason: string; claimedCoopId?: string };

/**
 * The structural gate for an answer: size, JSON, a signed envelope of the right type and version,
 * a valid payload, and the same co-op in the envelope and the payload. It does not check the
 * signature (the caller holds the keys) nor which question it answers (`mismatch`).
 */
export function decodeAnswer<Q extends LiveQuestion, A extends LiveAnswer>(def: LiveQuestionDefinition<Q, A>, data: Uint8Array): AnswerDecoding<A> {
  const raw = parseJson(data);
  if (!raw.ok) return raw;
  const claimed = typeof (raw.value as { coopId?: unknown })?.coopId === 'string' ? { claimedCoopId: String((raw.value as { coopId: string }).coopId).slice(0, 63) } : {};
  const envelope = checkAgainst(Envelope, raw.value);
  if (!envelope.ok) return { ok: false, reason: `invalid envelope: ${envelope.errors.join('; ')}`, ...claimed };
  const env = envelope.value as Envelope<unknown>;
  if (env.type !== def.answer.type || env.version !== def.answer.version) {
    return { ok: false, reason: `expected ${def.answer.type} v${def.answer.version}, got ${env.type} v${env.version}`, ...claimed };
  }
  const payload = checkAgainst(def.answer.payload, env.payload);
  if (!payload.ok) return { ok: false, reason: `invalid ${env.type} v${env.version} payload: ${payload.errors.join('; ')}`, ...claimed };
  if (payload.value.coopId !== env.coopId) return { ok: false, reason: `the envelope is from ${env.coopId} but the answer says ${payload.value.coopId}`, ...claimed };
  return { ok: true, envelope: { ...env, payload: payload.value } };
}

function parseJson(data: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (data.byteLength > MAX_MESSAGE_BYTES) return { ok: false, reason: `message is ${data.byteLength} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit` };
  try {
    return { ok: true, value: JSON.parse(Buffer.from(data).toString('utf8')) };
  } catch {
    return { ok: false, reason: 'message is not valid JSON' };
  }
}

export function encodeQuestion<Q extends LiveQuestion>(question: Q): Uint8Array {
  return Buffer.from(JSON.stringify(question), 'utf8');
}
