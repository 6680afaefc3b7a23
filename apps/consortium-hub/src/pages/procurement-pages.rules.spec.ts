import { checkForm } from '@app/web';

import { OpenRoundDto } from '../purchasing/purchasing.dto';
import { fieldTime, listFromField, pounds, stepRefusal, utcFromField, whenUtc } from './procurement-pages.rules';

describe('money and times on the procurement pages', () => {
  it('shows pence as pounds with thousands and two decimals', () => {
    expect([pounds(0), pounds(5), pounds(650), pounds(123456), pounds(-995)]).toEqual(['£0.00', '£0.05', '£6.50', '£1,234.56', '-£9.95']);
  });

  it('shows a time in UTC to the minute, and nothing for no time', () => {
    expect(whenUtc('2026-12-11T17:05:42.000Z')).toBe('2026-12-11 17:05 UTC');
    expect(whenUtc(null)).toBe('');
    expect(fieldTime('2026-12-11T17:05:42.000Z')).toBe('2026-12-11T17:05');
  });
});

describe('a closing time typed in a date-and-time field', () => {
  it('is taken as UTC, with or without seconds', () => {
    expect(utcFromField('2026-12-11T17:00')).toBe('2026-12-11T17:00:00Z');
    expect(utcFromField(' 2026-12-11T17:00:30 ')).toBe('2026-12-11T17:00:30Z');
  });

  it('passes anything else on as typed, for the API’s own rule to refuse beside the field', async () => {
    expect(utcFromField('next Tuesday')).toBe('next Tuesday');
    expect(utcFromField(undefined)).toBeUndefined();
    await expect(
      checkForm(OpenRoundDto, { closesAt: utcFromField('next Tuesday') }, { closesAt: 'Enter the closing time' }),
    ).resolves.toEqual({
      errors: [{ field: 'closesAt', text: 'Enter the closing time' }],
    });
    await expect(checkForm(OpenRoundDto, { closesAt: utcFromField('2026-12-11T17:00') })).resolves.toEqual({
      dto: { closesAt: '2026-12-11T17:00:00Z' },
    });
  });
});

describe('a field that may come once or repeated', () => {
  it('is always a list', () => {
    expect(listFromField(undefined)).toEqual([]);
    expect(listFromField('')).toEqual([]);
    expect(listFromField('a')).toEqual(['a']);
    expect(listFromField(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('a refusal by the API’s rules on a page', () => {
  it('is 400 for bad input and 409 for a step the state does not allow, beside the field', () => {
    expect(stepRefusal({ kind: 'invalid', message: 'closesAt has passed' }, 'closesAt')).toEqual({
      status: 400,
      errors: [{ field: 'closesAt', text: 'ClosesAt has passed' }],
    });
    expect(stepRefusal({ kind: 'conflict', message: 'a round that is open cannot be ordered' }, 'step-order')).toEqual({
      status: 409,
      errors: [{ field: 'step-order', text: 'A round that is open cannot be ordered' }],
    });
  });

  it('leaves a missing thing or a refusal of the person to the error page', () => {
    expect(stepRefusal({ kind: 'not-found', message: 'x' }, 'f')).toBeNull();
    expect(stepRefusal({ kind: 'forbidden', message: 'x' }, 'f')).toBeNull();
  });
});
