import type { ServiceType } from '@app/contracts';

import { isSupportedOn, localDateOf, Support, visitDayViolation, VisitStatus } from '../care';
import { isEmployedOn } from '../workforce';
import { addDays, dayOf, SeedContext, SeededStaff } from './seed-context';
import { insertMany } from './seed-sql';

export interface SupportedPerson extends Support {
  id: string;
  locality: string;
}

/** Thirteen weeks up to and including today, and the rota a few days ahead. */
const QUARTER_DAYS = 91;
const DAYS_AHEAD = 3;

const VISIT_MINUTES: Record<ServiceType, number[]> = {
  'personal-care': [30, 45, 45, 60],
  'domestic-help': [60, 90],
  gardening: [90, 120],
  transport: [60, 90, 120],
  befriending: [60, 90, 120],
  'meals-and-shopping': [60, 90],
  advocacy: [60, 90],
};

/** Start times, in minutes after midnight UTC: morning, lunch and tea calls for personal care, daytime for the rest. */
const quarterHours = (from: number, to: number) => Array.from({ length: (to - from) / 15 + 1 }, (_, i) => from + 15 * i);
const MORNING_LUNCH_TEA = [...quarterHours(7 * 60, 9 * 60 + 45), ...quarterHours(11 * 60 + 45, 13 * 60), ...quarterHours(16 * 60, 18 * 60)];
const DAYTIME = quarterHours(9 * 60, 15 * 60);
/** Between two visits a carer needs time to get from one door to the next. */
const TRAVEL_MINUTES = 15;
const WEEK = [0, 1, 2, 3, 4, 5, 6];

interface Slot {
  weekday: number;
  /** Minutes after midnight UTC, 07:00 to 18:00: the same calendar day in London in winter and summer alike. */
  start: number;
  serviceType: ServiceType;
  minutes: number;
  carer: SeededStaff;
}

/** Who is booked when, by key (a carer and a weekday for the rota, a carer and a date for the day's visits). */
class Diary {
  private readonly booked = new Map<string, [number, number][]>();

  isFree(key: string, start: number, minutes: number): boolean {
    return !(this.booked.get(key) ?? []).some(([s, e]) => start < e + TRAVEL_MINUTES && s < start + minutes + TRAVEL_MINUTES);
  }

  book(key: string, start: number, minutes: number): void {
    this.booked.set(key, [...(this.booked.get(key) ?? []), [start, start + minutes]]);
  }
}

/**
 * Each person's week: a few regular visits at their usual time, each usually made by the same carer
 * from a small team (so continuity figures mean something), with no carer booked at two doors at
 * once. A carer who is not employed on the day is replaced by a teammate, or by whoever is working,
 * who then keeps the slot, as a rota would.
 */
export async function seedVisits(ctx: SeedContext, people: SupportedPerson[]): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const carers = ctx.staff.filter((s) => s.role === 'care-worker' || s.role === 'senior-carer');
  const rota = new Diary();
  const days = new Diary();
  const rows: {
    id: string;
    service_user_id: string;
    carer_id: string;
    service_type: ServiceType;
    planned_start: string;
    planned_minutes: number;
    status: VisitStatus;
    delivered_minutes: number | null;
  }[] = [];
  for (const p of people) {
    const from = max(addDays(today, 1 - QUARTER_DAYS), p.startedOn);
    const to = min(addDays(today, DAYS_AHEAD), p.endedOn ?? addDays(today, DAYS_AHEAD));
    const working = carers.filter((c) => c.startedOn <= to && (c.leftOn === null || c.leftOn >= from));
    const nearby = working.filter((c) => c.locality === p.locality);
    const team = r.shuffle(nearby.length >= 4 ? nearby : working).slice(0, r.int(2, 4));
    if (team.length === 0) throw new Error(`seed: no carer is employed between ${from} and ${to}`);
    const slots = weekOf(ctx, team, rota);
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const weekday = new Date(day).getUTCDay();
      for (const slot of slots.filter((s) => s.weekday === weekday)) {
        const plannedStart = new Date(Date.parse(day) + slot.start * 60_000);
        // The app's own check, on the co-op's calendar day of the visit.
        const on = localDateOf(plannedStart);
        if (!isSupportedOn(p, on)) throw new Error(`seed: visit on ${on} outside the support of ${p.id}`);
        const employed = (c: SeededStaff) => visitDayViolation(on, p, isEmployedOn(c, on)) === null;
        if (!employed(slot.carer)) slot.carer = team.find(employed) ?? cover(ctx, carers, p, on, employed, team);
        const free = (c: SeededStaff) => employed(c) && days.isFree(`${c.id}|${on}`, slot.start, slot.minutes);
        const preferred = r.chance(0.85) ? slot.carer : r.pick(team);
        const carer =
          [preferred, slot.carer, ...team].find(free) ??
          carers.find((c) => c.locality === p.locality && free(c)) ??
          carers.find(free) ??
          slot.carer;
        days.book(`${carer.id}|${on}`, slot.start, slot.minutes);
        const status: VisitStatus = on >= today ? 'planned' : outcome(ctx);
        rows.push({
          id: r.uuid(),
          service_user_id: p.id,
          carer_id: carer.id,
          service_type: slot.serviceType,
          planned_start: plannedStart.toISOString(),
          planned_minutes: slot.minutes,
          status,
          delivered_minutes: status === 'delivered' ? Math.max(5, slot.minutes + (r.chance(0.5) ? 0 : r.int(-10, 8))) : null,
        });
      }
    }
  }
  await insertMany(
    ctx.m,
    'visit',
    {
      id: 'uuid',
      service_user_id: 'uuid',
      carer_id: 'uuid',
      service_type: 'text',
      planned_start: 'timestamptz',
      planned_minutes: 'int',
      status: 'text',
      delivered_minutes: 'int',
    },
    rows,
  );
}

/**
 * Mostly personal care several days a week where the co-op offers it; another service once or twice
 * a week. Each visit keeps the person's usual time if a teammate (the first one by preference) is free
 * then in the rota, and otherwise moves to the next time someone in the team is.
 */
function weekOf(ctx: SeedContext, team: SeededStaff[], rota: Diary): Slot[] {
  const { r } = ctx;
  const services = ctx.services as ServiceType[];
  const primary: ServiceType = services.includes('personal-care') && r.chance(0.75) ? 'personal-care' : r.pick(services);
  const slots: Slot[] = [];
  const add = (serviceType: ServiceType, perWeek: number) => {
    const minutes = r.pick(VISIT_MINUTES[serviceType]);
    const times = r.shuffle(serviceType === 'personal-care' ? MORNING_LUNCH_TEA : DAYTIME);
    for (const weekday of r.shuffle(WEEK).slice(0, perWeek)) {
      const options = times.flatMap((start) => team.map((carer) => ({ start, carer })));
      const { start, carer } = options.find((o) => rota.isFree(`${o.carer.id}|${weekday}`, o.start, minutes)) ?? options[0];
      rota.book(`${carer.id}|${weekday}`, start, minutes);
      slots.push({ weekday, start, serviceType, minutes, carer });
    }
  };
  add(primary, primary === 'personal-care' ? r.int(2, 7) : r.int(1, 2));
  const others = services.filter((s) => s !== primary);
  if (others.length > 0 && r.chance(0.45)) add(r.pick(others), 1);
  return slots;
}

/** Someone from outside the team, preferably nearby, joins it to cover. */
function cover(
  ctx: SeedContext,
  carers: SeededStaff[],
  p: SupportedPerson,
  on: string,
  employed: (c: SeededStaff) => boolean,
  team: SeededStaff[],
): SeededStaff {
  const available = carers.filter(employed);
  const nearby = available.filter((c) => c.locality === p.locality);
  if (available.length === 0) throw new Error(`seed: no carer is employed on ${on}`);
  const carer = ctx.r.pick(nearby.length > 0 ? nearby : available);
  team.push(carer);
  return carer;
}

function outcome(ctx: SeedContext): VisitStatus {
  const roll = ctx.r.next();
  return roll < 0.93 ? 'delivered' : roll < 0.945 ? 'missed' : 'cancelled';
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
