import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { IntBetween, intBetweenMessage } from './int-between';

class Settings {
  @IntBetween('POLL_MS', 10, 60_000, { unit: 'milliseconds' })
  POLL_MS = 250;
}

const errorsFor = (value: unknown) =>
  validateSync(plainToInstance(Settings, { POLL_MS: value })).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IntBetween', () => {
  it('accepts a whole number within its bounds, both bounds included', () => {
    expect(errorsFor(10)).toEqual([]);
    expect(errorsFor(60_000)).toEqual([]);
  });

  it('gives the one message, naming the variable and its bounds, for a fraction, a string or a value out of bounds', () => {
    for (const bad of [9, 60_001, 12.5, '250']) {
      const errors = errorsFor(bad);
      expect(errors.length).toBeGreaterThan(0);
      expect(new Set(errors)).toEqual(new Set(['POLL_MS must be a whole number of milliseconds between 10 and 60000']));
    }
  });

  it('words the bounds as the configuration always has', () => {
    expect(intBetweenMessage('DB_PORT', 1, 65535)).toBe('DB_PORT must be a whole number between 1 and 65535');
    expect(intBetweenMessage('PORT', 0, 65535, { minLabel: '0 (any free port)' })).toBe(
      'PORT must be a whole number between 0 (any free port) and 65535',
    );
    expect(intBetweenMessage('REPORTING_THRESHOLD', 1, 50, { range: 'from' })).toBe(
      'REPORTING_THRESHOLD must be a whole number from 1 to 50',
    );
    expect(
      intBetweenMessage('AUTH_TOKEN_MAX_HOURS', 1, 8784, {
        unit: 'hours',
        range: 'from',
        note: 'the longest lifetime a sign-in token may have',
      }),
    ).toBe('AUTH_TOKEN_MAX_HOURS must be a whole number of hours from 1 to 8784 (the longest lifetime a sign-in token may have)');
  });
});
