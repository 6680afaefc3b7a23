import {
  clearingPosition,
  hoursFigure,
  hoursText,
  limitBodyFromForm,
  limitFieldErrors,
  limitUsedPercent,
  monthlyTotals,
  transferState,
} from './clearing-pages.rules';

describe('clearing pages rules', () => {
  describe('limitBodyFromForm', () => {
    it.each([
      ['100', 6000],
      [' 12.5 ', 750],
      ['0', 0],
      ['0.1', 6],
      ['100000', 6_000_000],
      ['1.25', 75],
    ])('takes %j hours as %d whole minutes', (typed, minutes) => {
      expect(limitBodyFromForm({ limitHours: typed })).toEqual({ limitMinutes: minutes });
    });

    it('passes a fraction of a minute on as a fraction, for the DTO to refuse', () => {
      const { limitMinutes } = limitBodyFromForm({ limitHours: '1.001' });
      expect(Number.isInteger(limitMinutes)).toBe(false);
    });

    it.each([['-5'], ['ten'], ['1e3'], ['1,000'], ['0x10'], ['Infinity']])('takes %j as no number at all', (typed) => {
      expect(limitBodyFromForm({ limitHours: typed })).toEqual({ limitMinutes: Number.NaN });
    });

    it('leaves a blank out, takes a repeated field as no number, and takes no other field', () => {
      expect(limitBodyFromForm({ limitHours: '  ' })).toEqual({});
      expect(limitBodyFromForm({})).toEqual({});
      expect(limitBodyFromForm({ limitHours: ['1', '2'], limitMinutes: 5 })).toEqual({ limitMinutes: Number.NaN });
    });
  });

  it('names the hours field for an error of the minutes', () => {
    expect(
      limitFieldErrors([
        { field: 'limitMinutes', text: 'x' },
        { field: 'other', text: 'y' },
      ]),
    ).toEqual([
      { field: 'limitHours', text: 'x' },
      { field: 'other', text: 'y' },
    ]);
  });

  it('writes minutes as hours', () => {
    expect([hoursFigure(90), hoursFigure(6000), hoursFigure(61), hoursFigure(0)]).toEqual(['1.5', '100', '1.02', '0']);
    expect([hoursText(60), hoursText(90), hoursText(0), hoursText(6_000_000)]).toEqual(['1 hour', '1.5 hours', '0 hours', '100,000 hours']);
  });

  it('says a negative balance owes, a positive one is owed, in hours', () => {
    expect(clearingPosition(-90)).toEqual({ position: 'owes', words: 'Owes', hours: '1.5 hours' });
    expect(clearingPosition(120)).toEqual({ position: 'owed', words: 'Is owed', hours: '2 hours' });
    expect(clearingPosition(0)).toEqual({ position: 'even', words: 'Even', hours: '0 hours' });
  });

  it('counts the share of the limit a co-op owes', () => {
    expect(limitUsedPercent(-3000, 6000)).toBe(50);
    expect(limitUsedPercent(500, 6000)).toBe(0);
    expect(limitUsedPercent(-10, 0)).toBe(100);
    expect(limitUsedPercent(0, 0)).toBe(0);
  });

  it('adds each month’s pairs together, oldest month first', () => {
    const pair = (month: string, fromCoopId: string, minutes: number, transfers = 1) => ({
      month,
      fromCoopId,
      toCoopId: 'b',
      minutes,
      transfers,
    });
    expect(monthlyTotals([pair('2026-12', 'a', 90), pair('2026-11', 'a', 30), pair('2026-12', 'c', 60, 2)])).toEqual([
      { month: '2026-11', minutes: 30, transfers: 1 },
      { month: '2026-12', minutes: 150, transfers: 3 },
    ]);
    expect(monthlyTotals([])).toEqual([]);
  });

  it('words a transfer’s state', () => {
    expect(transferState('reversed').text).toBe('Given back');
    expect(transferState('forwarded').text).toBe('Under way');
    expect(transferState('completed').text).toBe('Completed');
    expect(transferState('odd').text).toBe('odd');
  });
});
