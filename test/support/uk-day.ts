import { londonDay } from '@app/platform';

/**
 * The day in the UK `offsetDays` days from now, as YYYY-MM-DD: "today" as both apps count it
 * (todayIso, londonDay), so a suite run at 23:30 UTC in summer, already tomorrow in the UK, agrees.
 */
export function ukDay(offsetDays = 0): string {
  return londonDay(new Date(Date.now() + offsetDays * 86_400_000));
}

/** The UK's current calendar quarter, as the reporting periods name it: `2026-Q4`. */
export function ukQuarter(): string {
  const [year, month] = ukDay().split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}
