const DAY_MS = 86_400_000;

/**
 * The inbox keeps a message's id for INBOX_RETENTION_DAYS after it was received, and a sender keeps
 * republishing a message until its receipt comes. So a message can come back after its id was
 * purged, and would then be applied a second time. It cannot if every message made before the
 * horizon (INBOX_RETENTION_DAYS less a margin, before now) is refused rather than applied: an id is
 * purged only once its message was received more than INBOX_RETENTION_DAYS ago, and it was made no
 * later than it was received (plus the few minutes a sender's clock may run ahead, which the margin
 * covers), so any repeat of it is past the horizon. The time is the envelope's own `occurredAt`,
 * signed by the sender and unchanged by every republish.
 */
export function inboxHorizon(now: Date, inboxRetentionDays: number, marginDays: number): Date {
  return new Date(now.getTime() - (inboxRetentionDays - marginDays) * DAY_MS);
}

/**
 * Why a message made at `occurredAt` is refused, or null when it is within the horizon. The reason
 * names only the message's own time and the setting, so every redelivery of it gives the same words
 * (one dead letter, however often it comes).
 */
export function pastHorizonReason(occurredAt: string | Date, now: Date, inboxRetentionDays: number, marginDays: number): string | null {
  const made = occurredAt instanceof Date ? occurredAt : new Date(occurredAt);
  if (Number.isNaN(made.getTime())) return null; // not a time: the decoder's to refuse
  if (made.getTime() >= inboxHorizon(now, inboxRetentionDays, marginDays).getTime()) return null;
  const keptDays = inboxRetentionDays - marginDays;
  return (
    `past the inbox's retention horizon: made at ${made.toISOString()}, more than ${keptDays} days ago ` +
    `(INBOX_RETENTION_DAYS ${inboxRetentionDays} less a ${marginDays}-day margin); its id may already be purged, ` +
    'so it is not applied, and if it was applied long ago it is not applied again: send it anew if it still matters'
  );
}

export interface RetentionSettings {
  OUTBOX_RETENTION_DAYS: number;
  INBOX_RETENTION_DAYS: number;
  DEAD_LETTER_RETENTION_DAYS: number;
}

export interface RetentionCutoffs {
  /** Settled outbox rows settled before this go. */
  outboxSettledBefore: Date;
  /** Inbox ids (and failure counts) received, or last failed, before this go. */
  inboxReceivedBefore: Date;
  /** Dead letters created, and summaries whose window started, before this go. */
  deadLetterBefore: Date;
}

export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    outboxSettledBefore: daysAgo(settings.OUTBOX_RETENTION_DAYS),
    inboxReceivedBefore: daysAgo(settings.INBOX_RETENTION_DAYS),
    deadLetterBefore: daysAgo(settings.DEAD_LETTER_RETENTION_DAYS),
  };
}
