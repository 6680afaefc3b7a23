import { pageFieldErrors, refreshSeconds, requestBodyFromForm, waited } from './brokerage-pages.rules';

describe('the package request form', () => {
  it('gathers the visit pattern, turns numbers and checkboxes into the API body, and reads the deadline as UK time', () => {
    expect(
      requestBodyFromForm({
        councilReference: 'KC-2027-1',
        locality: 'Marsden',
        serviceTypes: 'personal-care',
        hoursPerWeek: '10.5',
        visitsPerDay: '2',
        daysPerWeek: '7',
        timesOfDay: ['morning', 'evening'],
        carersPerVisit: '1',
        startsOn: '2027-03-02',
        fundingType: 'direct-payment',
        answerBy: '2027-04-01T16:00',
        _csrf: 'token',
      }),
    ).toEqual({
      councilReference: 'KC-2027-1',
      locality: 'Marsden',
      serviceTypes: ['personal-care'],
      hoursPerWeek: 10.5,
      visitPattern: { visitsPerDay: 2, daysPerWeek: 7, timesOfDay: ['morning', 'evening'], carersPerVisit: 1 },
      startsOn: '2027-03-02',
      fundingType: 'direct-payment',
      answerBy: '2027-04-01T15:00:00.000Z',
    });
  });

  it('leaves a blank deadline out, and passes what is not a number on as typed for the API to refuse', () => {
    const body = requestBodyFromForm({ hoursPerWeek: 'ten', answerBy: '' });
    expect(body.hoursPerWeek).toBe('ten');
    expect('answerBy' in body).toBe(false);
    expect(body.serviceTypes).toEqual([]);
  });

  it('names a visit pattern error by its input on the page', () => {
    expect(
      pageFieldErrors([
        { field: 'visitPattern.daysPerWeek', text: 'x' },
        { field: 'locality', text: 'y' },
      ]),
    ).toEqual([
      { field: 'daysPerWeek', text: 'x' },
      { field: 'locality', text: 'y' },
    ]);
  });
});

describe('the request page', () => {
  it('reads a wait in seconds, minutes and hours', () => {
    expect([0, 45, 60, 200, 3600, 7500].map(waited)).toEqual(['0 s', '45 s', '1 min', '3 min 20 s', '1 h', '2 h 5 min']);
  });

  it('refreshes itself only while the request is open', () => {
    expect(refreshSeconds('open')).toBe(10);
    for (const status of ['placed', 'closed', 'expired']) expect(refreshSeconds(status)).toBeNull();
  });
});
