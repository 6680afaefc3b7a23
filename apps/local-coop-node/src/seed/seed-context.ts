import type { EntityManager } from 'typeorm';

import type { ContractType, StakeholderClass } from '@app/contracts';
import { londonDay } from '@app/platform';

import type { Rulebook } from '../rulebook';
import type { StaffRole } from '../workforce';
import { SeededRandom } from './random';

export interface SeededMember {
  id: string;
  stakeholderClass: StakeholderClass;
  fullName: string;
  locality: string;
  admittedOn: string;
  withdrawnOn: string | null;
}

export interface SeededStaff {
  id: string;
  fullName: string;
  role: StaffRole;
  contractType: ContractType;
  locality: string;
  startedOn: string;
  leftOn: string | null;
}

/** What one part of the seed hands to the next: the random source, the day, and what exists so far. */
export interface SeedContext {
  m: EntityManager;
  r: SeededRandom;
  today: Date;
  coopId: string;
  localities: string[];
  services: string[];
  rulebook: Rulebook;
  members: SeededMember[];
  /** Staff employed today, filled by the workforce part. */
  staffIds: string[];
  /**
   * Everyone the workforce part employed, leavers included, with the dates care checks each visit
   * against (carers) and volunteering draws its moves into paid work from (recent starters).
   */
  staff: SeededStaff[];
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export { addDays } from '@app/platform';

/** The seed's calendar day: the same day `SeededRandom.dateDaysAgo(today, 0)` and the app's `todayIso()` give. */
export const dayOf = (today: Date) => londonDay(today);

/** Activity is recorded the evening of its day, or now if that evening is still to come. */
export function recordedAt(ctx: Pick<SeedContext, 'today'>, day: string): string {
  return new Date(Math.min(Date.parse(`${day}T18:00:00.000Z`), ctx.today.getTime())).toISOString();
}
