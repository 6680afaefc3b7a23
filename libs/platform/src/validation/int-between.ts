import { IsInt, Max, Min } from 'class-validator';

/** How the bound is worded, beyond the plain `NAME must be a whole number between MIN and MAX`. */
export interface IntBetweenWording {
  /** What the number counts: `milliseconds` gives "a whole number of milliseconds between …". */
  unit?: string;
  /** `from` words the range "from MIN to MAX" rather than "between MIN and MAX". */
  range?: 'between' | 'from';
  /** Says what the lowest value means: `'0 (any free port)'` in place of the bare `0`. */
  minLabel?: string;
  /** Said after the range, in brackets: why the bounds are what they are. */
  note?: string;
}

/** The one message every failure of an IntBetween gives, so the variable is named and its bounds stated. */
export function intBetweenMessage(name: string, min: number, max: number, wording: IntBetweenWording = {}): string {
  const what = wording.unit ? `a whole number of ${wording.unit}` : 'a whole number';
  const low = wording.minLabel ?? String(min);
  const range = wording.range === 'from' ? `from ${low} to ${max}` : `between ${low} and ${max}`;
  return `${name} must be ${what} ${range}${wording.note ? ` (${wording.note})` : ''}`;
}

/**
 * A whole number from `min` to `max` inclusive, for configuration read from the environment: a value
 * that is not a whole number, or is out of bounds, gives one message naming the variable (never its value).
 */
export function IntBetween(name: string, min: number, max: number, wording?: IntBetweenWording): PropertyDecorator {
  const message = intBetweenMessage(name, min, max, wording);
  const decorators = [IsInt({ message }), Min(min, { message }), Max(max, { message })];
  return (target, key) => decorators.forEach((d) => d(target, key));
}
