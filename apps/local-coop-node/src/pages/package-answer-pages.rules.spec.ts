import { answerBodyFromForm } from './package-answer-pages.rules';

describe('the answer form', () => {
  it('sends an offer with its own fields only, the visits as a list and the days as a number', () => {
    expect(
      answerBodyFromForm({
        answer: 'offer',
        canStartOn: '2027-03-02',
        timesOfDayCovered: 'morning',
        daysPerWeekCovered: '5',
        declineReason: 'no-capacity',
        note: '  Evenings from April  ',
        _csrf: 'x',
      }),
    ).toEqual({
      answer: 'offer',
      canStartOn: '2027-03-02',
      timesOfDayCovered: ['morning'],
      daysPerWeekCovered: 5,
      note: 'Evenings from April',
    });
  });

  it('sends a decline with its reason only, and leaves a blank note out', () => {
    expect(answerBodyFromForm({ answer: 'decline', declineReason: 'locality', canStartOn: '2027-03-02', note: ' ' })).toEqual({
      answer: 'decline',
      declineReason: 'locality',
    });
  });

  it('passes what is not a whole number on as typed, for the API to refuse', () => {
    expect(answerBodyFromForm({ answer: 'offer', daysPerWeekCovered: 'five' }).daysPerWeekCovered).toBe('five');
    expect(answerBodyFromForm({}).timesOfDayCovered).toEqual([]);
  });
});
