import type { EntityManager } from 'typeorm';
import type { StakeholderClass } from '@app/contracts';
import type { Rulebook } from '../rulebook';
import { SeededRandom } from './random';

export interface SeededMember {
  id: string;
  stakeholderClass: StakeholderClass;
  admittedOn: string;
  withdrawnOn: string | null;
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
  /** Filled by the workforce part, used by care (carers) and volunteering (moves into paid work). */
  staffIds: string[];
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
