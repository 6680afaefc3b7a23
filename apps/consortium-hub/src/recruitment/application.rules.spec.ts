import { Application, applicationProblems } from './application.rules';

describe('application rules', () => {
  const TODAY = '2026-06-01';
  const good: Application = {
    fullName: 'Sam Rivers',
    phone: '07700 900123',
    localities: ['Marsden'],
    rolesSought: ['care-worker'],
    minutesPerWeek: 1200,
    contractTypes: ['permanent'],
    earliestStart: '2026-07-01',
    rightToWork: { evidence: 'share-code', expiresOn: '2028-01-31' },
    dbs: { status: 'clear', certificateDate: '2025-09-12', onUpdateService: true },
    drivingLicence: true,
    hasCar: true,
    languages: ['English'],
    statement: '',
    requiresRealLivingWage: false,
  };
  const fields = (a: Partial<Application>, given: (f: string) => boolean = () => true) =>
    applicationProblems({ ...good, ...a }, TODAY, given).map((p) => p.field);

  it('passes a good application', () => {
    expect(fields({})).toEqual([]);
  });

  it('takes a DBS certificate date and update-service answer only when clear, and both then', () => {
    expect(fields({ dbs: { status: 'clear', certificateDate: null, onUpdateService: null } })).toEqual([
      'dbs.certificateDate',
      'dbs.onUpdateService',
    ]);
    expect(fields({ dbs: { status: 'none', certificateDate: '2025-01-01', onUpdateService: false } })).toEqual([
      'dbs.certificateDate',
      'dbs.onUpdateService',
    ]);
    expect(fields({ dbs: { status: 'applied', certificateDate: null, onUpdateService: null } })).toEqual([]);
    expect(fields({ dbs: { status: 'clear', certificateDate: '2026-06-02', onUpdateService: true } })).toEqual(['dbs.certificateDate']);
  });

  it('takes no expiry for a right to work that never expires, and no past expiry when given', () => {
    expect(fields({ rightToWork: { evidence: 'british-or-irish-passport', expiresOn: '2030-01-01' } })).toEqual(['rightToWork.expiresOn']);
    expect(fields({ rightToWork: { evidence: 'british-or-irish-passport', expiresOn: null } })).toEqual([]);
    expect(fields({ rightToWork: { evidence: 'share-code', expiresOn: null } })).toEqual([]);
    expect(fields({ rightToWork: { evidence: 'share-code', expiresOn: TODAY } })).toEqual(['rightToWork.expiresOn']);
    expect(fields({ rightToWork: { evidence: 'share-code', expiresOn: TODAY } }, (f) => f !== 'rightToWork')).toEqual([]);
  });

  it('refuses a start in the past only when the request gives it', () => {
    expect(fields({ earliestStart: '2026-05-31' })).toEqual(['earliestStart']);
    expect(fields({ earliestStart: TODAY })).toEqual([]);
    expect(fields({ earliestStart: '2026-05-31' }, (f) => f !== 'earliestStart')).toEqual([]);
  });

  it('takes a car to drive to visits only with a driving licence', () => {
    expect(fields({ hasCar: true, drivingLicence: false })).toEqual(['hasCar']);
    expect(fields({ hasCar: false, drivingLicence: false })).toEqual([]);
  });
});
