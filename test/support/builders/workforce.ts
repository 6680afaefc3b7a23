import type { HireStaffDto } from '../../../apps/local-coop-node/src/workforce/staff.dto';
import type { OpenVacancyDto } from '../../../apps/local-coop-node/src/workforce/vacancies.dto';
import { uniqueName } from '../unique';

/** The UK founding rulebook's Real Living Wage, in pence an hour. */
export const REAL_LIVING_WAGE_PENCE = 1345;

/** What `POST /staff` accepts: a permanent care worker on the Real Living Wage, 30 hours a week. */
export type StaffBody = HireStaffDto;

export function aStaffMember(overrides: Partial<StaffBody> = {}): StaffBody {
  return {
    fullName: uniqueName('Carer'),
    role: 'care-worker',
    contractType: 'permanent',
    hourlyPayPence: REAL_LIVING_WAGE_PENCE,
    contractedMinutesPerWeek: 30 * 60,
    startedOn: '2026-01-01',
    locality: 'Marsden',
    ...overrides,
  };
}

/** A zero-hours care worker, as the care and consistency suites take on. */
export function aZeroHoursCarer(overrides: Partial<StaffBody> = {}): StaffBody {
  return aStaffMember({ contractType: 'zero-hours', contractedMinutesPerWeek: 0, ...overrides });
}

/** What `POST /vacancies` accepts: a permanent care-worker post of 20 hours a week. */
export type VacancyBody = OpenVacancyDto;

export function aVacancy(overrides: Partial<VacancyBody> = {}): VacancyBody {
  return {
    role: 'care-worker',
    contractType: 'permanent',
    minutesPerWeek: 20 * 60,
    hourlyPayPence: 1400,
    locality: 'Marsden',
    openedOn: '2026-09-01',
    ...overrides,
  };
}
