import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BROKERAGE_PACKAGE_REQUESTED_V1, BrokeragePackageRequestedV1, Envelope } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** The hub asks this co-op about a package. Kept once: a repeat of the same request changes nothing. */
@Injectable()
export class RecordPackageRequest implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(BROKERAGE_PACKAGE_REQUESTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<BrokeragePackageRequestedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    const v = r.visitPattern;
    await m.query(
      `INSERT INTO brokerage_request (request_id, locality, service_types, minutes_per_week, visits_per_day, days_per_week, times_of_day,
                                      carers_per_visit, starts_on, funding_type, answer_by, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (request_id) DO NOTHING`,
      [
        r.requestId,
        r.locality,
        r.serviceTypes,
        Math.round(r.hoursPerWeek * 60),
        v.visitsPerDay,
        v.daysPerWeek,
        v.timesOfDay,
        v.carersPerVisit,
        r.startsOn,
        r.fundingType,
        r.answerBy ?? null,
        r.postedAt,
      ],
    );
  }
}
