import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BROKERAGE_ANSWER_MADE_V1, TimeOfDay } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { AnswerQueuedView, AnswerRequestDto } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { answerProblem, nodeRequestStatus } from './brokerage.rules';

/**
 * The co-op admin answers a package request: an offer or a decline, kept here and sent to the hub
 * through the outbox in one transaction (so it leaves even while NATS is down). The request is
 * locked so that two answers clicked at once leave one.
 */
@Injectable()
export class SendAnswer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(requestId: string, dto: AnswerRequestDto, by: Principal): Promise<AnswerQueuedView> {
    const queued = await this.dataSource.transaction(async (m) => {
      const [r]: { times_of_day: TimeOfDay[]; days_per_week: number; answered: boolean; gone: boolean; placed: boolean }[] = await m.query(
        `SELECT r.times_of_day, r.days_per_week,
                EXISTS (SELECT 1 FROM brokerage_answer_sent a WHERE a.request_id = r.request_id) AS answered,
                EXISTS (SELECT 1 FROM brokerage_gone g WHERE g.request_id = r.request_id) AS gone,
                EXISTS (SELECT 1 FROM brokerage_placement p WHERE p.request_id = r.request_id) AS placed
           FROM brokerage_request r WHERE r.request_id = $1 FOR UPDATE`,
        [requestId],
      );
      if (!r) throw BrokerageErrors.requestNotFound(requestId);
      const problem = answerProblem(nodeRequestStatus(r), { timesOfDay: r.times_of_day, daysPerWeek: r.days_per_week }, dto);
      if (problem) throw BrokerageErrors.answer(problem);
      const offer = dto.answer === 'offer';
      const answeredAt = this.clock.now();
      const envelope = await this.outbox.enqueue(
        m,
        BROKERAGE_ANSWER_MADE_V1,
        {
          requestId,
          answer: dto.answer,
          ...(offer
            ? { canStartOn: dto.canStartOn, timesOfDayCovered: dto.timesOfDayCovered, daysPerWeekCovered: dto.daysPerWeekCovered }
            : {}),
          ...(offer ? {} : { declineReason: dto.declineReason }),
          ...(dto.note !== undefined ? { note: dto.note } : {}),
          answeredAt: answeredAt.toISOString(),
        },
        {},
      );
      await m.query(
        `INSERT INTO brokerage_answer_sent (request_id, message_id, kind, can_start_on, times_of_day_covered, days_per_week_covered, decline_reason, note, answered_at, answered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          requestId,
          envelope.id,
          dto.answer,
          offer ? dto.canStartOn : null,
          offer ? dto.timesOfDayCovered : null,
          offer ? dto.daysPerWeekCovered : null,
          offer ? null : dto.declineReason,
          dto.note ?? null,
          answeredAt,
          by.subject,
        ],
      );
      return { requestId, messageId: envelope.id, answer: dto.answer };
    });
    this.relay.nudge();
    return queued;
  }
}
