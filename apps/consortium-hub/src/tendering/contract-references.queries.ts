import { DataSource } from 'typeorm';

type Queryable = Pick<DataSource, 'query'>;

/** The consortium contracts a co-op holds: what its return may break hours down by. */
export async function coopContractIds(q: Queryable, coopId: string): Promise<string[]> {
  const rows: { id: string }[] = await q.query('SELECT id FROM tender_contract WHERE coop_id = $1 ORDER BY id', [coopId]);
  return rows.map((r) => r.id);
}

/** A readable name for each contract, for reports: buyer, tender, lot and the co-op holding it. */
export async function contractLabels(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; label: string }[] = await q.query(
    `SELECT k.id, t.buyer || ': ' || t.title || ', lot ' || l.reference || ' (' || l.title || '), ' || c.name AS label
       FROM tender_contract k JOIN tender t ON t.id = k.tender_id JOIN tender_lot l ON l.id = k.lot_id JOIN coop c ON c.id = k.coop_id
      WHERE k.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}
