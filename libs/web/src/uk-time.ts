import { ukOffsetMinutes } from '@app/platform/calendar/working-days';

/**
 * Times on every page, the node's and the hub's, are UK time, as the co-ops' and the consortium's people
 * read a clock; the API takes and gives instants with a zone. Pure functions: a form's local time to an
 * instant and back (an instant in words is page-words' ukDateTime).
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date-and-time field's value (`2026-12-18T17:00`, UK time) as the instant the API takes
 * (`2026-12-18T17:00:00.000Z`). Anything else, a day that does not exist (30 February) among it, is given
 * back unchanged and without a zone, for the API's DTO to refuse.
 */
export function ukLocalToInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = LOCAL.exec(value.trim());
  if (!m) return value;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  if (new Date(asUtc).toISOString().slice(0, 19) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`) return value;
  // Read as BST first: a time the clocks show twice (01:30 on the last Sunday of October) is its first
  // showing, the earlier instant, as a deadline should be.
  for (const offset of [60, 0]) {
    const at = new Date(asUtc - offset * 60_000);
    if (ukOffsetMinutes(at) === offset) return at.toISOString();
  }
  // A time the clocks skip (01:30 on the last Sunday of March) is read as GMT: 02:30 BST.
  return new Date(asUtc).toISOString();
}

/**
 * An instant as a date-and-time field shows it again (`2026-12-18T17:00`, UK time, or with `seconds`
 * `2026-12-18T17:00:05`); none is blank.
 */
export function instantToUkLocal(iso: string | Date | null | undefined, seconds = false): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  return new Date(t.getTime() + ukOffsetMinutes(t) * 60_000).toISOString().slice(0, seconds ? 19 : 16);
}
