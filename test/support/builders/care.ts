import type { RegisterServiceUserDto } from '../../../apps/local-coop-node/src/care/service-users.dto';
import type { PlanVisitDto } from '../../../apps/local-coop-node/src/care/visits.dto';
import { uniqueName } from '../unique';

/** What `POST /service-users` accepts: a self-funder supported from the start of 2026. */
export type ServiceUserBody = RegisterServiceUserDto;

export function aServiceUser(overrides: Partial<ServiceUserBody> = {}): ServiceUserBody {
  return {
    fullName: uniqueName('Person'),
    dateOfBirth: '1940-05-01',
    address: '1 Mill Lane',
    locality: 'Marsden',
    fundingType: 'self-funder',
    startedOn: '2026-01-01',
    ...overrides,
  };
}

/** What `POST /visits` accepts: half an hour of personal care; the person and the carer are the test's. */
export type VisitBody = PlanVisitDto;

export function aVisit(overrides: Partial<VisitBody> = {}): Partial<VisitBody> {
  return { serviceType: 'personal-care', plannedStart: '2026-03-02T09:00:00Z', plannedMinutes: 30, ...overrides };
}
