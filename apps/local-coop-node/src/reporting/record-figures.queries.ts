import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { QuarterPeriod, ReturnFigure, SAFEGUARDING_CATEGORIES } from '@app/contracts';

import { coopSpendPence } from '../purchasing';
import { breakdownFigures, REPORTING_TIME_ZONE } from './node-return.rules';

/** The total row (all_categories 1) and one per category raised in the period. */
type ConcernsRow = { n: number } & ({ all_categories: 1; category: null } | { all_categories: 0; category: string });

/**
 * The figures of the records the node keeps from version 3 of the return on (issue 16): safeguarding
 * concerns by Care Act category, and spend from all of the co-op's purchasing. Only counts and sums
 * come back, never a row about a person.
 */
@Injectable()
export class RecordFigureQueries {
  async figures(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    return [...(await this.safeguarding(m, p)), ...(await this.spend(m, p))];
  }

  /** Local and total spend from the co-op's own purchases and its joint-round shares; null when it has recorded neither, ever. */
  private async spend(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    const spend = await coopSpendPence(m, p, REPORTING_TIME_ZONE);
    return [
      { metric: 'local_supplier_spend', breakdown: null, value: spend.recorded ? spend.localPence : null },
      { metric: 'supplier_spend_total', breakdown: null, value: spend.recorded ? spend.totalPence : null },
    ];
  }

  /** Concerns raised in the period by category, and concerns referred to the council in it (whenever raised). */
  private async safeguarding(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    const rows: ConcernsRow[] = await m.query(
      `SELECT category, GROUPING(category) AS all_categories, count(*)::int AS n
         FROM safeguarding_concern
        WHERE raised_on BETWEEN $1::date AND $2::date
        GROUP BY GROUPING SETS ((), (category))`,
      [p.start, p.end],
    );
    const [referred]: { n: number }[] = await m.query(
      'SELECT count(*)::int AS n FROM safeguarding_concern WHERE referred_on BETWEEN $1::date AND $2::date',
      [p.start, p.end],
    );
    const byCategory = new Map<string, number>(rows.filter((r) => r.all_categories === 0).map((r) => [r.category, r.n]));
    return [
      { metric: 'safeguarding_concerns_raised', breakdown: null, value: rows.find((r) => r.all_categories === 1)?.n ?? 0 },
      ...breakdownFigures('safeguarding_concerns_raised', 'safeguarding_category', SAFEGUARDING_CATEGORIES, byCategory),
      { metric: 'safeguarding_concerns_referred', breakdown: null, value: referred.n },
    ];
  }
}
