import { currentStage, daysToTrading, JourneyTimes, stageTimes, summarise, windowStart } from './onboarding-figures.rules';

const journey = (closedOn: JourneyTimes['closedOn'], lastProgressAt = new Date('2026-06-01T00:00:00Z')): JourneyTimes => ({
  journeyId: 'j',
  coopId: 'huddersfield',
  sponsorCoopId: 'colne-valley',
  startedOn: '2026-01-01',
  closedOn,
  lastProgressAt,
});

describe('onboarding figures', () => {
  it('times each closed stage from the close of the one before, the first from the start', () => {
    const times = stageTimes(
      journey({ 'community-meetings': '2026-01-31', 'steering-group': '2026-03-02', 'model-rules-adopted': '2026-03-02' }),
    );
    expect(times.slice(0, 4)).toEqual([
      { stage: 'community-meetings', days: 30 },
      { stage: 'steering-group', days: 30 },
      { stage: 'model-rules-adopted', days: 0 },
      { stage: 'registered', days: null },
    ]);
    expect(times).toHaveLength(10);
  });

  it('gives the time to trading only once trading, and the stage a journey is in', () => {
    expect(daysToTrading(journey({ 'community-meetings': '2026-01-31' }))).toBeNull();
    expect(daysToTrading(journey({ trading: '2027-01-01' }))).toBe(365);
    expect(currentStage(journey({}))).toBe('community-meetings');
    expect(currentStage(journey({ 'community-meetings': '2026-01-31' }))).toBe('steering-group');
  });

  it('summarises with the median, the mean to a decimal and the range', () => {
    expect(summarise([])).toEqual({ journeys: 0, medianDays: null, meanDays: null, minDays: null, maxDays: null });
    expect(summarise([10, 2, 7])).toEqual({ journeys: 3, medianDays: 7, meanDays: 6.3, minDays: 2, maxDays: 10 });
    expect(summarise([1, 2, 3, 10])).toEqual({ journeys: 4, medianDays: 2.5, meanDays: 4, minDays: 1, maxDays: 10 });
  });

  it('starts the runner window so many calendar months back, on the same day or the month end', () => {
    expect(windowStart(new Date('2026-12-04T10:00:00Z'), 24)).toBe('2024-12-04');
    expect(windowStart(new Date('2026-03-31T10:00:00Z'), 1)).toBe('2026-02-28');
    expect(windowStart(new Date('2026-01-15T10:00:00Z'), 13)).toBe('2024-12-15');
  });
});
