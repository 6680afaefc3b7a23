import type { StakeholderClass } from '@app/contracts';
import { londonDay } from '@app/platform';

import { electionResult, motionResult } from '../governance';
import { seatsFor } from '../rulebook';
import { SeedContext, SeededMember } from './seed-context';

const MOTIONS = [
  { title: 'Approve the annual accounts', resolution: 'ordinary' as const, daysAgo: 300, support: 0.85 },
  { title: 'Open a second base in the valley', resolution: 'ordinary' as const, daysAgo: 180, support: 0.62 },
  { title: 'Amend the rules to add a youth seat', resolution: 'special' as const, daysAgo: 90, support: 0.7 },
];

/** A sitting board that fits the rulebook, and past ballots with final results counted by the real rules. */
export async function seedGovernance(ctx: SeedContext): Promise<void> {
  const { m, r, rulebook, today } = ctx;
  const active = ctx.members.filter((x) => !x.withdrawnOn);
  for (const seat of rulebook.board) {
    const pool = active
      .filter((x) => x.stakeholderClass === seat.stakeholderClass)
      .sort((a, b) => a.admittedOn.localeCompare(b.admittedOn));
    for (const member of pool.slice(0, seat.seats)) {
      await m.query('INSERT INTO board_seat (member_id, stakeholder_class, since) VALUES ($1, $2, $3)', [
        member.id,
        seat.stakeholderClass,
        member.admittedOn,
      ]);
    }
  }
  for (const motion of MOTIONS) {
    const opens = new Date(today.getTime() - motion.daysAgo * 86_400_000);
    const closes = new Date(opens.getTime() + 14 * 86_400_000);
    const eligible = eligibleAt(ctx.members, rulebook.admittedClasses, opens, closes);
    const voters = eligible.filter(() => r.chance(0.45));
    const tally = { for: 0, against: 0, abstain: 0 };
    for (const _ of voters) {
      const roll = r.next();
      if (roll < 0.08) tally.abstain++;
      else if (roll < 0.08 + 0.92 * motion.support) tally.for++;
      else tally.against++;
    }
    const result = motionResult(tally, eligible.length, voters.length, motion.resolution, rulebook);
    await insertClosedBallot(ctx, {
      kind: 'motion',
      title: motion.title,
      resolution: motion.resolution,
      classes: rulebook.admittedClasses,
      opens,
      closes,
      result,
      options: [
        ['for', 'For', tally.for],
        ['against', 'Against', tally.against],
        ['abstain', 'Abstain', tally.abstain],
      ],
      voters,
    });
  }
  // Last year's election of the worker directors.
  const cls: StakeholderClass = 'worker';
  const seats = seatsFor(rulebook, cls)?.seats ?? 0;
  const opens = new Date(today.getTime() - 330 * 86_400_000);
  const closes = new Date(opens.getTime() + 14 * 86_400_000);
  const eligible = eligibleAt(ctx.members, [cls], opens, closes);
  if (seats > 0 && eligible.length > seats) {
    const candidates = eligible.slice(0, seats + 2);
    const votes = new Map(candidates.map((c) => [c.id, 0]));
    const voters = eligible.filter(() => r.chance(0.6));
    for (const _ of voters) {
      const picks = [...candidates].sort(() => r.next() - 0.5).slice(0, r.int(1, seats));
      for (const p of picks) votes.set(p.id, votes.get(p.id)! + 1);
    }
    const names = new Map<string, string>(
      (await m.query('SELECT id, full_name FROM member WHERE id = ANY($1::uuid[])', [candidates.map((c) => c.id)])).map(
        (x: { id: string; full_name: string }) => [x.id, x.full_name],
      ),
    );
    const result = electionResult(
      candidates.map((c) => ({ key: c.id, votes: votes.get(c.id)! })),
      seats,
      eligible.length,
      voters.length,
      rulebook.quorumPercent,
    );
    await insertClosedBallot(ctx, {
      kind: 'election',
      title: 'Election of the worker directors',
      resolution: 'plurality',
      classes: [cls],
      electionClass: cls,
      seats,
      opens,
      closes,
      result: { ...result, seated: result.elected },
      options: candidates.map((c) => [c.id, names.get(c.id)!, votes.get(c.id)!, c.id]),
      voters,
    });
  }
}

function eligibleAt(members: SeededMember[], classes: StakeholderClass[], opens: Date, closes: Date): SeededMember[] {
  const o = londonDay(opens);
  const c = londonDay(closes);
  return members.filter((x) => classes.includes(x.stakeholderClass) && x.admittedOn <= o && (!x.withdrawnOn || x.withdrawnOn >= c));
}

async function insertClosedBallot(
  ctx: SeedContext,
  b: {
    kind: string;
    title: string;
    resolution: string;
    classes: StakeholderClass[];
    electionClass?: StakeholderClass;
    seats?: number;
    opens: Date;
    closes: Date;
    result: object;
    options: (string | number)[][];
    voters: SeededMember[];
  },
): Promise<void> {
  const id = ctx.r.uuid();
  await ctx.m.query(
    `INSERT INTO ballot (id, kind, title, resolution, eligible_classes, election_class, seats, opens_at, closes_at, created_at, closed_at, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9, $10)`,
    [id, b.kind, b.title, b.resolution, b.classes, b.electionClass ?? null, b.seats ?? null, b.opens, b.closes, JSON.stringify(b.result)],
  );
  for (const [position, [key, label, votes, candidate]] of b.options.entries()) {
    await ctx.m.query(
      'INSERT INTO ballot_option (ballot_id, option_key, position, label, votes, candidate_member_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, key, position, label, votes, candidate ?? null],
    );
  }
  for (const v of b.voters) await ctx.m.query('INSERT INTO ballot_participation (ballot_id, member_id) VALUES ($1, $2)', [id, v.id]);
}
