import { Inject, Injectable, Logger } from '@nestjs/common';
import { createInbox } from 'nats';

import { FEDERATION_OPTIONS, FederationOptions, IntakeCounters, NatsLink, shielded } from '@app/federation';

import { LiveQuestionErrors } from './live-questions.errors';

/**
 * Core NATS scatter-gather: publishes a question on its query subject with a fresh reply inbox,
 * hands each reply to `onReply` as it arrives, and stops at the deadline or as soon as `onReply`
 * says every answer is in. Nothing is kept; a node that misses the question simply does not answer.
 * (The nats client's requestMany would stop on a count of any replies, forged ones included, so the
 * gathering decides when it is complete instead.) Whatever `onReply` throws stays here: the reply
 * callback runs in the NATS client's reader loop, which an exception would stop.
 */
@Injectable()
export class ScatterGather {
  private readonly logger = new Logger(ScatterGather.name);

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly counters: IntakeCounters,
  ) {}

  ask(questionName: string, question: Uint8Array, deadlineMs: number, onReply: (data: Uint8Array) => boolean): Promise<void> {
    const nc = this.link.isConnected() ? this.link.connection : null;
    if (!nc) throw LiveQuestionErrors.natsUnavailable();
    // The hub's own inbox prefix: no co-op may subscribe to it, so no co-op can read another's answer.
    const inbox = createInbox();
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        sub.unsubscribe();
        resolve();
      };
      const timer = setTimeout(finish, deadlineMs);
      const sub = nc.subscribe(inbox, {
        callback: shielded('live-answers', this.counters, this.logger, (err, msg) => {
          if (done) return;
          if (err) return finish();
          if (onReply(msg.data)) finish();
        }),
      });
      // The subscription goes to the server before the question on the same connection, so no early answer is lost.
      nc.publish(this.options.scheme.query(questionName), question, { reply: inbox });
    });
  }
}
