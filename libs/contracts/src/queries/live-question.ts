import { canonicalJson } from '../canonical-json';
import { Envelope, MAX_MESSAGE_BYTES } from '../envelope';
import { decodeMessage } from '../message-codec';
import { MessageDefinition, PayloadClass } from '../message-definition';
import { RefusalReason } from '../refusal-reason';
import { readJson } from '../safe-json';
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

export function defineLiveQuestion<Q extends LiveQuestion, A extends LiveAnswer>(
  def: LiveQuestionDefinition<Q, A>,
): LiveQuestionDefinition<Q, A> {
  if (def.answer.transport !== 'core' || def.answer.direction !== 'coop-to-hub')
    throw new Error(`${def.name}: an answer is a core NATS message from a co-op`);
  return Object.freeze({ ...def });
}

export type QuestionDecoding<Q> = { ok: true; question: Q } | { ok: false; code: RefusalReason; reason: string };

/**
 * What a node does with a question before it touches its database: size, UTF-8, JSON, shape, every
 * field. Never throws. (A question is not signed, so its spelling is not held to canonical JSON:
 * only the hub may publish on a query subject, and what is acted on is the validated value.)
 */
export function decodeQuestion<Q extends LiveQuestion, A extends LiveAnswer>(
  def: LiveQuestionDefinition<Q, A>,
  data: Uint8Array,
): QuestionDecoding<Q> {
  const json = readJson(data, MAX_MESSAGE_BYTES);
  if (!json.ok) return json;
  const checked = checkAgainst(def.question, json.value);
  return checked.ok
    ? { ok: true, question: checked.value }
    : { ok: false, code: 'invalid-payload', reason: `invalid ${def.name} question: ${checked.errors.join('; ')}` };
}

export type AnswerDecoding<A> =
  { ok: true; envelope: Envelope<A> } | { ok: false; code: RefusalReason; reason: string; claimedCoopId?: string };

/**
 * The structural gate for an answer: everything `decodeMessage` checks (canonical bytes included),
 * with this question's answer as the only message accepted, and the same co-op in the envelope and
 * the payload. It does not check the signature (the caller holds the keys) nor which question it
 * answers (`mismatch`). Never throws.
 */
export function decodeAnswer<Q extends LiveQuestion, A extends LiveAnswer>(
  def: LiveQuestionDefinition<Q, A>,
  data: Uint8Array,
): AnswerDecoding<A> {
  const decoded = decodeMessage(data, { direction: 'coop-to-hub', only: def.answer });
  if (!decoded.ok)
    return { ok: false, code: decoded.code, reason: decoded.reason, ...(decoded.coopId ? { claimedCoopId: decoded.coopId } : {}) };
  const envelope = decoded.envelope as Envelope<A>;
  if (envelope.payload.coopId !== envelope.coopId) {
    return {
      ok: false,
      code: 'wrong-coop',
      reason: `the envelope is from ${envelope.coopId} but the answer says ${envelope.payload.coopId}`,
      claimedCoopId: envelope.coopId,
    };
  }
  return { ok: true, envelope };
}

/** A question as the hub sends it: canonical JSON, like every message. */
export function encodeQuestion<Q extends LiveQuestion>(question: Q): Uint8Array {
  return Buffer.from(canonicalJson(question), 'utf8');
}
