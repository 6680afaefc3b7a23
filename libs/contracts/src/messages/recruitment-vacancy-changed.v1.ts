import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

import { defineMessage } from '../message-definition';
import { RECRUITMENT_LIMITS as L } from '../recruitment/recruitment-limits';
import { DAY_PATTERN as DAY } from '../validation';
import { CONTRACT_TYPES, ContractType, STAFF_ROLES, StaffRole } from '../vocabulary';

/** Where a vacancy stands in the pool: pooled (open to candidates), taken out of the pool, or closed on the node. */
export const POOLED_VACANCY_STATES = ['pooled', 'unpooled', 'filled', 'withdrawn'] as const;
export type PooledVacancyState = (typeof POOLED_VACANCY_STATES)[number];

/**
 * Co-op to hub: one of its vacancies as the pool sees it — the post's terms, never a name. Sent when
 * the admin puts the vacancy in the pool, and again when it leaves the pool or closes. `revision` goes
 * up with each send, so a late, older message never overwrites a newer one.
 */
export class RecruitmentVacancyChangedV1 {
  @IsUUID('4')
  vacancyId: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  revision: number;

  @IsIn(POOLED_VACANCY_STATES)
  state: PooledVacancyState;

  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @IsInt()
  @Min(0)
  @Max(L.maxMinutesPerWeek)
  minutesPerWeek: number;

  @IsInt()
  @Min(1)
  @Max(L.maxPencePerHour)
  hourlyPayPence: number;

  /** Whether the pay is at or above the Real Living Wage in the co-op's rulebook in force. */
  @IsBoolean()
  paysRealLivingWage: boolean;

  @IsString()
  @Length(2, 80)
  locality: string;

  /** When the post starts: candidates' checks must be valid on this day. */
  @Matches(DAY, { message: 'startsOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn: string;
}

export const RECRUITMENT_VACANCY_CHANGED_V1 = defineMessage({
  type: 'recruitment.vacancy-changed',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: RecruitmentVacancyChangedV1,
});
