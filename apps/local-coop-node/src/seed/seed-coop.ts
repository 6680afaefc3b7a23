import { DataSource } from 'typeorm';
import { DomainError } from '@app/platform';
import type { Rulebook } from '../rulebook';
import { SeededRandom } from './random';
import { SeedContext } from './seed-context';
import { seedGovernance } from './seed-governance';
import { seedMembers } from './seed-members';

export interface SeedSummary {
  seed: number;
  members: number;
  boardSeats: number;
  ballots: number;
  [part: string]: number;
}

/**
 * Fills an empty node with a believable co-op, deterministically from a seed number. It writes in
 * one transaction and refuses a node that already has members, so a seeded node is never mixed
 * with real records.
 */
export async function seedCoop(ds: DataSource, options: { seed: number; today?: Date }): Promise<SeedSummary> {
  return ds.transaction(async (m) => {
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM member');
    if (n > 0) throw new DomainError('SEED.NOT_EMPTY', `this node already has ${n} members; sample data goes only into an empty node`, 'conflict');
    const [profile] = await m.query('SELECT coop_id, localities, services_offered FROM coop_profile');
    const [{ rulebook }] = await m.query('SELECT rulebook FROM rulebook_version ORDER BY version DESC LIMIT 1');
    const ctx: SeedContext = {
      m,
      r: new SeededRandom(options.seed),
      today: options.today ?? new Date(),
      coopId: profile.coop_id,
      localities: profile.localities,
      services: profile.services_offered,
      rulebook: rulebook as Rulebook,
      members: [],
      staffIds: [],
    };
    await seedMembers(ctx);
    await seedGovernance(ctx);
    const count = async (sql: string) => (await m.query(sql))[0].n as number;
    return {
      seed: options.seed,
      members: await count('SELECT count(*)::int AS n FROM member WHERE withdrawn_on IS NULL'),
      boardSeats: await count('SELECT count(*)::int AS n FROM board_seat'),
      ballots: await count('SELECT count(*)::int AS n FROM ballot'),
    };
  });
}
