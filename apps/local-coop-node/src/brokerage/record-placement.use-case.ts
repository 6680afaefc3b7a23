import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BROKERAGE_PACKAGE_ACCEPTED_V1, BrokeragePackageAcceptedV1, Envelope } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * The commissioner accepted this co-op's offer: the placement is recorded, exactly once (keyed by
 * the request), with the council's reference, for the admin to take on the person through the
 * council and then add them as a person supported with a care plan.
 */
@Injectable()
export class RecordPlacement implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(BROKERAGE_PACKAGE_ACCEPTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<BrokeragePackageAcceptedV1>, m: EntityManager): Promise<void> {
    const p = envelope.payload;
    const v = p.visitPattern;
    await m.query(
      `INSERT INTO brokerage_placement (request_id, council_reference, locality, service_types, minutes_per_week, visits_per_day, days_per_week,
                                        times_of_day, carers_per_visit, starts_on, funding_type, answer_by, can_start_on, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (request_id) DO NOTHING`,
      [
        p.requestId,
        p.councilReference,
        p.locality,
        p.serviceTypes,
        Math.round(p.hoursPerWeek * 60),
        v.visitsPerDay,
        v.daysPerWeek,
        v.timesOfDay,
        v.carersPerVisit,
        p.startsOn,
        p.fundingType,
        p.answerBy ?? null,
        p.canStartOn,
        p.acceptedAt,
      ],
    );
  }
}
