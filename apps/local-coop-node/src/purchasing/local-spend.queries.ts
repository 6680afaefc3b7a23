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
