import { EntityManager } from 'typeorm';

import { CoopStatus } from '@app/contracts';

import { RegistryErrors } from './registry.errors';

export interface StatusChange {
  readonly coopId: string;
  readonly to: CoopStatus;
  /** A staff member's subject, 'journey' when a stage of the co-op's journey moved it, 'provision' or 'join'. */
  readonly changedBy: string;
  readonly note?: string | null;
}

/**
 * Sets a co-op's status and keeps the change in its history (coop_status_change), in the caller's
 * transaction, so the registry and its history never disagree. The co-op's row is locked first: two
 * changes at once are recorded in the order they were made, each with the status it replaced.
 * Answers the status it had before.
 */
export async function setCoopStatus(m: EntityManager, change: StatusChange): Promise<CoopStatus> {
  const [row]: { status: CoopStatus }[] = await m.query('SELECT status FROM coop WHERE id = $1 FOR UPDATE', [change.coopId]);
  if (!row) throw RegistryErrors.notFound(change.coopId);
  if (row.status !== change.to) await m.query('UPDATE coop SET status = $2, updated_at = now() WHERE id = $1', [change.coopId, change.to]);
  await recordStatusChange(m, row.status, change);
  return row.status;
}

/** The history row alone: for a co-op whose row the caller has just written (provisioning, a proposal). */
export async function recordStatusChange(m: EntityManager, from: CoopStatus | null, change: StatusChange): Promise<void> {
  await m.query('INSERT INTO coop_status_change (coop_id, from_status, to_status, note, changed_by) VALUES ($1, $2, $3, $4, $5)', [
    change.coopId,
    from,
    change.to,
    change.note ?? null,
    change.changedBy,
  ]);
}
