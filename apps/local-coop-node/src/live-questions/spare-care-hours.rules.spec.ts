import { spareHoursOf, toHours } from './spare-care-hours.rules';

describe('spare care hours on the node', () => {
  it('gives the total as contracted less planned, in hours to the hundredth', () => {
    expect(spareHoursOf({ contractedMinutes: 6000, plannedMinutes: 3010, allocated: [] }, ['Marsden']).totalSpareHours).toBe(49.83);
  });

  it('lists every public locality in profile order, zero where nothing was allocated', () => {
    const result = spareHoursOf({ contractedMinutes: 0, plannedMinutes: 0, allocated: [{ locality: 'Slaithwaite', spareMinutes: 90 }] }, [
      'Marsden',
      'Slaithwaite',
    ]);
    expect(result.localities).toEqual([
      { locality: 'Marsden', spareHours: 0 },
      { locality: 'Slaithwaite', spareHours: 1.5 },
    ]);
  });

  it('keeps a locality that is not public off the answer, its hours in the total only', () => {
    const result = spareHoursOf(
      {
        contractedMinutes: 2400,
        plannedMinutes: 600,
        allocated: [
          { locality: 'Marsden', spareMinutes: 600 },
          { locality: 'Golcar', spareMinutes: 300 },
        ],
      },
      ['Marsden'],
    );
    expect(result).toEqual({ localities: [{ locality: 'Marsden', spareHours: 10 }], totalSpareHours: 30 });
  });

  it('shows overbooking as negative hours, and never -0', () => {
    const result = spareHoursOf(
      {
        contractedMinutes: 0,
        plannedMinutes: 90,
        allocated: [
          { locality: 'Marsden', spareMinutes: -90 },
          { locality: 'Meltham', spareMinutes: -0.1 },
        ],
      },
      ['Marsden', 'Meltham'],
    );
    expect(result.totalSpareHours).toBe(-1.5);
    expect(result.localities[0].spareHours).toBe(-1.5);
    expect(Object.is(result.localities[1].spareHours, 0)).toBe(true);
    expect(Object.is(toHours(-0.2), 0)).toBe(true);
  });

  it('adds up repeated rows for one locality and rounds once', () => {
    const result = spareHoursOf(
      {
        contractedMinutes: 0,
        plannedMinutes: 0,
        allocated: [
          { locality: 'Marsden', spareMinutes: 10 / 3 },
          { locality: 'Marsden', spareMinutes: 20 / 3 },
        ],
      },
      ['Marsden'],
    );
    expect(result.localities[0].spareHours).toBe(0.17);
  });
});
