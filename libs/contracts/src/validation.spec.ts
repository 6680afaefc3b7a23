import { ValidateBy } from 'class-validator';

import { checkAgainst, decimalPlaces, IsNumberWithDecimals, isNumberWithDecimals } from './validation';

class Hours {
  @IsNumberWithDecimals(2)
  hours: number;
}

class Miles {
  @IsNumberWithDecimals(1, { message: 'miles must be a number of miles to the tenth' })
  miles: number;
}

class Breaks {
  @ValidateBy({
    name: 'breaks',
    validator: {
      validate: () => {
        throw new TypeError('a validator that breaks on Ann Smith');
      },
    },
  })
  anything: unknown;
}

describe('counting decimal places', () => {
  it.each([
    [0, 0],
    [-0, 0],
    [1, 0],
    [-42, 0],
    [0.5, 1],
    [12.25, 2],
    [-3.125, 3],
    [1e-7, 7],
    [1.5e-7, 8],
    [-2.5e-10, 11],
    [5e-324, 324],
    [1e21, 0],
    [1.2345e21, 0],
    [Number.MAX_SAFE_INTEGER, 0],
    [Number.MAX_VALUE, 0],
    [0.1 + 0.2, 17],
    [0.3, 1],
    [123456.789, 3],
  ])('%p has %p', (value, places) => expect(decimalPlaces(value)).toBe(places));

  it('has no answer for NaN and the infinities', () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(decimalPlaces(v)).toBeNaN();
  });
});

describe('a number with at most n decimals', () => {
  it('takes finite numbers within the places, and nothing else', () => {
    expect([1, 1.5, 12.25, -0, 1e21, -1e21].map((v) => isNumberWithDecimals(v, 2))).toEqual([true, true, true, true, true, true]);
    expect([1.234, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity].map((v) => isNumberWithDecimals(v, 2))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['1', '1.5', '', null, undefined, {}, [], true, 1n].map((v) => isNumberWithDecimals(v, 2))).toEqual(Array(9).fill(false));
  });

  it('refuses, naming the field, what class-validator threw a TypeError on', () => {
    expect(checkAgainst(Hours, { hours: 1e-7 })).toEqual({ ok: false, errors: ['hours must be a number with at most 2 decimal places'] });
    expect(checkAgainst(Miles, { miles: 1e-7 })).toEqual({ ok: false, errors: ['miles must be a number of miles to the tenth'] });
    expect(checkAgainst(Miles, { miles: 12.5 }).ok).toBe(true);
    expect(checkAgainst(Hours, { hours: 1e21 }).ok).toBe(true);
    expect(checkAgainst(Hours, { hours: '12.5' })).toEqual({ ok: false, errors: ['hours must be a number with at most 2 decimal places'] });
  });
});

describe('checking against a class', () => {
  it('never throws: a validator that breaks refuses the input, without quoting it', () => {
    const checked = checkAgainst(Breaks, { anything: 1 });
    expect(checked).toEqual({ ok: false, errors: ['could not be checked (TypeError in a validator)'] });
    expect(JSON.stringify(checked)).not.toContain('Ann Smith');
  });
});
