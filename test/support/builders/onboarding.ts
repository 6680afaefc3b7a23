import type { ProposeSpinOffDto } from '../../../apps/local-coop-node/src/onboarding/spin-offs.dto';
import type { AdoptPolicyDto } from '../../../apps/local-coop-node/src/policies/policies.dto';

/** What `PUT /policies/:key` accepts: a first version adopted on 1 March 2026. */
export function aPolicy(overrides: Partial<AdoptPolicyDto> = {}): AdoptPolicyDto {
  return {
    title: 'Safeguarding adults',
    version: 1,
    text: 'Every worker reports a concern about abuse or neglect to the safeguarding lead the same day.',
    adoptedOn: '2026-03-01',
    ...overrides,
  };
}

/** What `POST /onboarding/spin-offs` accepts, with the given staff member as the runner who agreed to show a display name and a role. */
export function aSpinOff(runnerStaffId: string, overrides: Partial<ProposeSpinOffDto> = {}): ProposeSpinOffDto {
  return {
    coopId: 'huddersfield',
    name: 'Huddersfield Care Co-op',
    localities: ['Lindley', 'Birkby'],
    services: ['personal-care', 'befriending'],
    runner: { staffId: runnerStaffId, displayName: 'Beth C.', roleTitle: 'senior carer', agreed: true },
    targets: { registeredBy: '2027-03-31', tradingBy: '2027-09-30' },
    ...overrides,
  };
}
