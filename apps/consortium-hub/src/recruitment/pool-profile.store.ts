import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The pseudonymous profile ids: one per candidate and co-op, made the first time that co-op is shown the
 * candidate. Another co-op is shown another id for the same person, so co-ops cannot pool what they saw;
 * the ids go with the candidate's record when it ends.
 */
@Injectable()
export class PoolProfileStore {
  async idsFor(m: EntityManager, coopId: string, candidateIds: string[]): Promise<Map<string, string>> {
    if (candidateIds.length === 0) return new Map();
    await m.query(
      `INSERT INTO pool_profile (candidate_id, coop_id, profile_id)
       SELECT c, $1, gen_random_uuid() FROM unnest($2::uuid[]) AS c
       ON CONFLICT ON CONSTRAINT pk_pool_profile DO NOTHING`,
      [coopId, candidateIds],
    );
    const rows: { candidate_id: string; profile_id: string }[] = await m.query(
      'SELECT candidate_id, profile_id FROM pool_profile WHERE coop_id = $1 AND candidate_id = ANY ($2::uuid[])',
      [coopId, candidateIds],
    );
    return new Map(rows.map((r) => [r.candidate_id, r.profile_id]));
  }

  /** The candidate a co-op's profile id stands for, or null: an id shown to another co-op names no one here. */
  async candidateOf(m: EntityManager, coopId: string, profileId: string): Promise<string | null> {
    const [row]: { candidate_id: string }[] = await m.query(
      'SELECT candidate_id FROM pool_profile WHERE coop_id = $1 AND profile_id = $2',
      [coopId, profileId],
    );
    return row?.candidate_id ?? null;
  }
}
