import { createUser } from 'nkeys.js';
import { DataSource, EntityManager } from 'typeorm';

import { COOP_STATUSES, CoopStatus, isCoopId } from '@app/contracts';
import { DomainError } from '@app/platform';

import { identityClash, sponsorRecordProblem } from './coop-identity.rules';
import { recordStatusChange } from './coop-status.store';
import { RegistryErrors } from './registry.errors';
import { lockRegistryIdentities } from './registry-identity.store';

/** Path segments under /coops that are routes of their own, so never a co-op's id. */
export const RESERVED_COOP_IDS = ['nats-authorization', 'lineage'];

export interface ProvisionRequest {
  coopId: string;
  name: string;
  status?: CoopStatus;
  sponsorCoopId?: string;
  /** Give an existing co-op a new key (the old one stops working). */
  rotate?: boolean;
}

export interface ProvisionedCoop {
  coopId: string;
  publicKey: string;
  /** The co-op's secret seed: handed to its node once, never stored on the hub. */
  seed: string;
}

/**
 * Gives a co-op its identity in the consortium: a registry entry and a fresh NKey pair. The hub keeps
 * only the public key (to check signatures and to write the NATS authorization); the seed goes to the
 * co-op's node and nowhere else.
 */
export async function provisionCoop(ds: DataSource, req: ProvisionRequest): Promise<ProvisionedCoop> {
  if (!isCoopId(req.coopId))
    throw new DomainError(
      'REGISTRY.BAD_COOP_ID',
      `"${req.coopId}" is not a co-op id (lower-case letters, digits, inner hyphens)`,
      'invalid',
    );
  if (req.status && !COOP_STATUSES.includes(req.status))
    throw new DomainError('REGISTRY.BAD_STATUS', `status must be one of ${COOP_STATUSES.join(', ')}`, 'invalid');
  if (RESERVED_COOP_IDS.includes(req.coopId)) throw RegistryErrors.reservedId(req.coopId);
  if (req.name.length < 2 || req.name.length > 120)
    throw new DomainError('REGISTRY.BAD_NAME', 'name must be 2 to 120 characters', 'invalid');
  const pair = createUser();
  const publicKey = pair.getPublicKey();
  const seed = Buffer.from(pair.getSeed()).toString();
  await ds.transaction(async (m) => {
    await lockRegistryIdentities(m);
    const [existing] = await m.query('SELECT public_key FROM coop WHERE id = $1 FOR UPDATE', [req.coopId]);
    if (existing?.public_key && !req.rotate) {
      throw new DomainError(
        'REGISTRY.ALREADY_PROVISIONED',
        `co-op ${req.coopId} already has a key; provision it with --rotate to replace it`,
        'conflict',
      );
    }
    if (!existing) await checkNewIdentity(m, req);
    const status = req.status ?? 'registered';
    await m.query(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, sponsor_coop_id, status, profile_updated_at, public_key, provisioned_at)
       VALUES ($1, $2, 'community-benefit-society', '{}', '{}', $3, $4, 'epoch', $5, now())
       ON CONFLICT (id) DO UPDATE SET public_key = EXCLUDED.public_key, provisioned_at = now(), updated_at = now()`,
      [req.coopId, req.name, req.sponsorCoopId ?? null, status, publicKey],
    );
    // Giving an existing co-op its key (a proposed one, or a rotation) leaves its status, so its history, alone.
    if (!existing) await recordStatusChange(m, null, { coopId: req.coopId, to: status, changedBy: 'provision' });
  });
  return { coopId: req.coopId, publicKey, seed };
}

/** A new co-op's name must be free and its sponsor, if any, a co-op the registry has (not itself). */
async function checkNewIdentity(m: EntityManager, req: ProvisionRequest): Promise<void> {
  const rows: { id: string; name: string; registration_number: string | null; sponsor_coop_id: string | null }[] = await m.query(
    'SELECT id, name, registration_number, sponsor_coop_id FROM coop',
  );
  const clash = identityClash(
    { coopId: req.coopId, name: req.name },
    rows.map((r) => ({ id: r.id, name: r.name, registrationNumber: r.registration_number })),
  );
  if (clash) throw RegistryErrors.identityTaken(clash);
  if (req.sponsorCoopId) {
    const problem = sponsorRecordProblem(req.coopId, req.sponsorCoopId, new Map(rows.map((r) => [r.id, r.sponsor_coop_id])));
    if (problem) throw RegistryErrors.sponsor(problem, req.coopId, req.sponsorCoopId);
  }
}
