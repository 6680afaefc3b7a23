import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BROKERAGE_PACKAGE_REQUESTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { CreatePackageRequestDto, RequestPostedView } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { minutesOf, whoIsAsked } from './brokerage.rules';
import { BrokerageStore } from './brokerage.store';

/**
 * A commissioner (or staff for them) posts a package request. Every online co-op that serves the
 * locality with all its services is asked: one message each through the hub's outbox, in the same
 * transaction as the request, so a co-op that drops offline a moment later still gets it when back.
 * The council's reference stays on the hub until an offer is accepted.
 */
@Injectable()
export class PostPackageRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BrokerageStore,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async execute(dto: CreatePackageRequestDto, by: Principal): Promise<RequestPostedView> {
    const postedAt = this.clock.now();
    const answerBy = dto.answerBy ? new Date(dto.answerBy) : null;
    if (answerBy && answerBy <= postedAt) throw BrokerageErrors.answerByPassed();
    const id = randomUUID();
    const posted = await this.dataSource.transaction(async (m) => {
      const who = whoIsAsked(dto, await this.store.coops(m), new Date(), this.config.HEARTBEAT_TIMEOUT_MS);
      const offline = who.offline.map((o) => ({ coopId: o.coopId, lastHeartbeatAt: o.lastHeartbeatAt?.toISOString() ?? null }));
      if (who.asked.length === 0) throw BrokerageErrors.nobodyToAsk(dto.locality, offline);
      const v = dto.visitPattern;
      await m.query(
        `INSERT INTO brokerage_request (id, council_reference, locality, service_types, minutes_per_week, visits_per_day, days_per_week,
                                        times_of_day, carers_per_visit, starts_on, funding_type, answer_by, posted_at, posted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          dto.councilReference,
          dto.locality,
          dto.serviceTypes,
          minutesOf(dto.hoursPerWeek),
          v.visitsPerDay,
          v.daysPerWeek,
          v.timesOfDay,
          v.carersPerVisit,
          dto.startsOn,
          dto.fundingType,
          answerBy,
          postedAt,
          by.subject,
        ],
      );
      for (const coopId of who.asked) {
        await m.query('INSERT INTO brokerage_asked (request_id, coop_id, asked_at) VALUES ($1, $2, $3)', [id, coopId, postedAt]);
        await this.outbox.enqueue(
          m,
          BROKERAGE_PACKAGE_REQUESTED_V1,
          {
            requestId: id,
            locality: dto.locality,
            serviceTypes: dto.serviceTypes,
            hoursPerWeek: dto.hoursPerWeek,
            visitPattern: {
              visitsPerDay: v.visitsPerDay,
              daysPerWeek: v.daysPerWeek,
              timesOfDay: v.timesOfDay,
              carersPerVisit: v.carersPerVisit,
            },
            startsOn: dto.startsOn,
            fundingType: dto.fundingType,
            ...(answerBy ? { answerBy: answerBy.toISOString() } : {}),
            postedAt: postedAt.toISOString(),
          },
          { coopId },
        );
      }
      return { id, status: 'open' as const, postedAt: postedAt.toISOString(), asked: who.asked, offline };
    });
    this.relay.nudge();
    return posted;
  }
}
