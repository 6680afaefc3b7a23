import { inboxHorizon, pastHorizonReason, retentionCutoffs } from './retention.rules';

const DAY = 86_400_000;
const now = new Date('2026-12-04T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('the inbox retention horizon', () => {
  it('lies INBOX_RETENTION_DAYS less the margin before now', () => {
    expect(inboxHorizon(now, 90, 1)).toEqual(ago(89));
    expect(inboxHorizon(now, 7, 1)).toEqual(ago(6));
  });

  it('refuses a message made before the horizon, and takes one made at it or after', () => {
    expect(pastHorizonReason(ago(89).toISOString(), now, 90, 1)).toBeNull();
    expect(pastHorizonReason(ago(10), now, 90, 1)).toBeNull();
    expect(pastHorizonReason(new Date(ago(89).getTime() - 1), now, 90, 1)).toMatch(/past the inbox's retention horizon/);
  });

  it('refuses any repeat of a message whose id the sweep may have purged, even from a clock a few minutes ahead', () => {
    // Received (and its id kept from) 90 days and a second ago, made 5 minutes after it by a fast clock.
    const received = new Date(ago(90).getTime() - 1000);
    const made = new Date(received.getTime() + 5 * 60_000);
    expect(pastHorizonReason(made, now, 90, 1)).not.toBeNull();
  });

  it('words the reason from the message alone, so every redelivery gives the same words', () => {
    const made = ago(120);
    const first = pastHorizonReason(made, now, 90, 1);
    expect(pastHorizonReason(made, new Date(now.getTime() + 3_600_000), 90, 1)).toBe(first);
    expect(first).toContain(`made at ${made.toISOString()}, more than 89 days ago (INBOX_RETENTION_DAYS 90 less a 1-day margin)`);
  });

  it('leaves a time that is not a time to the decoder', () => {
    expect(pastHorizonReason('yesterday', now, 90, 1)).toBeNull();
  });
});

describe('retention cutoffs', () => {
  it('lie each setting’s days before now', () => {
    expect(retentionCutoffs(now, { OUTBOX_RETENTION_DAYS: 7, INBOX_RETENTION_DAYS: 90, DEAD_LETTER_RETENTION_DAYS: 30 })).toEqual({
      outboxSettledBefore: ago(7),
      inboxReceivedBefore: ago(90),
      deadLetterBefore: ago(30),
    });
  });
});
