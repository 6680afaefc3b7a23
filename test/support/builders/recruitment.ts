import type { ApplicationDto } from '../../../apps/consortium-hub/src/recruitment/recruitment.dto';
import { uniqueName } from '../unique';

/** What `PUT /recruitment/me/application` accepts: a care worker with a clear DBS check, who drives, in Marsden and Slaithwaite. */
export type ApplicationBody = ApplicationDto;

export function anApplication(overrides: Partial<ApplicationBody> = {}): ApplicationBody {
  return {
    fullName: uniqueName('Candidate'),
    phone: '07700 900123',
    localities: ['Marsden', 'Slaithwaite'],
    rolesSought: ['care-worker'],
    minutesPerWeek: 20 * 60,
    contractTypes: ['permanent', 'bank'],
    earliestStart: '2031-01-06',
    rightToWork: { evidence: 'share-code', expiresOn: '2033-01-01' },
    dbs: { status: 'clear', certificateDate: '2025-09-12', onUpdateService: true },
    drivingLicence: true,
    hasCar: true,
    languages: ['English'],
    statement: 'I cared for my grandmother for five years.',
    ...overrides,
  };
}
