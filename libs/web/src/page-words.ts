import { londonDay } from '@app/platform/calendar/working-days';

/** How pages say things to people: the use cases' messages, money, times and the API's vocabulary in words. */

/** A use case's message (lower case, no full stop) as a sentence: "round not found" → "Round not found." */
export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A vocabulary word of the API for people: `zero-hours` reads `Zero hours`. */
export function wordsOf(key: string): string {
  const words = key.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Pence as pounds: 2380 → "£23.80" (a minus sign before a negative sum). */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  return `${sign}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * An instant in words, UK time, as people read a clock: `18 Dec 2026, 17:00`; nothing is `none` (`–`
 * unless said, blank where a page leaves out what has not happened).
 */
export function ukDateTime(iso: string | Date | null | undefined, none = '–'): string {
  if (!iso) return none;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/** The UK day an instant fell on, `2026-12-18`, as a page dates an event; nothing is `none` (`–` unless said). */
export function ukDayOf(iso: string | Date | null | undefined, none = '–'): string {
  if (!iso) return none;
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? String(iso) : londonDay(t);
}
