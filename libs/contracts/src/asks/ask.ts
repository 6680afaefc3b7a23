import { MessageDefinition } from '../message-definition';

/**
 * An ask: one co-op asks the hub a question over core NATS (request and reply) and waits for its
 * answer, e.g. "which candidates fit this vacancy of ours?". Nothing is kept: a hub that is down does
 * not answer and the node says so. The co-op publishes on `<root>.v1.coop.<its id>.ask.<name>` (its
 * NATS permissions allow only its own ask subjects) and the hub answers on the co-op's own reply inbox.
 *
 * Both the request and the answer travel in the usual signed envelope: the hub acts on a request only
 * if the co-op's key signed it, and the node believes an answer only if the hub's key did.
 *
 * Asks are deliberately not in MESSAGE_CATALOG: no other path (inbox, heartbeats) accepts them.
 */
export interface AskDefinition<Q extends AskRequest, A extends AskAnswer> {
  /** The subject token after `ask.`, version included. */
  readonly name: string;
  readonly request: MessageDefinition<Q>;
  readonly answer: MessageDefinition<A>;
  /** The rest of an answer that refuses the request (every answer field must be there, so one class decodes both). */
  refusedBody(request: Q, at: Date): Omit<A, keyof AskAnswer>;
}

export interface AskRequest {
  askId: string;
}

/** Every answer says whether the hub answered the question or refused it, and why. */
export interface AskAnswer {
  askId: string;
  outcome: 'answered' | 'refused';
  reason?: string;
}

export function defineAsk<Q extends AskRequest, A extends AskAnswer>(def: AskDefinition<Q, A>): AskDefinition<Q, A> {
  if (def.request.transport !== 'core' || def.request.direction !== 'coop-to-hub')
    throw new Error(`${def.name}: an ask's request is a core NATS message from a co-op`);
  if (def.answer.transport !== 'core' || def.answer.direction !== 'hub-to-coop')
    throw new Error(`${def.name}: an ask's answer is a core NATS message from the hub`);
  if (!/^[a-z][a-z0-9-]*\.v[0-9]+$/.test(def.name)) throw new Error(`${def.name}: an ask's name is <words>.v<version>`);
  return Object.freeze({ ...def });
}
