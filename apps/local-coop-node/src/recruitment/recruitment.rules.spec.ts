import {
  applicantDecisionViolation,
  applicationIsNew,
  erasedApplicantLabel,
  fillingDay,
  HIRE_REQUEST_STATUSES,
  hireRequestViolation,
  poolStart,
  statusAfterAnswer,
  statusAfterReceipt,
  unpoolViolation,
} from './recruitment.rules';

describe('recruitment rules', () => {
  const TODAY = '2026-12-04';
  const open = (openedOn: string) => ({ status: 'open' as const, openedOn });

  describe('the start date a pooled vacancy shows', () => {
    it('defaults to today for a vacancy already open, and to its opening day when that is later', () => {
      expect(poolStart(open('2026-09-01'), undefined, TODAY)).toEqual({ startsOn: TODAY });
      expect(poolStart(open('2027-01-11'), undefined, TODAY)).toEqual({ startsOn: '2027-01-11' });
    });

    it('takes today or any later day asked for', () => {
      expect(poolStart(open('2026-09-01'), TODAY, TODAY)).toEqual({ startsOn: TODAY });
      expect(poolStart(open('2026-09-01'), '2027-03-01', TODAY)).toEqual({ startsOn: '2027-03-01' });
    });

    it('refuses yesterday, naming the field', () => {
      expect(poolStart(open('2026-09-01'), '2026-12-03', TODAY)).toEqual({
        violation: {
          code: 'RECRUITMENT.STARTS_IN_PAST',
          message: 'startsOn 2026-12-03 is in the past (today is 2026-12-04)',
          kind: 'invalid',
        },
      });
    });

    it('refuses a start before the vacancy opens, and the opening day itself is fine', () => {
      expect(poolStart(open('2027-01-11'), '2027-01-10', TODAY)).toMatchObject({
        violation: { code: 'RECRUITMENT.STARTS_BEFORE_OPENING' },
      });
      expect(poolStart(open('2027-01-11'), '2027-01-11', TODAY)).toEqual({ startsOn: '2027-01-11' });
    });

    it('refuses a filled or withdrawn vacancy', () => {
      for (const status of ['filled', 'withdrawn'] as const)
        expect(poolStart({ status, openedOn: '2026-09-01' }, undefined, TODAY)).toMatchObject({
          violation: { code: 'RECRUITMENT.VACANCY_NOT_OPEN', kind: 'conflict' },
        });
    });
  });

  it('takes out of the pool only a pooled vacancy', () => {
    expect(unpoolViolation({ pooled: true })).toBeNull();
    expect(unpoolViolation({ pooled: false })).toMatchObject({ code: 'RECRUITMENT.VACANCY_NOT_POOLED', kind: 'conflict' });
  });

  describe('asking for a candidate', () => {
    const V = 'vacancy-a';
    const pooled = { status: 'open', pooled: true };

    it('lets an open pooled vacancy ask for a candidate it never asked for', () => {
      expect(hireRequestViolation(pooled, V, [])).toBeNull();
    });

    it('refuses a vacancy closed or not in the pool', () => {
      expect(hireRequestViolation({ status: 'filled', pooled: false }, V, [])?.code).toBe('RECRUITMENT.VACANCY_NOT_OPEN');
      expect(hireRequestViolation({ status: 'open', pooled: false }, V, [])?.code).toBe('RECRUITMENT.VACANCY_NOT_POOLED');
    });

    it('refuses a second request for the same candidate and vacancy while one is going or accepted', () => {
      for (const status of ['sent', 'waiting', 'accepted'] as const)
        expect(hireRequestViolation(pooled, V, [{ vacancyId: V, status }])?.code).toBe('RECRUITMENT.ALREADY_REQUESTED');
    });

    it('asks again after a request was refused by the hub, withdrawn or closed, and for another vacancy', () => {
      for (const status of ['refused', 'withdrawn', 'closed'] as const)
        expect(hireRequestViolation(pooled, V, [{ vacancyId: V, status }])).toBeNull();
      expect(hireRequestViolation(pooled, V, [{ vacancyId: 'vacancy-b', status: 'waiting' }])).toBeNull();
    });

    it('never asks a candidate who declined this co-op, for any vacancy', () => {
      expect(hireRequestViolation(pooled, V, [{ vacancyId: 'vacancy-b', status: 'declined' }])?.code).toBe('RECRUITMENT.DECLINED_BEFORE');
    });
  });

  describe('where a request stands', () => {
    it('moves a sent request to waiting on an applied receipt and to refused on a rejected one', () => {
      expect(statusAfterReceipt('sent', 'applied')).toBe('waiting');
      expect(statusAfterReceipt('sent', 'rejected')).toBe('refused');
    });

    it('lets a receipt move nothing that has gone further', () => {
      for (const s of HIRE_REQUEST_STATUSES.filter((x) => x !== 'sent')) {
        expect(statusAfterReceipt(s, 'applied')).toBeNull();
        expect(statusAfterReceipt(s, 'rejected')).toBeNull();
      }
    });

    it("takes the candidate's answer from any state but accepted", () => {
      expect(statusAfterAnswer('waiting', 'declined')).toBe('declined');
      expect(statusAfterAnswer('sent', 'withdrawn')).toBe('withdrawn');
      expect(statusAfterAnswer('declined', 'closed')).toBe('closed');
      expect(statusAfterAnswer('closed', 'closed')).toBeNull();
      for (const o of ['declined', 'withdrawn', 'closed'] as const) expect(statusAfterAnswer('accepted', o)).toBeNull();
    });

    it('records an application once: an accepted request already has its applicant', () => {
      expect(HIRE_REQUEST_STATUSES.filter(applicationIsNew)).toEqual(['sent', 'waiting', 'refused', 'declined', 'withdrawn', 'closed']);
    });
  });

  it('decides an applicant once, and never an erased one', () => {
    expect(applicantDecisionViolation({ status: 'applicant', erased: false })).toBeNull();
    expect(applicantDecisionViolation({ status: 'hired', erased: false })?.code).toBe('RECRUITMENT.APPLICANT_DECIDED');
    expect(applicantDecisionViolation({ status: 'not-hired', erased: false })?.code).toBe('RECRUITMENT.APPLICANT_DECIDED');
    expect(applicantDecisionViolation({ status: 'not-hired', erased: true })?.code).toBe('RECRUITMENT.APPLICANT_ERASED');
  });

  it('closes a filled vacancy today, or on its opening day when it was filled ahead', () => {
    expect(fillingDay({ openedOn: '2026-09-01' }, TODAY)).toBe(TODAY);
    expect(fillingDay({ openedOn: '2027-01-11' }, TODAY)).toBe('2027-01-11');
  });

  it('labels an erased applicant by a short id, naming nobody', () => {
    expect(erasedApplicantLabel('3f2a9c1e-0000-4000-8000-000000000000')).toBe('Erased applicant #3f2a9c1e');
  });
});
