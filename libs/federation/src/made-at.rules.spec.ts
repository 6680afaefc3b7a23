import { madeAt, madeInTimeFor, MAX_CLOCK_AHEAD_MS } from './made-at.rules';

describe('madeAt', () => {
  const received = new Date('2026-11-14T12:00:00Z');

  it("trusts a sender's time in the past, however far back (an offline node's work counts when it was done)", () => {
    expect(madeAt('2026-11-01T09:00:00Z', received)).toEqual({ ok: true, at: new Date('2026-11-01T09:00:00Z') });
    expect(madeAt('2025-01-01T00:00:00Z', received)).toEqual({ ok: true, at: new Date('2025-01-01T00:00:00Z') });
  });

  it('takes a time slightly ahead, within the limit, as the moment of arrival', () => {
    expect(madeAt('2026-11-14T12:04:59Z', received)).toEqual({ ok: true, at: received });
    expect(madeAt(new Date(received.getTime() + MAX_CLOCK_AHEAD_MS), received)).toEqual({ ok: true, at: received });
  });

  it("refuses a time more than the limit ahead of the receiver's clock, saying by how much", () => {
    const result = madeAt(new Date(received.getTime() + MAX_CLOCK_AHEAD_MS + 1000), received);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(
      /301 s ahead of the receiver's clock \(2026-11-14T12:00:00.000Z\), more than the 300 s allowed/,
    );
  });

  it('uses the limit it is given', () => {
    expect(madeAt('2026-11-14T12:00:02Z', received, 1000).ok).toBe(false);
    expect(madeAt('2026-11-14T12:00:01Z', received, 1000)).toEqual({ ok: true, at: received });
  });

  it('refuses something that is not a time', () => {
    expect(madeAt('yesterday', received)).toEqual({ ok: false, reason: 'occurredAt yesterday is not a time' });
  });
});

describe('madeInTimeFor', () => {
  const deadline = new Date('2026-11-14T17:00:00Z');
  const grace = 72 * 3_600_000;
  const made = new Date('2026-11-14T16:59:59Z');

  it('counts a message made before the deadline that arrives before it, or after it within the grace', () => {
    expect(madeInTimeFor(deadline, made, new Date('2026-11-14T16:59:59Z'), grace)).toBe(true);
    expect(madeInTimeFor(deadline, made, new Date('2026-11-16T09:00:00Z'), grace)).toBe(true);
    expect(madeInTimeFor(deadline, made, new Date(deadline.getTime() + grace), grace)).toBe(true);
  });

  it('does not take the claim of one that arrives after the grace, however early it says it was made', () => {
    expect(madeInTimeFor(deadline, made, new Date(deadline.getTime() + grace + 1), grace)).toBe(false);
    expect(madeInTimeFor(deadline, new Date('2026-01-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), grace)).toBe(false);
  });

  it('does not count one made at the deadline or after it, however soon it arrives', () => {
    expect(madeInTimeFor(deadline, deadline, deadline, grace)).toBe(false);
    expect(madeInTimeFor(deadline, new Date('2026-11-14T17:00:01Z'), new Date('2026-11-14T17:00:01Z'), grace)).toBe(false);
  });
});
