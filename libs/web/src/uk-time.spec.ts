import { ukOffsetMinutes } from '@app/platform/calendar/working-days';

import { instantToUkLocal, ukLocalToInstant } from './uk-time';

describe('UK time on the pages', () => {
  it('knows GMT in winter and BST in summer', () => {
    expect(ukOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(0);
    expect(ukOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(60);
  });

  it('reads a winter time as the same instant in UTC, a summer time an hour earlier', () => {
    expect(ukLocalToInstant('2026-12-18T17:00')).toBe('2026-12-18T17:00:00.000Z');
    expect(ukLocalToInstant('2026-07-01T09:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(ukLocalToInstant('2026-07-01T09:30:15')).toBe('2026-07-01T08:30:15.000Z');
  });

  it('reads times either side of the clocks going forward', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    expect(ukLocalToInstant('2026-03-29T00:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(ukLocalToInstant('2026-03-29T03:00')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('reads a time the clocks show twice as its first showing, in BST, and the times around it', () => {
    // 25 October 2026: 01:59:59 BST is followed by 01:00:00 GMT.
    expect(ukLocalToInstant('2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(ukLocalToInstant('2026-10-25T00:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(ukLocalToInstant('2026-10-25T02:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(instantToUkLocal(ukLocalToInstant('2026-10-25T01:30') as string)).toBe('2026-10-25T01:30');
  });

  it('reads a time the clocks skip as GMT', () => {
    expect(ukLocalToInstant('2026-03-29T01:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('leaves anything that is not a date and time for the DTO to refuse', () => {
    expect(ukLocalToInstant('next Tuesday')).toBe('next Tuesday');
    expect(ukLocalToInstant(undefined)).toBeUndefined();
    expect(ukLocalToInstant('2026-12-18T17:00:00Z')).toBe('2026-12-18T17:00:00Z');
  });

  it('leaves a day or a time that does not exist as typed, not rolled on to a real one', () => {
    expect(ukLocalToInstant('2027-02-29T17:00')).toBe('2027-02-29T17:00');
    expect(ukLocalToInstant('2026-04-31T09:00')).toBe('2026-04-31T09:00');
    expect(ukLocalToInstant('2026-12-18T24:30')).toBe('2026-12-18T24:30');
    expect(ukLocalToInstant('2026-12-18T17:60')).toBe('2026-12-18T17:60');
    expect(ukLocalToInstant('2028-02-29T17:00')).toBe('2028-02-29T17:00:00.000Z');
  });

  it('shows an instant back in the field, UK time', () => {
    expect(instantToUkLocal('2026-07-01T08:30:00.000Z')).toBe('2026-07-01T09:30');
    expect(instantToUkLocal(null)).toBe('');
    expect(instantToUkLocal('2026-07-01T08:30:05.000Z', true)).toBe('2026-07-01T09:30:05');
  });
});
