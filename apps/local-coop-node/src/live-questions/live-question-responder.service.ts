import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Msg, Subscription } from 'nats';

import { buildMessage, decodeQuestion, encodeMessage, SPARE_CARE_HOURS_V1 } from '@app/contracts';
import { FEDERATION_OPTIONS, FederationOptions, IntakeCounters, NatsLink, shielded } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { AnswerSpareCareHours } from './answer-spare-care-hours.use-case';

/** Questions answered at once; more are dropped (and logged) rather than queued, since the hub stops waiting anyway. */
const MAX_IN_FLIGHT = 4;

/**
 * Listens for the hub's live questions on core NATS and answers each on its reply subject, signed
 * with the co-op's key. Nothing is kept: a question that arrives while the node is down is simply
 * not answered, and the hub lists the co-op as not replied. The co-op's NATS permissions let it
 * publish one answer on a question's reply subject and nothing else outside its own subjects.
 * A question that cannot be read is refused and counted; nothing in one can stop the listening.
 */
@Injectable()
export class LiveQuestionResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveQuestionResponder.name);
  private sub: Subscription | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly spareCareHours: AnswerSpareCareHours,
    private readonly counters: IntakeCounters,
  ) {}

  onApplicationBootstrap(): void {
    // On each new connection; after a mere reconnect the client resubscribes by itself.
    this.link.onConnection(() => this.subscribe());
  }

  private subscribe(): void {
    const nc = this.link.connection;
    if (!nc || this.stopped || this.options.side.kind !== 'node') return;
    this.sub = nc.subscribe(this.options.scheme.query(SPARE_CARE_HOURS_V1.name), {
      callback: shielded('live-questions', this.counters, this.logger, (err, msg: Msg) => {
        if (err) return void this.logger.warn({ msg: 'live question subscription failed', reason: safeErrorMessage(err) });
        if (this.inFlight.size >= MAX_IN_FLIGHT) return this.refuse(msg.subject, 'overloaded', 'too many questions at once');
        const work = this.answer(msg)
          .catch((error: unknown) => this.refuse(msg.subject, 'failed', safeErrorMessage(error)))
          .finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      }),
    });
  }

  private async answer(msg: Msg): Promise<void> {
    if (!msg.reply) return this.refuse(msg.subject, 'no-reply-subject', 'no reply subject');
    const decoded = decodeQuestion(SPARE_CARE_HOURS_V1, msg.data);
    if (!decoded.ok) return this.refuse(msg.subject, decoded.code, decoded.reason);
    const { questionId } = decoded.question;
    try {
      const coopId = (this.options.side as { coopId: string }).coopId;
      const payload = await this.spareCareHours.execute(decoded.question, coopId);
      const envelope = this.options.signer.sign(buildMessage(SPARE_CARE_HOURS_V1.answer, payload, { coopId, correlationId: questionId }));
      msg.respond(encodeMessage(envelope));
      this.logger.log({ msg: 'live question answered', question: SPARE_CARE_HOURS_V1.name, correlationId: questionId });
    } catch (error) {
      this.logger.warn({
        msg: 'live question not answered',
        question: SPARE_CARE_HOURS_V1.name,
        correlationId: questionId,
        reason: safeErrorMessage(error),
      });
    }
  }

  private refuse(subject: string, code: Parameters<IntakeCounters['refused']>[1], reason: string): void {
    const refused = this.counters.refused('live-questions', code);
    if (refused)
      this.logger.warn({ msg: 'live question refused', subject: subject.slice(0, 200), code, refused, reason: reason.slice(0, 500) });
  }

  /** Stops listening and lets answers in hand finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.sub?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }
}
