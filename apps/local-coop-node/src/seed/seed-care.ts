import { FUNDING_TYPES, FundingType } from '@app/contracts';

import { address, personName } from './random';
import { addDays, dayOf, daysBetween, SeedContext } from './seed-context';
import { insertMany } from './seed-sql';
import { seedVisits, SupportedPerson } from './seed-visits';

/** Roughly how care is paid for in English home care: mostly council-commissioned, the rest shared out. */
const FUNDING_MIX: [FundingType, number][] = [
  ['council-commissioned', 0.5],
  ['direct-payment', 0.2],
  ['individual-service-fund', 0.1],
  ['self-funder', 0.2],
];

const GOALS = [
  'Get to the shops on my own once a week',
  'Cook a hot meal for myself twice a week',
  'Go back to the Tuesday lunch club',
  'Manage my own tablets with a dosette box',
  'Walk to the end of the road with my frame',
  'Keep the garden tidy enough to sit out in',
  'See my grandchildren every fortnight',
  'Have a bath safely without needing two carers',
  'Get back to church on Sundays',
  'Feel less lonely in the evenings',
  'Sleep through the night more often',
  'Dress myself in the mornings',
  'Use the bus to get into town',
  'Keep on top of my post and bills',
];

/**
 * People supported across the four funding types and the co-op's localities (a few whose support
 * ended this quarter), a co-designed care plan each with two to four goals, about half of them
 * reviewed and mostly improved, and a quarter of visits.
 */
export async function seedCare(ctx: SeedContext): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const current = r.int(30, 50);
  const ended = r.int(1, 3);
  const people: (SupportedPerson & { fullName: string; dateOfBirth: string; address: string; fundingType: FundingType })[] = [];
  for (let i = 0; i < current + ended; i++) {
    const endedAgo = i < current ? null : r.int(3, 80);
    const startedAgo = endedAgo !== null ? endedAgo + r.int(60, 900) : r.chance(0.12) ? r.int(10, 80) : r.int(100, 2200);
    const age = r.chance(0.78) ? r.int(67, 97) : r.int(22, 66);
    const locality = r.pick(ctx.localities);
    people.push({
      id: r.uuid(),
      fullName: personName(r),
      dateOfBirth: addDays(today, -(age * 365 + r.int(0, 364))),
      address: address(r, locality),
      locality,
      // Every funding type is present, then the usual mix.
      fundingType: i < FUNDING_TYPES.length ? FUNDING_TYPES[i] : weighted(ctx, FUNDING_MIX),
      startedOn: addDays(today, -startedAgo),
      endedOn: endedAgo === null ? null : addDays(today, -endedAgo),
    });
  }
  await insertMany(
    ctx.m,
    'service_user',
    {
      id: 'uuid',
      full_name: 'text',
      date_of_birth: 'date',
      address: 'text',
      locality: 'text',
      funding_type: 'text',
      started_on: 'date',
      ended_on: 'date',
    },
    people.map((p) => ({
      id: p.id,
      full_name: p.fullName,
      date_of_birth: p.dateOfBirth,
      address: p.address,
      locality: p.locality,
      funding_type: p.fundingType,
      started_on: p.startedOn,
      ended_on: p.endedOn,
    })),
  );
  await seedCarePlans(ctx, people, today);
  await seedVisits(ctx, people);
}

/**
 * One plan a person, agreed during their support. Plans agreed long enough ago were reviewed about
 * three to six months later; the person scored three goals in four higher than at the start.
 */
async function seedCarePlans(ctx: SeedContext, people: SupportedPerson[], today: string): Promise<void> {
  const { r } = ctx;
  const plans: Record<'id' | 'service_user_id' | 'agreed_on' | 'review_due_on' | 'reviewed_on', string | null>[] = [];
  const goals: Record<string, string | number | null>[] = [];
  for (const p of people) {
    const lastAgo = p.endedOn ? daysBetween(p.endedOn, today) : 0;
    const span = daysBetween(p.startedOn, p.endedOn ?? today);
    const reviewed = span >= 150 && r.chance(0.6);
    const agreedAgo = reviewed ? lastAgo + r.int(120, Math.min(span, 420)) : lastAgo + Math.min(span, r.int(5, 200));
    const agreedOn = addDays(today, -agreedAgo);
    const reviewedOn = reviewed ? addDays(agreedOn, r.int(90, Math.min(200, agreedAgo - lastAgo))) : null;
    const planId = r.uuid();
    plans.push({ id: planId, service_user_id: p.id, agreed_on: agreedOn, review_due_on: addDays(agreedOn, 182), reviewed_on: reviewedOn });
    for (const [i, description] of r.shuffle(GOALS).slice(0, r.int(2, 4)).entries()) {
      const performance = r.int(2, 6);
      const satisfaction = r.int(2, 6);
      const improved = r.chance(0.75);
      goals.push({
        id: r.uuid(),
        care_plan_id: planId,
        position: i + 1,
        description,
        // Derived, not drawn: another draw would change every sample record after it. What a person does least well matters most to them.
        importance: Math.min(10, 12 - performance),
        performance_at_start: performance,
        satisfaction_at_start: satisfaction,
        performance_at_review: !reviewed ? null : improved ? performance + r.int(1, 3) : Math.max(1, performance - r.int(0, 1)),
        satisfaction_at_review: !reviewed ? null : improved ? satisfaction + r.int(0, 3) : Math.max(1, satisfaction - r.int(0, 1)),
      });
    }
  }
  await insertMany(
    ctx.m,
    'care_plan',
    { id: 'uuid', service_user_id: 'uuid', agreed_on: 'date', review_due_on: 'date', reviewed_on: 'date' },
    plans,
  );
  await insertMany(
    ctx.m,
    'care_goal',
    {
      id: 'uuid',
      care_plan_id: 'uuid',
      position: 'int',
      description: 'text',
      importance: 'int',
      performance_at_start: 'int',
      satisfaction_at_start: 'int',
      performance_at_review: 'int',
      satisfaction_at_review: 'int',
    },
    goals,
  );
}

function weighted<T>(ctx: SeedContext, mix: [T, number][]): T {
  let roll = ctx.r.next();
  for (const [item, weight] of mix) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return mix[mix.length - 1][0];
}
