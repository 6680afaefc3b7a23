import { EntityManager } from 'typeorm';

/**
 * The co-op's spend with local suppliers through joint purchasing in a period, in pence: its final
 * shares of items whose supplier is local to a locality it serves, in rounds ordered on a day of the
 * period (in `timeZone`) and not cancelled since. The day of the order counts, so the figure for a
 * quarter does not move when a delivery comes later. Null when the co-op has never had an allocation:
 * nothing recorded, rather than a zero nobody counted.
 */
export async function localSupplierSpendPence(
  m: EntityManager,
  period: { start: string; end: string },
  timeZone: string,
): Promise<number | null> {
  const [row] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM purchasing_allocation) AS recorded,
            (SELECT coalesce(sum(a.allocated_pence), 0) FROM purchasing_allocation a JOIN purchasing_round r ON r.id = a.round_id
              WHERE a.local AND r.state IN ('ordered', 'delivered')
                AND r.ordered_at >= ($1::date::timestamp AT TIME ZONE $3) AND r.ordered_at < (($2::date + 1)::timestamp AT TIME ZONE $3))::float8 AS spend`,
    [period.start, period.end, timeZone],
  );
  return row.recorded ? row.spend : null;
}

/** The co-op's spend in a period, in pence, from its own purchases and its shares of joint rounds. */
export interface CoopSpend {
  /** Whether the co-op has recorded any purchase or had any allocation, ever: if not, its spend is unknown, not 0. */
  recorded: boolean;
  localPence: number;
  totalPence: number;
}

/**
 * Everything the co-op spent in a period, and the part with local suppliers: its own purchases bought
 * on a day of the period (`node_purchase`, local when the supplier is local to a locality it serves)
 * plus its final shares of joint rounds ordered on a day of the period (in `timeZone`) and not
 * cancelled since. The two never overlap: a joint round is on the node only as its allocation, and
 * the purchase ledger is for purchases made outside joint rounds.
 */
export async function coopSpendPence(m: EntityManager, period: { start: string; end: string }, timeZone: string): Promise<CoopSpend> {
  const [row]: { recorded: boolean; joint_local: number; joint_total: number; own_local: number; own_total: number }[] = await m.query(
    `SELECT (EXISTS (SELECT 1 FROM purchasing_allocation) OR EXISTS (SELECT 1 FROM node_purchase)) AS recorded,
            j.joint_local, j.joint_total, o.own_local, o.own_total
       FROM (SELECT coalesce(sum(a.allocated_pence) FILTER (WHERE a.local), 0)::float8 AS joint_local,
                    coalesce(sum(a.allocated_pence), 0)::float8 AS joint_total
               FROM purchasing_allocation a JOIN purchasing_round r ON r.id = a.round_id
              WHERE r.state IN ('ordered', 'delivered')
                AND r.ordered_at >= ($1::date::timestamp AT TIME ZONE $3) AND r.ordered_at < (($2::date + 1)::timestamp AT TIME ZONE $3)) j,
            (SELECT coalesce(sum(amount_pence) FILTER (WHERE local_to IS NOT NULL), 0)::float8 AS own_local,
                    coalesce(sum(amount_pence), 0)::float8 AS own_total
               FROM node_purchase WHERE bought_on BETWEEN $1::date AND $2::date) o`,
    [period.start, period.end, timeZone],
  );
  return { recorded: row.recorded, localPence: row.joint_local + row.own_local, totalPence: row.joint_total + row.own_total };
}
