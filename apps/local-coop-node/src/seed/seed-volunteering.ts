import { activityDateViolation, paidWorkViolation, VolunteerActivity } from '../volunteering';
import { personName } from './random';
import { addDays, dayOf, recordedAt, SeedContext } from './seed-context';
import { seedExpenses } from './seed-expenses';
import { insertMany } from './seed-sql';
import { SeededHours, SeededVolunteer, seedTimeBank } from './seed-time-bank';

const QUARTER_DAYS = 91;

/** What volunteers mostly do: befriending and driving people, then the rest. */
const FAVOURITES: VolunteerActivity[] = [
  'befriending',
  'befriending',
  'transport',
  'transport',
  'gardening',
  'meals-and-shopping',
  'respite',
  'admin',
  'events',
  'other',
];
const NOTES: Partial<Record<VolunteerActivity, string[]>> = {
  transport: ['Hospital appointment in Huddersfield', 'Lift to the lunch club', 'Took two people to the GP surgery'],
  events: ['Summer fair stall', 'Coffee morning', 'Members meeting set-up'],
  befriending: ['Weekly visit and a cup of tea', 'Walk round the park'],
};
const LEAVING_REASONS = ['moved away', 'back into full-time work', 'own health', 'caring for a relative'];

/**
 * Volunteers (some of them volunteer members, some now leavers, and a few who went on to paid
 * care work with the co-op), a quarter of hours by activity with the credits each earns, time
 * exchanged between volunteers, and expense claims in every state.
 */
export async function seedVolunteering(ctx: SeedContext): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const volunteers: SeededVolunteer[] = [];
  const volunteer = (v: Partial<SeededVolunteer> & Pick<SeededVolunteer, 'fullName' | 'joinedOn'>) =>
    volunteers.push({ id: r.uuid(), memberId: null, leftOn: null, leavingReason: null, movedIntoPaidWorkOn: null, paidRole: null, ...v });

  // The volunteer-to-paid pathway: recent care-worker starters who had volunteered first.
  const starters = ctx.staff
    .filter((s) => s.role === 'care-worker' && !s.leftOn)
    .sort((a, b) => b.startedOn.localeCompare(a.startedOn) || a.id.localeCompare(b.id));
  for (const s of starters.slice(0, r.int(1, 3))) {
    const joinedOn = addDays(s.startedOn, -r.int(90, 500));
    const violation = paidWorkViolation({ joinedOn, movedIntoPaidWorkOn: null }, s.startedOn);
    if (violation) throw new Error(`seed: ${violation.message}`);
    volunteer({ fullName: s.fullName, joinedOn, movedIntoPaidWorkOn: s.startedOn, paidRole: 'Care worker' });
  }
  const members = r.shuffle(ctx.members.filter((x) => x.stakeholderClass === 'volunteer' && !x.withdrawnOn));
  for (let i = r.int(10, 20) - volunteers.length; i > 0; i--) {
    const member = r.chance(0.65) ? members.shift() : undefined;
    volunteer({
      fullName: member?.fullName ?? personName(r),
      memberId: member?.id ?? null,
      joinedOn: member?.admittedOn ?? addDays(today, -r.int(20, 1000)),
    });
  }
  for (let i = r.int(1, 2); i > 0; i--) {
    const leftAgo = r.int(5, 80);
    volunteer({
      fullName: personName(r),
      joinedOn: addDays(today, -(leftAgo + r.int(90, 900))),
      leftOn: addDays(today, -leftAgo),
      leavingReason: r.pick(LEAVING_REASONS),
    });
  }
  await insertMany(
    ctx.m,
    'volunteer',
    {
      id: 'uuid',
      full_name: 'text',
      member_id: 'uuid',
      joined_on: 'date',
      left_on: 'date',
      leaving_reason: 'text',
      moved_into_paid_work_on: 'date',
      paid_role: 'text',
    },
    volunteers.map((v) => ({
      id: v.id,
      full_name: v.fullName,
      member_id: v.memberId,
      joined_on: v.joinedOn,
      left_on: v.leftOn,
      leaving_reason: v.leavingReason,
      moved_into_paid_work_on: v.movedIntoPaidWorkOn,
      paid_role: v.paidRole,
    })),
  );
  const hours = volunteerHours(ctx, volunteers, today);
  await insertMany(
    ctx.m,
    'volunteer_hours',
    { id: 'uuid', volunteer_id: 'uuid', worked_on: 'date', activity: 'text', minutes: 'int', note: 'text', recorded_at: 'timestamptz' },
    hours.map((h) => ({
      id: h.id,
      volunteer_id: h.volunteerId,
      worked_on: h.workedOn,
      activity: h.activity,
      minutes: h.minutes,
      note: h.note,
      recorded_at: recordedAt(ctx, h.workedOn),
    })),
  );
  await seedTimeBank(ctx, volunteers, hours);
  await seedExpenses(ctx, volunteers);
}

/** One or two regular sessions a week each, kept some weeks and not others; those now in paid work come less often. */
function volunteerHours(ctx: SeedContext, volunteers: SeededVolunteer[], today: string): SeededHours[] {
  const { r } = ctx;
  const hours: SeededHours[] = [];
  for (const v of volunteers) {
    const sessions = r
      .shuffle([0, 1, 2, 3, 4, 5, 6])
      .slice(0, r.int(1, 2))
      .map((weekday) => ({ weekday, activity: r.pick(FAVOURITES) }));
    const keeps = v.movedIntoPaidWorkOn ? 0.25 : r.pick([0.4, 0.6, 0.8, 0.9]);
    for (let day = addDays(today, 1 - QUARTER_DAYS); day <= today; day = addDays(day, 1)) {
      if (activityDateViolation(v, day, today, 'hours')) continue;
      for (const s of sessions.filter((x) => x.weekday === new Date(day).getUTCDay())) {
        if (!r.chance(keeps)) continue;
        const notes = NOTES[s.activity];
        hours.push({
          id: r.uuid(),
          volunteerId: v.id,
          workedOn: day,
          activity: s.activity,
          minutes: r.pick([60, 90, 120, 120, 180, 240]),
          note: notes && r.chance(0.3) ? r.pick(notes) : null,
        });
      }
    }
  }
  return hours;
}
