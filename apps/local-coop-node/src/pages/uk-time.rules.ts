/**
 * Times on the admin's pages are UK time, as a co-op's people read a clock; the API takes and gives
 * instants with a zone. Pure functions: the form's local time to an instant and back (an instant in
 * words is libs/web's ukDateTime).
 */
const UK = 'Europe/London';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes UK time is ahead of UTC at `instant` (0 in winter, 60 in summer). */
export function ukOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: UK, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/**
 * A date-and-time field's value (`2026-12-18T17:00`, UK time) as the instant the API takes
 * (`2026-12-18T17:00:00.000Z`). Anything else is given back unchanged, for the API's DTO to refuse.
 */
export function ukLocalToInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = LOCAL.exec(value.trim());
  if (!m) return value;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  const first = ukOffsetMinutes(new Date(asUtc));
  // The offset at the guessed instant may differ near a change of the clocks: measure it again there.
  const second = ukOffsetMinutes(new Date(asUtc - first * 60_000));
  return new Date(asUtc - second * 60_000).toISOString();
}

/** An instant as the field shows it again (`2026-12-18T17:00`, UK time). */
export function instantToUkLocal(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Date(t.getTime() + ukOffsetMinutes(t) * 60_000).toISOString().slice(0, 16);
}
