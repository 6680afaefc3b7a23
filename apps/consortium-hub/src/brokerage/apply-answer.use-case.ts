import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BROKERAGE_ANSWER_MADE_V1, BrokerageAnswerMadeV1, Envelope, GoneReason } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock } from '@app/platform';

import { BrokerageErrors } from './brokerage.errors';
import { isPastDeadline, judgeAnswer, RequestStatus } from './brokerage.rules';
import { BrokerageStore } from './brokerage.store';

/** Why a request is gone, as the co-ops are told. */
export function goneReasonOf(status: RequestStatus): GoneReason {
  return status === 'placed' ? 'placed-elsewhere' : status === 'closed' ? 'closed' : 'expired';
}

/**
 * A co-op's answer arrives. Under the request's lock (so it is either before an acceptance or
 * after it, never beside it), it is judged by brokerage.rules.ts: a refusal goes back as a rejected
 * receipt and changes nothing. An answer after the request was gone, or past its deadline, is kept
 * as late, and the co-op is told (again) that the request is gone. Times are the hub's Clock: how
 * long an answer took is measured on one clock, the one the request was posted by.
 */
@Injectable()
export class ApplyAnswer implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: BrokerageStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(BROKERAGE_ANSWER_MADE_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<BrokerageAnswerMadeV1>, m: EntityManager): Promise<void> {
    const a = envelope.payload;
    const coopId = envelope.coopId;
    const request = await this.store.lockRequest(m, a.requestId);
    const receivedAt = this.clock.now();
    const [asked]: { answered: boolean }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM brokerage_answer WHERE request_id = $1 AND coop_id = $2) AS answered
         FROM brokerage_asked WHERE request_id = $1 AND coop_id = $2`,
      [a.requestId, coopId],
    );
    const judged = judgeAnswer(request, { asked: !!asked, answeredBefore: !!asked?.answered, coopId }, a, receivedAt);
    if ('rule' in judged) throw BrokerageErrors.refused(judged);
    await m.query(
      `INSERT INTO brokerage_answer (message_id, request_id, coop_id, kind, can_start_on, times_of_day_covered, days_per_week_covered,
                                     decline_reason, note, answered_at, received_at, late)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        envelope.id,
        a.requestId,
        coopId,
        a.answer,
        a.answer === 'offer' ? a.canStartOn : null,
        a.answer === 'offer' ? a.timesOfDayCovered : null,
        a.answer === 'offer' ? a.daysPerWeekCovered : null,
        a.answer === 'decline' ? a.declineReason : null,
        a.note ?? null,
        a.answeredAt,
        receivedAt,
        judged.late,
      ],
    );
    if (judged.late) {
      const reason = request.status === 'open' && isPastDeadline(request.answerBy, receivedAt) ? 'expired' : goneReasonOf(request.status);
      await m.query('UPDATE brokerage_asked SET told_gone_at = coalesce(told_gone_at, $3) WHERE request_id = $1 AND coop_id = $2', [
        a.requestId,
        coopId,
        receivedAt,
      ]);
      await this.store.tellOneGone(m, a.requestId, coopId, reason, receivedAt, true);
    }
  }
}
