import { randomUUID } from 'node:crypto';

import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Msg, Subscription } from 'nats';

import { AskAnswer, AskDefinition, AskRequest, buildMessage, decodeMessage, encodeMessage, Envelope, RefusalReason } from '@app/contracts';
import { safeErrorMessage } from '@app/platform';

import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { IntakeCounters, shielded } from './intake-counters';
import { NatsLink } from './nats-link.service';
import { SIGNATURE_KEYS, SignatureKeys, verifySignature } from './signing';

/** What the hub does with one ask: the answer's payload, less the ask id; or a refusal in words. */
export type AskHandler<Q extends AskRequest, A extends AskAnswer> = (
  request: Envelope<Q>,
) => Promise<Omit<A, keyof AskAnswer> | { refused: string }>;

/** Asks answered at once; more are dropped (and counted) rather than queued, since the node stops waiting anyway. */
const MAX_IN_FLIGHT = 16;

/**
 * The hub's side of asks: one subscription per ask on every co-op's ask subject of that name. A
 * request is acted on only if it decodes (the same gate as every message: size, shape, canonical
 * bytes), names the co-op of its subject, and that co-op's registry key signed it; the answer is
 * signed with the hub's key and sent to the co-op's reply inbox. Nothing is kept.
 */
@Injectable()
export class AskServer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AskServer.name);
  private readonly subs: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    private readonly link: NatsLink,
    private readonly counters: IntakeCounters,
  ) {}

  /** Call once, at bootstrap: subscribes on every connection the link makes. */
  serve<Q extends AskRequest, A extends AskAnswer>(def: AskDefinition<Q, A>, handler: AskHandler<Q, A>): void {
    if (this.options.side.kind !== 'hub') throw new Error('only the hub answers asks');
    this.link.onConnection((nc) => {
      if (this.stopped) return;
      this.subs.push(
        nc.subscribe(this.options.scheme.coopAsks(def.name), {
          // More than one hub instance: each ask is answered by one.
          queue: 'hub',
          callback: shielded('asks', this.counters, this.logger, (err, msg: Msg) => {
            if (err) return void this.logger.warn({ msg: 'ask subscription failed', reason: safeErrorMessage(err) });
            if (this.inFlight.size >= MAX_IN_FLIGHT) return this.refuse(def.name, 'overloaded', 'too many asks at once');
            const work = this.answer(def, handler, msg)
              .catch((error: unknown) => this.refuse(def.name, 'failed', safeErrorMessage(error)))
              .finally(() => this.inFlight.delete(work));
            this.inFlight.add(work);
          }),
        }),
      );
    });
  }

  private async answer<Q extends AskRequest, A extends AskAnswer>(
    def: AskDefinition<Q, A>,
    handler: AskHandler<Q, A>,
    msg: Msg,
  ): Promise<void> {
    if (!msg.reply) return this.refuse(def.name, 'no-reply-subject', 'no reply subject');
    const subjectCoopId = msg.subject.split('.')[3];
    const decoded = decodeMessage(msg.data, { direction: 'coop-to-hub', only: def.request, subjectCoopId });
    if (!decoded.ok) return this.refuse(def.name, decoded.code, decoded.reason);
    const request = decoded.envelope as Envelope<Q>;
    const key = await this.keys.keyFor(request.coopId);
    if (!key || !verifySignature(request as Envelope<unknown>, key))
      return this.refuse(def.name, 'bad-signature', `not signed with the key of co-op ${request.coopId}`);
    const result = await handler(request);
    const askId = request.payload.askId;
    const payload =
      'refused' in result
        ? ({ ...def.refusedBody(request.payload, new Date()), askId, outcome: 'refused', reason: result.refused.slice(0, 500) } as A)
        : ({ ...result, askId, outcome: 'answered' } as unknown as A);
    const answer = this.options.signer.sign(
      buildMessage(def.answer, payload, { coopId: request.coopId, correlationId: request.correlationId, causationId: request.id }),
    );
    msg.respond(encodeMessage(answer));
  }

  private refuse(name: string, code: RefusalReason, reason: string): void {
    const refused = this.counters.refused('asks', code);
    if (refused) this.logger.warn({ msg: 'ask refused', ask: name, code, refused, reason: reason.slice(0, 500) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const sub of this.subs) sub.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }
}

export type AskOutcome<A> =
  { ok: true; answer: A } | { ok: false; problem: 'hub-unreachable' | 'no-answer' | 'bad-answer' | 'refused'; reason: string };

/**
 * A node's side of asks: signs the request with the co-op's key, sends it on its own ask subject, and
 * believes an answer only if it decodes as this ask's answer, is for this co-op and this ask, and the
 * hub's key signed it. Never throws: an unreachable hub, a silent one or a bad answer is an outcome.
 */
@Injectable()
export class AskClient {
  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    private readonly link: NatsLink,
    private readonly counters: IntakeCounters,
  ) {}

  async ask<Q extends AskRequest, A extends AskAnswer>(
    def: AskDefinition<Q, A>,
    question: Omit<Q, 'askId'>,
    timeoutMs = 5000,
  ): Promise<AskOutcome<A>> {
    const { side, scheme, signer } = this.options;
    if (side.kind !== 'node') throw new Error('only a node asks the hub');
    const nc = this.link.connection;
    if (!nc || nc.isClosed()) return { ok: false, problem: 'hub-unreachable', reason: 'the node is not connected to NATS' };
    const askId = randomUUID();
    const request = signer.sign(buildMessage(def.request, { ...question, askId } as Q, { coopId: side.coopId, correlationId: askId }));
    let reply: Msg;
    try {
      reply = await nc.request(scheme.coopAsk(side.coopId, def.name), encodeMessage(request), { timeout: timeoutMs });
    } catch (error) {
      const text = safeErrorMessage(error);
      return /503|no responders/i.test(text)
        ? { ok: false, problem: 'hub-unreachable', reason: 'the hub is not listening (no responders)' }
        : { ok: false, problem: 'no-answer', reason: `the hub did not answer within ${timeoutMs} ms` };
    }
    const decoded = decodeMessage(reply.data, { direction: 'hub-to-coop', only: def.answer, subjectCoopId: side.coopId });
    if (!decoded.ok) return this.bad(decoded.code, decoded.reason);
    const answer = decoded.envelope as Envelope<A>;
    const hubKey = await this.keys.keyFor(side.coopId);
    if (!hubKey || !verifySignature(answer as Envelope<unknown>, hubKey)) return this.bad('bad-signature', 'not signed with the hub key');
    if (answer.payload.askId !== askId) return this.bad('not-this-question', 'the answer is for another ask');
    if (answer.payload.outcome === 'refused') return { ok: false, problem: 'refused', reason: answer.payload.reason ?? 'refused' };
    return { ok: true, answer: answer.payload };
  }

  private bad(code: RefusalReason, reason: string): AskOutcome<never> {
    this.counters.refused('ask-answers', code);
    return { ok: false, problem: 'bad-answer', reason };
  }
}
