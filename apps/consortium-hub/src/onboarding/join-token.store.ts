import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface JourneyForJoin {
  journeyId: string;
  coopId: string;
  sponsorCoopId: string;
  coopStatus: string;
  hasKey: boolean;
  localities: number;
  registeredStage: 'closed' | 'reopened' | null;
}

export interface LockedJoinToken {
  id: string;
  journeyId: string;
  coopId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface CoopForJoin {
  id: string;
  name: string;
  status: string;
  localities: string[];
  servicesOffered: string[];
  publicKey: string | null;
}

/** Join tokens and the registry fields a join sets, locked and written inside the caller's transaction. */
@Injectable()
export class JoinTokenStore {
  /** The journey and its co-op, the co-op row locked: issuing and joining the same co-op take turns. */
  async lockJourney(m: EntityManager, journeyId: string): Promise<JourneyForJoin | null> {
    const [row] = await m.query(
      `SELECT j.id, j.coop_id, j.sponsor_coop_id, c.status, c.public_key IS NOT NULL AS has_key,
              cardinality(c.localities) AS localities,
              (SELECT e.action FROM onboarding_stage_event e
                WHERE e.journey_id = j.id AND e.stage = 'registered' ORDER BY e.id DESC LIMIT 1) AS registered_stage
         FROM onboarding_journey j JOIN coop c ON c.id = j.coop_id
        WHERE j.id = $1
          FOR UPDATE OF c`,
      [journeyId],
    );
    if (!row) return null;
    return {
      journeyId: row.id,
      coopId: row.coop_id,
      sponsorCoopId: row.sponsor_coop_id,
      coopStatus: row.status,
      hasKey: row.has_key,
      localities: Number(row.localities),
      registeredStage: row.registered_stage,
    };
  }

  /** Earlier tokens of the journey that were neither used nor revoked stop working: only the newest one does. */
  async revokeWaiting(m: EntityManager, journeyId: string, at: Date): Promise<number> {
    const [, count] = await m.query(
      'UPDATE join_token SET revoked_at = $2 WHERE journey_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
      [journeyId, at],
    );
    return Number(count);
  }

  async insert(
    m: EntityManager,
    t: { id: string; journeyId: string; coopId: string; sha256: string; issuedBy: string; issuedAt: Date; expiresAt: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO join_token (id, journey_id, coop_id, token_sha256, issued_by, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [t.id, t.journeyId, t.coopId, t.sha256, t.issuedBy, t.issuedAt, t.expiresAt],
    );
  }

  async lockById(m: EntityManager, id: string): Promise<LockedJoinToken | null> {
    return one(await m.query('SELECT * FROM join_token WHERE id = $1 FOR UPDATE', [id]));
  }

  /** Found by its hash through the unique index: the secret itself is never compared. */
  async lockByHash(m: EntityManager, sha256: string): Promise<LockedJoinToken | null> {
    return one(await m.query('SELECT * FROM join_token WHERE token_sha256 = $1 FOR UPDATE', [sha256]));
  }

  async revoke(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query('UPDATE join_token SET revoked_at = $2 WHERE id = $1', [id, at]);
  }

  async markUsed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query('UPDATE join_token SET used_at = $2 WHERE id = $1', [id, at]);
  }

  async lockCoop(m: EntityManager, coopId: string): Promise<CoopForJoin> {
    const [c] = await m.query('SELECT id, name, status, localities, services_offered, public_key FROM coop WHERE id = $1 FOR UPDATE', [
      coopId,
    ]);
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      localities: c.localities,
      servicesOffered: c.services_offered,
      publicKey: c.public_key,
    };
  }

  /** Which of the two keys some co-op already holds (keys are unique across the registry). */
  async keysHeldElsewhere(
    m: EntityManager,
    coopId: string,
    publicKey: string,
    sealingKey: string,
  ): Promise<{ publicKey: boolean; sealingKey: boolean }> {
    const [row] = await m.query(
      `SELECT bool_or(public_key = $2) AS public_key, bool_or(sealing_key = $3) AS sealing_key FROM coop WHERE id <> $1`,
      [coopId, publicKey, sealingKey],
    );
    return { publicKey: row?.public_key === true, sealingKey: row?.sealing_key === true };
  }

  /** The co-op's own keys, made on its node: the hub is given only their public halves. */
  async setKeys(m: EntityManager, coopId: string, publicKey: string, sealingKey: string, at: Date): Promise<void> {
    await m.query('UPDATE coop SET public_key = $2, sealing_key = $3, provisioned_at = $4, updated_at = $4 WHERE id = $1', [
      coopId,
      publicKey,
      sealingKey,
      at,
    ]);
  }

  async recordJoin(m: EntityManager, coopId: string, status: string, note: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO coop_status_change (coop_id, from_status, to_status, note, changed_by, changed_at) VALUES ($1, $2, $2, $3, 'join', $4)`,
      [coopId, status, note, at],
    );
  }

  async templatesFor(m: EntityManager, journeyId: string): Promise<{ rulebook: Record<string, unknown>; policies: unknown[] } | null> {
    const [row] = await m.query('SELECT rulebook, policies FROM onboarding_template WHERE journey_id = $1', [journeyId]);
    return row ? { rulebook: row.rulebook, policies: row.policies } : null;
  }

  async sponsorOf(m: EntityManager, journeyId: string): Promise<string> {
    const [row] = await m.query('SELECT sponsor_coop_id FROM onboarding_journey WHERE id = $1', [journeyId]);
    return row.sponsor_coop_id;
  }
}

function one(rows: Record<string, unknown>[]): LockedJoinToken | null {
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id as string,
    journeyId: r.journey_id as string,
    coopId: r.coop_id as string,
    expiresAt: r.expires_at as Date,
    usedAt: (r.used_at as Date | null) ?? null,
    revokedAt: (r.revoked_at as Date | null) ?? null,
  };
}
