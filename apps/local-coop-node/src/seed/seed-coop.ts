import { DataSource } from 'typeorm';

import { DomainError } from '@app/platform';

import type { Rulebook } from '../rulebook';
import { SeededRandom } from './random';
import { seedCare } from './seed-care';
import { SeedContext } from './seed-context';
import { seedGovernance } from './seed-governance';
import { seedMembers } from './seed-members';
import { seedPolicies } from './seed-policies';
import { seedVolunteering } from './seed-volunteering';
import { seedWorkforce } from './seed-workforce';

export interface SeedSummary {
  seed: number;
  members: number;
  boardSeats: number;
  ballots: number;
  // Staff employed today, those who left in the last year, posts being recruited to.
  staff: number;
  leavers: number;
  openVacancies: number;
  // People supported today; their visits over the last quarter and the next few days.
  peopleSupported: number;
  visits: number;
  // Volunteers today; hours given over the quarter (whole hours); credits exchanged between volunteers.
  volunteers: number;
  volunteerHours: number;
  timeBankTransfers: number;
  expenseClaims: number;
  // The co-op's policy documents in force.
  policies: number;
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
    if (n > 0)
      throw new DomainError('SEED.NOT_EMPTY', `this node already has ${n} members; sample data goes only into an empty node`, 'conflict');
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
      staff: [],
    };
    // In this order: each part draws on what the ones before it made (members, then staff, then carers and starters).
    // The public regulatory facts a real co-op has; a node that already set them keeps its own.
    await m.query(
      `UPDATE coop_profile SET registration_number = coalesce(registration_number, $1), cqc_rating = coalesce(cqc_rating, $2)`,
      [`RS${String(ctx.r.int(7000, 9999)).padStart(6, '0')}`, ctx.r.pick(['good', 'good', 'outstanding', 'requires-improvement'])],
    );
    await seedMembers(ctx);
    await seedGovernance(ctx);
    await seedWorkforce(ctx);
    await seedCare(ctx);
    await seedVolunteering(ctx);
    await seedPolicies(ctx);
    const count = async (sql: string) => (await m.query(sql))[0].n as number;
    return {
      seed: options.seed,
      members: await count('SELECT count(*)::int AS n FROM member WHERE withdrawn_on IS NULL'),
      boardSeats: await count('SELECT count(*)::int AS n FROM board_seat'),
      ballots: await count('SELECT count(*)::int AS n FROM ballot'),
      staff: await count('SELECT count(*)::int AS n FROM staff WHERE left_on IS NULL'),
      leavers: await count('SELECT count(*)::int AS n FROM staff WHERE left_on IS NOT NULL'),
      openVacancies: await count("SELECT count(*)::int AS n FROM vacancy WHERE status = 'open'"),
      peopleSupported: await count('SELECT count(*)::int AS n FROM service_user WHERE ended_on IS NULL'),
      visits: await count('SELECT count(*)::int AS n FROM visit'),
      volunteers: await count('SELECT count(*)::int AS n FROM volunteer WHERE left_on IS NULL'),
      volunteerHours: await count('SELECT round(coalesce(sum(minutes), 0) / 60.0)::int AS n FROM volunteer_hours'),
      timeBankTransfers: await count("SELECT count(*)::int AS n FROM time_transfer WHERE purpose <> 'earning'"),
      expenseClaims: await count('SELECT count(*)::int AS n FROM expense_claim'),
      policies: await count('SELECT count(*)::int AS n FROM policy_document'),
    };
  });
}
