const DAY_MS = 86_400_000;

/** RECRUITMENT_RETENTION_DAYS and RECRUITMENT_REMINDER_DAYS (the reminder days fewer than the retention days). */
export interface RetentionSettings {
  retentionDays: number;
  reminderDays: number;
}

/** What retention reads of a candidate: their last activity (a sign-in or a change of their own) and their last reminder. */
export interface RetentionState {
  lastActiveAt: Date;
  remindedAt: Date | null;
}

/** A sign-in code is kept a day past its expiry (a late try still gets "expired", not "invalid"), then deleted. */
export const EXPIRED_CODE_KEPT_MS = DAY_MS;

/** Reminded for this inactivity: a reminder at or after the last activity. Any activity since asks for a new one. */
export function remindedSinceActive(c: RetentionState): boolean {
  return c.remindedAt !== null && c.remindedAt.getTime() >= c.lastActiveAt.getTime();
}

/** A candidate last active at or before this is due a reminder (unless reminded since): RETENTION − REMINDER days ago. */
export function reminderCutoff(now: Date, s: RetentionSettings): Date {
  return new Date(now.getTime() - (s.retentionDays - s.reminderDays) * DAY_MS);
}

/** A candidate is due a purge when last active at or before `inactiveSince` and reminded since, at or before `remindedBy`. */
export function purgeCutoffs(now: Date, s: RetentionSettings): { inactiveSince: Date; remindedBy: Date } {
  return {
    inactiveSince: new Date(now.getTime() - s.retentionDays * DAY_MS),
    remindedBy: new Date(now.getTime() - s.reminderDays * DAY_MS),
  };
}

export function reminderDue(c: RetentionState, now: Date, s: RetentionSettings): boolean {
  return c.lastActiveAt.getTime() <= reminderCutoff(now, s).getTime() && !remindedSinceActive(c);
}

/**
 * Inactive for the retention period and warned: reminded since the last activity, at least the reminder
 * period ago. A hub that was off for months therefore reminds first and purges only a reminder period later.
 */
export function purgeDue(c: RetentionState, now: Date, s: RetentionSettings): boolean {
  const { inactiveSince, remindedBy } = purgeCutoffs(now, s);
  return remindedSinceActive(c) && c.lastActiveAt.getTime() <= inactiveSince.getTime() && c.remindedAt!.getTime() <= remindedBy.getTime();
}

/** The earliest a candidate reminded at `remindedAt` can be purged: what the reminder tells them. */
export function removalTime(lastActiveAt: Date, remindedAt: Date, s: RetentionSettings): Date {
  return new Date(Math.max(lastActiveAt.getTime() + s.retentionDays * DAY_MS, remindedAt.getTime() + s.reminderDays * DAY_MS));
}

/**
 * Names the inactivity a reminder warns about: the candidate and their last activity. The same id however
 * often the job asks (a crash between sending and committing), a new one after any new activity.
 */
export function reminderId(candidateId: string, lastActiveAt: Date): string {
  return `${candidateId}@${lastActiveAt.toISOString()}`;
}

export function reminderText(removeAfter: Date): string {
  return `your record will be removed on ${removeAfter.toISOString().slice(0, 10)} unless you sign in before then`;
}

/** Sign-in codes that expired before this are deleted. */
export function codesExpiredBefore(now: Date): Date {
  return new Date(now.getTime() - EXPIRED_CODE_KEPT_MS);
}

/** The two settings from the hub's configuration. */
export function retentionSettingsOf(config: { RECRUITMENT_RETENTION_DAYS: number; RECRUITMENT_REMINDER_DAYS: number }): RetentionSettings {
  return { retentionDays: config.RECRUITMENT_RETENTION_DAYS, reminderDays: config.RECRUITMENT_REMINDER_DAYS };
}
