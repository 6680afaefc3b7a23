import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BROKERAGE_PACKAGE_ACCEPTED_V1, FundingType } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { AcceptOfferDto, RequestEndedView } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { acceptanceRefusal } from './brokerage.rules';
import { BrokerageStore } from './brokerage.store';

/**
 * The commissioner accepts one offer. Under the request's lock: of two acceptances racing, the
 * first places the request and the second, waiting on the lock, finds it placed and is refused with
 * 409 naming the co-op that has it. In the same transaction the accepted co-op is sent the
 * placement (with the council's reference) and every other co-op asked is told the request is gone.
 */
@Injectable()
export class AcceptOffer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BrokerageStore,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(requestId: string, dto: AcceptOfferDto, by: Principal): Promise<RequestEndedView> {
    const ended = await this.dataSource.transaction(async (m) => {
      const request = await this.store.lockRequest(m, requestId);
      const now = this.clock.now();
      const [answer]: { request_id: string; coop_id: string; kind: 'offer' | 'decline'; late: boolean; can_start_on: string }[] =
        await m.query('SELECT request_id, coop_id, kind, late, can_start_on FROM brokerage_answer WHERE message_id = $1', [dto.answerId]);
      const refusal = acceptanceRefusal(
        request,
        answer && { requestId: answer.request_id, coopId: answer.coop_id, kind: answer.kind, late: answer.late },
        now,
      );
      if (refusal) throw BrokerageErrors.refused(refusal);
      await this.store.end(m, requestId, 'placed', now, by.subject, { acceptedAnswerId: dto.answerId, acceptedCoopId: answer.coop_id });
      await this.outbox.enqueue(
        m,
        BROKERAGE_PACKAGE_ACCEPTED_V1,
        {
          requestId,
          councilReference: request.councilReference,
          locality: request.locality,
          serviceTypes: request.serviceTypes,
          hoursPerWeek: request.minutesPerWeek / 60,
          visitPattern: {
            visitsPerDay: request.visitsPerDay,
            daysPerWeek: request.daysPerWeek,
            timesOfDay: request.timesOfDay,
            carersPerVisit: request.carersPerVisit,
          },
          startsOn: request.startsOn,
          fundingType: request.fundingType as FundingType,
          ...(request.answerBy ? { answerBy: request.answerBy.toISOString() } : {}),
          canStartOn: answer.can_start_on,
          acceptedAt: now.toISOString(),
        },
        { coopId: answer.coop_id },
      );
      const toldGone = await this.store.tellGone(m, requestId, 'placed-elsewhere', now, answer.coop_id);
      return { id: requestId, status: 'placed' as const, acceptedCoopId: answer.coop_id, toldGone };
    });
    this.relay.nudge();
    return ended;
  }
}
