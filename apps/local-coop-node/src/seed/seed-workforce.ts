import type { ContractType } from '@app/contracts';

import { contractViolation, StaffRole } from '../workforce';
import { personName } from './random';
import { addDays, dayOf, daysBetween, SeedContext, SeededMember, SeededStaff } from './seed-context';
import { insertMany } from './seed-sql';
import { seedVacancies } from './seed-vacancies';

/** Why care workers leave, the common reasons more than once so they come up more often. */
const LEAVING_REASONS = [
  'moved to another care provider',
  'moved to another care provider',
  'left the care sector',
  'left the care sector',
  'retired',
  'moved out of the area',
  'caring for a family member',
  'started a nursing degree',
  'dismissed after a disciplinary hearing',
];

/** Courses a domiciliary care worker keeps up; refreshers lapse after the years given (null: never). */
const COURSES: { course: string; validYears: number | null }[] = [
  { course: 'Safeguarding adults', validYears: 3 },
  { course: 'Moving and handling', validYears: 1 },
  { course: 'Basic life support and first aid', validYears: 3 },
  { course: 'Medication administration', validYears: 1 },
  { course: 'Infection prevention and control', validYears: 1 },
  { course: 'Dementia awareness', validYears: null },
  { course: 'Food hygiene', validYears: 3 },
  { course: 'Mental Capacity Act and DoLS', validYears: 3 },
];
const CARE_CERTIFICATE = 'Care Certificate';

interface NewStaff extends SeededStaff {
  hourlyPayPence: number;
  contractedMinutesPerWeek: number;
  leavingReason: string | null;
  memberId: string | null;
}

/**
 * Staff in every role on realistic contracts (most permanent, some zero-hours, a few bank) and pay
 * around the rulebook's Real Living Wage; a handful who left in the last year; their training; and
 * the co-op's vacancies. Worker members are linked to the jobs they hold.
 */
export async function seedWorkforce(ctx: SeedContext): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const workerMembers = r.shuffle(ctx.members.filter((x) => x.stakeholderClass === 'worker'));
  const current = workerMembers.filter((x) => !x.withdrawnOn);
  // A worker member who withdrew in the last year most likely left the job too.
  const departed = workerMembers.filter((x) => x.withdrawnOn && x.withdrawnOn > addDays(today, -360));

  const active = r.int(20, 30);
  // One manager, a coordinator (two in a larger co-op), an administrator, a few senior carers; the rest care workers.
  const roles: StaffRole[] = [
    'manager',
    'coordinator',
    'admin',
    ...(active > 25 ? ['coordinator' as const] : []),
    ...Array<StaffRole>(r.int(3, 5)).fill('senior-carer'),
  ];
  while (roles.length < active) roles.push('care-worker');
  // Turnover shows in the quarter of visits the care part books: the newest carer started during it,
  // and the first leaver left during it, so the rota has handovers.
  const staff: NewStaff[] = roles.map((role, i) =>
    i === roles.length - 1
      ? { ...hire(ctx, role, undefined), startedOn: addDays(today, -r.int(14, 70)) }
      : hire(ctx, role, r.chance(0.8) ? current.shift() : undefined),
  );
  for (let i = 0, leavers = r.int(3, 6); i < leavers; i++) {
    const member = i === 0 ? undefined : departed.shift();
    const leftOn = member?.withdrawnOn ?? addDays(today, -(i === 0 ? r.int(10, 80) : r.int(2, 360)));
    const leaver = hire(ctx, r.chance(0.2) ? 'senior-carer' : 'care-worker', member);
    const startedOn = member ? leaver.startedOn : addDays(leftOn, -r.int(60, 1100));
    staff.push({ ...leaver, startedOn, leftOn, leavingReason: r.pick(LEAVING_REASONS) });
  }

  for (const s of staff) {
    const violation = contractViolation(s.contractType, s.contractedMinutesPerWeek);
    if (violation) throw new Error(`seed: ${violation.message}`);
  }
  await insertMany(
    ctx.m,
    'staff',
    {
      id: 'uuid',
      full_name: 'text',
      role: 'text',
      contract_type: 'text',
      hourly_pay_pence: 'int',
      contracted_minutes_per_week: 'int',
      started_on: 'date',
      left_on: 'date',
      leaving_reason: 'text',
      member_id: 'uuid',
      locality: 'text',
    },
    staff.map((s) => ({
      id: s.id,
      full_name: s.fullName,
      role: s.role,
      contract_type: s.contractType,
      hourly_pay_pence: s.hourlyPayPence,
      contracted_minutes_per_week: s.contractedMinutesPerWeek,
      started_on: s.startedOn,
      left_on: s.leftOn,
      leaving_reason: s.leavingReason,
      member_id: s.memberId,
      locality: s.locality,
    })),
  );
  for (const s of staff) {
    ctx.staff.push({
      id: s.id,
      fullName: s.fullName,
      role: s.role,
      contractType: s.contractType,
      locality: s.locality,
      startedOn: s.startedOn,
      leftOn: s.leftOn,
    });
    if (!s.leftOn) ctx.staffIds.push(s.id);
  }
  await seedTraining(ctx, staff, today);
  await seedVacancies(ctx, today);
}

/** One job: its contract and pay by role; a linked member started work a little before joining the co-op. */
function hire(ctx: SeedContext, role: StaffRole, member: SeededMember | undefined): NewStaff {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const contractType: ContractType =
    role !== 'care-worker' ? 'permanent' : r.chance(0.7) ? 'permanent' : r.chance(0.75) ? 'zero-hours' : 'bank';
  const senior = role === 'manager' || role === 'coordinator' || role === 'senior-carer';
  return {
    id: r.uuid(),
    fullName: member?.fullName ?? personName(r),
    role,
    contractType,
    hourlyPayPence: pay(ctx, role),
    contractedMinutesPerWeek:
      contractType !== 'permanent' ? 0 : senior || role === 'admin' ? r.pick([1500, 2250, 2250]) : r.pick([960, 1200, 1440, 1800, 2250]),
    locality: member?.locality ?? r.pick(ctx.localities),
    startedOn: member ? addDays(member.admittedOn, -r.int(0, 180)) : addDays(today, -(senior ? r.int(400, 1800) : r.int(20, 1500))),
    leftOn: null,
    leavingReason: null,
    memberId: member?.id ?? null,
  };
}

/** Pence an hour, in 5p steps: carers at or a little above the Real Living Wage, a few on older rates below it. */
function pay(ctx: SeedContext, role: StaffRole): number {
  const { r } = ctx;
  const wage = ctx.rulebook.realLivingWagePencePerHour;
  const above = (low: number, high: number) => wage + 5 * r.int(low / 5, high / 5);
  switch (role) {
    case 'care-worker':
      return r.chance(0.12) ? wage - 5 * r.int(1, 8) : above(0, 60);
    case 'senior-carer':
      return above(80, 200);
    case 'coordinator':
      return above(250, 450);
    case 'manager':
      return above(700, 1100);
    case 'admin':
      return r.chance(0.3) ? wage - 5 * r.int(1, 4) : above(0, 100);
  }
}

/** Everyone has the Care Certificate from their first weeks, then a few refreshers, some now lapsed. */
async function seedTraining(ctx: SeedContext, staff: NewStaff[], today: string): Promise<void> {
  const { r } = ctx;
  const rows: { id: string; staff_id: string; course: string; completed_on: string; expires_on: string | null }[] = [];
  for (const s of staff) {
    const last = s.leftOn ?? today;
    const within = (from: string) => addDays(from, r.int(0, daysBetween(from, last)));
    // Brought from an earlier job, or done in the first twelve weeks (not after the last day worked).
    const certified = r.chance(0.25) ? addDays(s.startedOn, -r.int(30, 400)) : addDays(s.startedOn, r.int(7, 84));
    rows.push({
      id: r.uuid(),
      staff_id: s.id,
      course: CARE_CERTIFICATE,
      completed_on: certified < last ? certified : last,
      expires_on: null,
    });
    for (const c of r.shuffle(COURSES).slice(0, r.int(2, 4))) {
      const completedOn = within(s.startedOn);
      rows.push({
        id: r.uuid(),
        staff_id: s.id,
        course: c.course,
        completed_on: completedOn,
        expires_on: c.validYears === null ? null : addDays(completedOn, 365 * c.validYears),
      });
    }
  }
  await insertMany(
    ctx.m,
    'training_record',
    { id: 'uuid', staff_id: 'uuid', course: 'text', completed_on: 'date', expires_on: 'date' },
    rows,
  );
}
