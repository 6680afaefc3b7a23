import { createUser } from 'nkeys.js';
import { DataSource, EntityManager } from 'typeorm';

import { COOP_STATUSES, CoopStatus, isCoopId } from '@app/contracts';
import { DomainError } from '@app/platform';

import { identityClash, nameKey, sponsorRecordProblem } from './coop-identity.rules';
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
  checkRequest(req);
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

function checkRequest(req: ProvisionRequest): void {
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
}

/**
 * Many new co-ops at once (a region joining, the fleet simulator): one transaction, the registry's
 * names read once and checked through a map. Provisioning a thousand co-ops one at a time reads every
 * co-op's name a thousand times and, in `provisionHubCoop`, rewrites the NATS authorization (every
 * co-op's permissions) a thousand times: some 600 MB of file writes for 1,000 co-ops. All or nothing:
 * one refused request (a bad id, a taken name, a co-op that already has a key) provisions none.
 * New co-ops only: a sponsor or a key rotation is the one-at-a-time command's.
 */
export async function provisionCoops(ds: DataSource, requests: ProvisionRequest[]): Promise<ProvisionedCoop[]> {
  for (const req of requests) {
    checkRequest(req);
    if (req.sponsorCoopId || req.rotate)
      throw new DomainError('REGISTRY.BULK_NEW_ONLY', 'provisioning in bulk is for new co-ops without a sponsor', 'invalid');
  }
  const made = requests.map((req) => {
    const pair = createUser();
    return { req, publicKey: pair.getPublicKey(), seed: Buffer.from(pair.getSeed()).toString() };
  });
  await ds.transaction(async (m) => {
    await lockRegistryIdentities(m);
    const rows: { id: string; name: string }[] = await m.query('SELECT id, name FROM coop');
    const ids = new Set(rows.map((r) => r.id));
    const names = new Map(rows.map((r) => [nameKey(r.name), r.id]));
    for (const { req } of made) {
      if (ids.has(req.coopId))
        throw new DomainError('REGISTRY.ALREADY_PROVISIONED', `co-op ${req.coopId} is already in the registry`, 'conflict');
      const heldBy = names.get(nameKey(req.name));
      if (heldBy) throw RegistryErrors.identityTaken({ rule: 'name-taken', heldBy });
      ids.add(req.coopId);
      names.set(nameKey(req.name), req.coopId);
    }
    const status = (req: ProvisionRequest) => req.status ?? 'registered';
    await m.query(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, status, profile_updated_at, public_key, provisioned_at)
       SELECT id, name, 'community-benefit-society', '{}', '{}', status, 'epoch', public_key, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS n(id, name, status, public_key)`,
      [made.map((c) => c.req.coopId), made.map((c) => c.req.name), made.map((c) => status(c.req)), made.map((c) => c.publicKey)],
    );
    await m.query(
      `INSERT INTO coop_status_change (coop_id, from_status, to_status, changed_by)
       SELECT id, NULL, status, 'provision' FROM unnest($1::text[], $2::text[]) AS n(id, status)`,
      [made.map((c) => c.req.coopId), made.map((c) => status(c.req))],
    );
  });
  return made.map((c) => ({ coopId: c.req.coopId, publicKey: c.publicKey, seed: c.seed }));
}
