import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { QuarterPeriod, ReturnFigure, TIME_CREDIT_METRIC_IDS } from '@app/contracts';

/**
 * Time credits paid across co-ops in the quarter (libs/contracts reporting/time-credit-metrics.ts):
 * sums of minutes as hours, by the day the receiving co-op credited them, never who paid or was paid.
 */
@Injectable()
export class TimeCreditFigureQueries {
  async figures(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    const [row]: { sent: number; received: number }[] = await m.query(
      `SELECT round(coalesce(sum(minutes) FILTER (WHERE direction = 'outgoing'), 0) / 60.0, 2)::float8 AS sent,
              round(coalesce(sum(minutes) FILTER (WHERE direction = 'incoming'), 0) / 60.0, 2)::float8 AS received
         FROM time_credit_transfer
        WHERE status = 'completed' AND completed_on BETWEEN $1::date AND $2::date`,
      [p.start, p.end],
    );
    return [
      { metric: TIME_CREDIT_METRIC_IDS.sent, breakdown: null, value: row.sent },
      { metric: TIME_CREDIT_METRIC_IDS.received, breakdown: null, value: row.received },
    ];
  }
}
