import { checkForm, instantToUkLocal, ukDateTime, ukLocalToInstant } from '@app/web';

import { OpenRoundDto } from '../purchasing/purchasing.dto';
import { listFromField, stepRefusal } from './procurement-pages.rules';

describe('a closing time typed in a date-and-time field', () => {
  it('is UK time: the same instant in winter, an hour earlier in UTC in summer, with or without seconds', () => {
    expect(ukLocalToInstant('2026-12-11T17:00')).toBe('2026-12-11T17:00:00.000Z');
    expect(ukLocalToInstant(' 2027-06-11T17:00:30 ')).toBe('2027-06-11T16:00:30.000Z');
    expect(instantToUkLocal('2027-06-11T16:00:30.000Z')).toBe('2027-06-11T17:00');
    expect(ukDateTime('2027-06-11T16:00:30.000Z', '')).toBe('11 Jun 2027, 17:00');
    expect(ukDateTime(null, '')).toBe('');
  });

  it('passes anything else on as typed, for the API’s own rule to refuse beside the field', async () => {
    expect(ukLocalToInstant('next Tuesday')).toBe('next Tuesday');
    expect(ukLocalToInstant(undefined)).toBeUndefined();
    await expect(
      checkForm(OpenRoundDto, { closesAt: ukLocalToInstant('next Tuesday') }, { closesAt: 'Enter the closing time' }),
    ).resolves.toEqual({
      errors: [{ field: 'closesAt', text: 'Enter the closing time' }],
    });
    await expect(
      checkForm(OpenRoundDto, { closesAt: ukLocalToInstant('2027-02-30T17:00') }, { closesAt: 'Enter the closing time' }),
    ).resolves.toEqual({
      errors: [{ field: 'closesAt', text: 'Enter the closing time' }],
    });
    await expect(checkForm(OpenRoundDto, { closesAt: ukLocalToInstant('2026-12-11T17:00') })).resolves.toEqual({
      dto: { closesAt: '2026-12-11T17:00:00.000Z' },
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
    // An instant in the API's message reads as the page shows times, in UK time.
    expect(
      stepRefusal(
        { kind: 'invalid', message: 'enquiryPeriod.endDate 2027-07-02T11:00:00.000Z must be before the deadline 2027-01-15T12:00:00Z' },
        'enquiryEndDate',
      ),
    ).toEqual({
      status: 400,
      errors: [{ field: 'enquiryEndDate', text: 'EnquiryPeriod.endDate 2 Jul 2027, 12:00 must be before the deadline 15 Jan 2027, 12:00' }],
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
