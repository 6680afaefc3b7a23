import { blankFields, CONCERN_MESSAGES, concernRefusal } from './safeguarding-pages.rules';

describe('safeguarding pages rules', () => {
  describe('blankFields', () => {
    it('names each required field left blank or missing, in words', () => {
      expect(blankFields({ outcome: '  ', closedOn: '2026-06-20' }, ['outcome', 'closedOn'])).toEqual([
        { field: 'outcome', text: CONCERN_MESSAGES.outcome },
      ]);
      expect(blankFields({}, ['referredOn'])).toEqual([{ field: 'referredOn', text: CONCERN_MESSAGES.referredOn }]);
    });

    it('passes a form with every required field typed', () => {
      expect(blankFields({ referredOn: '2026-06-02' }, ['referredOn'])).toEqual([]);
    });
  });

  describe('concernRefusal', () => {
    it('puts a refusal beside the day its message begins with, that day named in words', () => {
      expect(
        concernRefusal('referredOn 2026-05-30 is before the concern was raised on 2026-06-01', ['raisedOn', 'referredOn'], 'raisedOn'),
      ).toEqual({
        field: 'referredOn',
        text: 'The day referred 2026-05-30 is before the concern was raised on 2026-06-01.',
      });
    });

    it('words every day the message names', () => {
      expect(concernRefusal('closedOn 2026-06-01 is before the referral on 2026-06-02', ['outcome', 'closedOn'], 'outcome').text).toBe(
        'The day closed 2026-06-01 is before the referral on 2026-06-02.',
      );
    });

    it('puts a refusal about no field of the form beside the fallback', () => {
      expect(concernRefusal('the concern closed on 2026-06-20 (risk-removed) and cannot change', ['referredOn'], 'referredOn')).toEqual({
        field: 'referredOn',
        text: 'The concern closed on 2026-06-20 (risk-removed) and cannot change.',
      });
      // A day the form does not have goes beside the fallback too.
      expect(concernRefusal('raisedOn 2026-12-05 is after today (2026-12-04)', ['outcome', 'closedOn'], 'closedOn').field).toBe('closedOn');
    });
  });
});
