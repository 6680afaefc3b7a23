import { addDays, londonDay } from '@app/platform';
import { instantToUkLocal } from '@app/web/uk-time';

/**
 * The day in the UK `offsetDays` calendar days from today, as YYYY-MM-DD: "today" as both apps count it
 * (todayIso, londonDay), so a suite run at 23:30 UTC in summer, already tomorrow in the UK, agrees.
 */
export function ukDay(offsetDays = 0): string {
  return addDays(londonDay(new Date()), offsetDays);
}

/** The UK's current calendar quarter, as the reporting periods name it: `2026-Q4`. */
export function ukQuarter(): string {
  const [year, month] = ukDay().split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * An instant as a UK clock shows it, as a page's `datetime-local` field takes it: `2026-12-04T16:20:05`
 * (to the minute, `2026-12-04T16:20`, when `seconds` is false). The pages read what is typed as UK time.
 */
export function ukClock(at: Date, seconds = true): string {
  return instantToUkLocal(at, seconds);
}
