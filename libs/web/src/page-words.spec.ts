import { pounds, sentence, ukDateTime, ukDayOf, wordsOf } from './page-words';

describe('page words', () => {
  it('makes a use case message a sentence, with one full stop', () => {
    expect(sentence('round not found')).toBe('Round not found.');
    expect(sentence('Already voted.')).toBe('Already voted.');
  });

  it('words a vocabulary key for people', () => {
    expect(wordsOf('zero-hours')).toBe('Zero hours');
    expect(wordsOf('people_supported')).toBe('People supported');
  });
});

describe('money and times for people', () => {
  it('says pence as pounds', () => {
    expect(pounds(2380)).toBe('£23.80');
    expect(pounds(-5)).toBe('−£0.05');
    expect(pounds(123456)).toBe('£1,234.56');
  });

  it('says an instant in UK time, summer and winter', () => {
    expect(ukDateTime('2026-07-01T08:30:00.000Z')).toBe('1 Jul 2026, 09:30');
    expect(ukDateTime('2026-12-04T17:30:00.000Z')).toBe('4 Dec 2026, 17:30');
    expect(ukDateTime(null)).toBe('–');
  });

  it('dates an instant by the UK day it fell on', () => {
    expect(ukDayOf('2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
    expect(ukDayOf('2026-12-01T23:30:00.000Z')).toBe('2026-12-01');
    expect(ukDayOf(null)).toBe('–');
  });
});
