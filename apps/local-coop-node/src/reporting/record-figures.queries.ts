import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { QuarterPeriod, reportPercent, ReturnFigure, SAFEGUARDING_CATEGORIES } from '@app/contracts';

import { coopSpendPence } from '../purchasing';
import { breakdownFigures, REPORTING_TIME_ZONE, ShareCount } from './node-return.rules';

/** The total row (all_categories 1) and one per category raised in the period. */
type ConcernsRow = { n: number } & ({ all_categories: 1; category: null } | { all_categories: 0; category: string });

/**
 * The figures of the records the node keeps from version 3 of the return on (issue 16): safeguarding
 * concerns by Care Act category, spend from all of the co-op's purchasing, and the Type B share of
 * disadvantaged workers. Only counts and sums
 * come back, never a row about a person.
 */
/** The figures, and for each share sent without its parts how many people it counts (for `withholdSharesOfFew`; never sent). */
export interface RecordFigures {
  figures: ReturnFigure[];
  shares: ShareCount[];
}

interface TypeBRow {
  /** The rulebook's minimum share of disadvantaged workers; null when it has no such rule. */
  minimum: number | null;
  workers: number;
  disadvantaged: number;
}

@Injectable()
export class RecordFigureQueries {
  async figures(m: EntityManager, p: QuarterPeriod): Promise<RecordFigures> {
    const typeB = await this.disadvantagedWorkers(m, p);
    return { figures: [...(await this.safeguarding(m, p)), ...(await this.spend(m, p)), typeB.figure], shares: typeB.shares };
  }

  /**
   * The Type B share, for a co-op whose rulebook in force at the end of the last day (or its founding
   * one) has the rule: disadvantaged workers among the staff employed on that day. Only the share goes.
   */
  private async disadvantagedWorkers(m: EntityManager, p: QuarterPeriod): Promise<{ figure: ReturnFigure; shares: ShareCount[] }> {
    const [row]: TypeBRow[] = await m.query(
      `WITH rule AS (
         SELECT coalesce(
           (SELECT rulebook FROM rulebook_version WHERE adopted_at < (($1::date + 1)::timestamp AT TIME ZONE $2) ORDER BY version DESC LIMIT 1),
           (SELECT rulebook FROM rulebook_version ORDER BY version LIMIT 1)) AS rulebook)
       SELECT (SELECT (rulebook->>'minimumDisadvantagedWorkersPercent')::int FROM rule) AS minimum,
              count(*)::int AS workers, count(*) FILTER (WHERE disadvantaged)::int AS disadvantaged
         FROM staff WHERE started_on <= $1::date AND (left_on IS NULL OR left_on >= $1::date)`,
      [p.end, REPORTING_TIME_ZONE],
    );
    const metric = 'staff_disadvantaged_percent';
    if (row.minimum === null) return { figure: { metric, breakdown: null, value: null }, shares: [] };
    return {
      figure: { metric, breakdown: null, value: reportPercent(row.disadvantaged, row.workers) },
      shares: [{ metric, part: row.disadvantaged, whole: row.workers }],
    };
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
