import { EntityManager } from 'typeorm';

import { PurchasingErrors } from './purchasing.errors';

/** Co-ops that can take part in a round: registered or trading, with a key (so they can be sent to). */
const ACTIVE = `public_key IS NOT NULL AND status IN ('registered', 'trading')`;

/**
 * The co-ops a round invites: the ones named, each of which must still be active, or every active
 * co-op when none are named.
 */
export async function invitableCoops(m: EntityManager, named: readonly string[] | null): Promise<string[]> {
  if (!named) {
    const rows: { id: string }[] = await m.query(`SELECT id FROM coop WHERE ${ACTIVE} ORDER BY id`);
    return rows.map((r) => r.id);
  }
  const rows: { id: string; status: string; active: boolean }[] = await m.query(
    `SELECT id, status, (${ACTIVE}) AS active FROM coop WHERE id = ANY($1::text[])`,
    [named],
  );
  for (const id of named) {
    const coop = rows.find((r) => r.id === id);
    if (!coop) throw PurchasingErrors.coopNotFound(id);
    if (!coop.active)
      throw PurchasingErrors.coopNotActive(
        id,
        coop.status === 'registered' || coop.status === 'trading' ? `${coop.status} but has no key yet` : coop.status,
      );
  }
  return [...named].sort();
}
