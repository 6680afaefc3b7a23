import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Msg, Subscription } from 'nats';
import { SPARE_CARE_HOURS_V1, buildMessage, decodeQuestion, encodeMessage } from '@app/contracts';
import { FEDERATION_OPTIONS, FederationOptions, NatsLink } from '@app/federation';
import { AnswerSpareCareHours } from './answer-spare-care-hours.use-case';

/** Questions answered at once; more are dropped (and logged) rather than queued, since the hub stops waiting anyway. */
const MAX_IN_FLIGHT = 4;

/**
 * Listens for the hub's live questions on core NATS and answers each on its reply subject, signed
 * with the co-op's key. Nothing is kept: a question that arrives while the node is down is simply
 * not answered, and the hub lists the co-op as not replied. The co-op's NATS permissions let it
 * publish one answer on a question's reply subject and nothing else outside its own subjects.
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
  ) {}

  onApplicationBootstrap(): void {
    // Subscribed once: the client resubscribes by itself after a reconnect.
    void this.link.whenConnected().then(() => this.subscribe());
  }

  private subscribe(): void {
    const nc = this.link.connection;
    if (!nc || this.stopped || this.options.side.kind !== 'node') return;
    this.sub = nc.subscribe(this.options.scheme.query(SPARE_CARE_HOURS_V1.name), {
      callback: (err, msg) => {
        if (err) return void this.logger.warn({ msg: 'live question subscription failed', reason: err.message });
        if (this.inFlight.size >= MAX_IN_FLIGHT) return void this.logger.warn({ msg: 'live question dropped: too many at once', subject: msg.subject });
        const work = this.answer(msg).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      },
    });
  }

  private async answer(msg: Msg): Promise<void> {
    if (!msg.reply) return void this.logger.warn({ msg: 'live question refused', subject: msg.subject, reason: 'no reply subject' });
    const decoded = decodeQuestion(SPARE_CARE_HOURS_V1, msg.data);
    if (!decoded.ok) return void this.logger.warn({ msg: 'live question refused', subject: msg.subject, reason: decoded.reason });
    const { questionId } = decoded.question;
    try {
      const coopId = (this.options.side as { coopId: string }).coopId;
      const payload = await this.spareCareHours.execute(decoded.question, coopId);
      const envelope = this.options.signer.sign(buildMessage(SPARE_CARE_HOURS_V1.answer, payload, { coopId, correlationId: questionId }));
      msg.respond(encodeMessage(envelope));
      this.logger.log({ msg: 'live question answered', question: SPARE_CARE_HOURS_V1.name, correlationId: questionId });
    } catch (error) {
      this.logger.warn({ msg: 'live question not answered', question: SPARE_CARE_HOURS_V1.name, correlationId: questionId, reason: (error as Error).message });
    }
  }

  /** Stops listening and lets answers in hand finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.sub?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }
}
