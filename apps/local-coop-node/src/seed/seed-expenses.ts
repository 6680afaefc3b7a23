import { activityDateViolation, claimAmount, ExpenseAction, ExpenseKind, ExpenseStatus, expenseTransition } from '../volunteering';
import { addDays, dayOf, daysBetween, SeedContext } from './seed-context';
import type { SeededVolunteer } from './seed-time-bank';

/** The first four claims take each path once, so every state is present; the rest are the usual mix. */
const PATHS: ExpenseAction[][] = [[], ['approve'], ['approve', 'pay'], ['reject']];
const USUAL: ExpenseAction[][] = [[], ['approve'], ['approve', 'pay'], ['approve', 'pay'], ['approve', 'pay'], ['reject']];
const KINDS: ExpenseKind[] = ['mileage', 'mileage', 'mileage', 'travel', 'meals', 'childcare', 'other'];

const CLAIMS: Record<ExpenseKind, { pence: [number, number]; descriptions: string[] }> = {
  mileage: {
    pence: [0, 0],
    descriptions: ['Driving members to the lunch club', 'Hospital run to Huddersfield Royal Infirmary', 'Shopping trips for two people'],
  },
  travel: { pence: [250, 1800], descriptions: ['Train to the volunteers training day', 'Bus fares for befriending visits'] },
  meals: { pence: [400, 1200], descriptions: ['Lunch on the all-day outing', 'Sandwiches at the summer fair'] },
  childcare: { pence: [1500, 4500], descriptions: ['Childminder while volunteering at the fair'] },
  other: { pence: [200, 2500], descriptions: ['Seeds and compost for the community garden', 'Craft materials for the coffee morning'] },
};
const REJECTIONS = [
  'No receipt attached; please resubmit with one',
  'The trip was not on co-op business',
  'Claimed twice: this was paid on an earlier claim',
];

/** A few claims in each state, each amount worked out by the app's rule (mileage at HMRC's rate), dated while the volunteer volunteered. */
export async function seedExpenses(ctx: SeedContext, volunteers: SeededVolunteer[]): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const here = volunteers.filter((v) => v.leftOn === null);
  for (let i = 0, n = r.int(6, 10); i < n; i++) {
    const path = i < PATHS.length ? PATHS[i] : r.pick(USUAL);
    const status = path.reduce<ExpenseStatus>((state, action) => {
      const step = expenseTransition(state, action);
      if ('violation' in step) throw new Error(`seed: ${step.violation.message}`);
      return step.next;
    }, 'submitted');
    const v = r.pick(here);
    // Claims still waiting are recent; decided ones are a few weeks old.
    const span = daysBetween(v.joinedOn, today);
    const incurredAgo = path.length === 0 ? r.int(0, Math.min(span, 14)) : r.int(Math.min(15, span), Math.min(span, 80));
    const incurredOn = addDays(today, -incurredAgo);
    const dated = activityDateViolation(v, incurredOn, today, 'an expense');
    if (dated) throw new Error(`seed: ${dated.message}`);
    const kind = r.pick(KINDS);
    const claim = CLAIMS[kind];
    const amount = claimAmount(kind === 'mileage' ? { kind, miles: r.int(20, 450) / 10 } : { kind, amountPence: r.int(...claim.pence) });
    if ('violation' in amount) throw new Error(`seed: ${amount.violation.message}`);
    const submittedAgo = incurredAgo - r.int(0, Math.min(5, incurredAgo));
    const decidedAgo = Math.max(0, submittedAgo - r.int(1, 6));
    const at = (daysAgo: number) =>
      new Date(Math.min(Date.parse(`${addDays(today, -daysAgo)}T10:00:00.000Z`), ctx.today.getTime())).toISOString();
    await ctx.m.query(
      `INSERT INTO expense_claim (id, volunteer_id, kind, amount_pence, miles, rate_pence_per_mile, incurred_on, description, status,
                                  submitted_at, approved_at, approval_note, rejected_at, rejection_reason, paid_at, payment_reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        r.uuid(),
        v.id,
        kind,
        amount.amountPence,
        amount.miles,
        amount.ratePencePerMile,
        incurredOn,
        r.pick(claim.descriptions),
        status,
        at(submittedAgo),
        path[0] === 'approve' ? at(decidedAgo) : null,
        path[0] === 'approve' && r.chance(0.3) ? 'Thanks for this' : null,
        path[0] === 'reject' ? at(decidedAgo) : null,
        path[0] === 'reject' ? r.pick(REJECTIONS) : null,
        path[1] === 'pay' ? at(Math.max(0, decidedAgo - r.int(2, 10))) : null,
        path[1] === 'pay' ? `BACS ${r.int(100000, 999999)}` : null,
      ],
    );
  }
}
