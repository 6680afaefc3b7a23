import {
  codesExpiredBefore,
  purgeDue,
  reminderDue,
  reminderId,
  reminderText,
  removalTime,
  RetentionSettings,
  retentionSettingsOf,
} from './retention.rules';

const S: RetentionSettings = { retentionDays: 180, reminderDays: 14 };
const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (d: number, ms = 0) => new Date(NOW.getTime() - d * 86_400_000 - ms);

describe('who is due a retention reminder', () => {
  it('is a candidate inactive for RETENTION − REMINDER days (166) or more, never reminded', () => {
    expect(reminderDue({ lastActiveAt: daysAgo(166), remindedAt: null }, NOW, S)).toBe(true);
    expect(reminderDue({ lastActiveAt: daysAgo(400), remindedAt: null }, NOW, S)).toBe(true);
  });

  it('is not a candidate active less than 166 days ago, by a millisecond', () => {
    expect(reminderDue({ lastActiveAt: daysAgo(166, -1), remindedAt: null }, NOW, S)).toBe(false);
    expect(reminderDue({ lastActiveAt: daysAgo(1), remindedAt: null }, NOW, S)).toBe(false);
  });

  it('is not a candidate reminded since their last activity, however long ago', () => {
    expect(reminderDue({ lastActiveAt: daysAgo(170), remindedAt: daysAgo(4) }, NOW, S)).toBe(false);
    expect(reminderDue({ lastActiveAt: daysAgo(300), remindedAt: daysAgo(299) }, NOW, S)).toBe(false);
    expect(reminderDue({ lastActiveAt: daysAgo(170), remindedAt: daysAgo(170) }, NOW, S)).toBe(false);
  });

  it('is again a candidate who was active after their reminder and then inactive again', () => {
    expect(reminderDue({ lastActiveAt: daysAgo(170), remindedAt: daysAgo(170, 1) }, NOW, S)).toBe(true);
    expect(reminderDue({ lastActiveAt: daysAgo(170), remindedAt: daysAgo(400) }, NOW, S)).toBe(true);
  });
});

describe('who is due a purge', () => {
  it('is a candidate inactive for 180 days and reminded since, at least 14 days ago', () => {
    expect(purgeDue({ lastActiveAt: daysAgo(180), remindedAt: daysAgo(14) }, NOW, S)).toBe(true);
    expect(purgeDue({ lastActiveAt: daysAgo(500), remindedAt: daysAgo(100) }, NOW, S)).toBe(true);
  });

  it('is not a candidate never reminded, however long inactive', () => {
    expect(purgeDue({ lastActiveAt: daysAgo(1000), remindedAt: null }, NOW, S)).toBe(false);
  });

  it('is not a candidate reminded less than 14 days ago: a hub that was off reminds first', () => {
    expect(purgeDue({ lastActiveAt: daysAgo(400), remindedAt: daysAgo(14, -1) }, NOW, S)).toBe(false);
    expect(purgeDue({ lastActiveAt: daysAgo(400), remindedAt: daysAgo(0) }, NOW, S)).toBe(false);
  });

  it('is not a candidate inactive for less than 180 days, even reminded long ago', () => {
    expect(purgeDue({ lastActiveAt: daysAgo(180, -1), remindedAt: daysAgo(166) }, NOW, S)).toBe(false);
  });

  it('is not a candidate whose only reminder came before their last activity', () => {
    expect(purgeDue({ lastActiveAt: daysAgo(200), remindedAt: daysAgo(250) }, NOW, S)).toBe(false);
    expect(purgeDue({ lastActiveAt: daysAgo(200), remindedAt: daysAgo(200, 1) }, NOW, S)).toBe(false);
  });

  it('falls exactly at the removal time the reminder states, never before', () => {
    for (const [active, reminded] of [
      [daysAgo(170), daysAgo(4)],
      [daysAgo(400), daysAgo(3)],
    ]) {
      const at = removalTime(active, reminded, S);
      const shifted = (ms: number) => new Date(at.getTime() + ms);
      expect(purgeDue({ lastActiveAt: active, remindedAt: reminded }, shifted(-1), S)).toBe(false);
      expect(purgeDue({ lastActiveAt: active, remindedAt: reminded }, shifted(0), S)).toBe(true);
    }
  });
});

describe('the reminder itself', () => {
  it('states the later of 180 days after the last activity and 14 days after the reminder', () => {
    expect(removalTime(daysAgo(170), NOW, S)).toEqual(new Date(NOW.getTime() + 14 * 86_400_000));
    expect(removalTime(daysAgo(100), NOW, S)).toEqual(new Date(NOW.getTime() + 80 * 86_400_000));
    expect(reminderText(new Date('2026-07-14T12:00:00.000Z'))).toBe(
      'your record will be removed on 2026-07-14 unless you sign in before then',
    );
  });

  it('has one id per inactivity: the same for the same last activity, a new one after any activity', () => {
    const id = '0b7c54c0-8d0e-4b8e-9a44-5f2f3f7f0a11';
    expect(reminderId(id, daysAgo(170))).toBe(reminderId(id, daysAgo(170)));
    expect(reminderId(id, daysAgo(170))).not.toBe(reminderId(id, daysAgo(170, -1)));
  });

  it('takes the settings from the hub configuration', () => {
    expect(retentionSettingsOf({ RECRUITMENT_RETENTION_DAYS: 90, RECRUITMENT_REMINDER_DAYS: 7 })).toEqual({
      retentionDays: 90,
      reminderDays: 7,
    });
  });
});

describe('old sign-in codes', () => {
  it('are those expired more than a day ago', () => {
    expect(codesExpiredBefore(NOW)).toEqual(daysAgo(1));
  });
});
