/** What volunteers give their time to; hours are reported by activity. */
export const VOLUNTEER_ACTIVITIES = [
  'befriending',
  'transport',
  'gardening',
  'meals-and-shopping',
  'respite',
  'admin',
  'events',
  'other',
] as const;
export type VolunteerActivity = (typeof VOLUNTEER_ACTIVITIES)[number];

/** A broken rule: a stable code and a message that says which rule and why. */
export interface RuleViolation {
  rule: string;
  message: string;
}

/** Dates are 'YYYY-MM-DD' strings, so they compare correctly as text. */
export interface VolunteeringPeriod {
  joinedOn: string;
  leftOn: string | null;
}

/**
 * Hours and expenses belong to the time someone volunteered: not before they joined, not after they
 * left (late records of earlier work are welcome), and never in the future. Returns the broken rule, or null.
 */
export function activityDateViolation(period: VolunteeringPeriod, on: string, today: string, what: string): RuleViolation | null {
  if (on > today) return { rule: 'VOLUNTEERING.DATE_IN_FUTURE', message: `${what} on ${on} is in the future` };
  if (on < period.joinedOn)
    return { rule: 'VOLUNTEERING.DATE_BEFORE_JOINING', message: `${what} on ${on} is before the volunteer joined on ${period.joinedOn}` };
  if (period.leftOn !== null && on > period.leftOn) {
    return { rule: 'VOLUNTEERING.DATE_AFTER_LEAVING', message: `${what} on ${on} is after the volunteer left on ${period.leftOn}` };
  }
  return null;
}

/** A volunteer leaves once, on a day between joining and today. */
export function departureViolation(period: VolunteeringPeriod, on: string, today: string): RuleViolation | null {
  if (period.leftOn !== null) return { rule: 'VOLUNTEERING.ALREADY_LEFT', message: `the volunteer already left on ${period.leftOn}` };
  if (on > today) return { rule: 'VOLUNTEERING.DATE_IN_FUTURE', message: `leaving on ${on} is in the future; record it on the day` };
  if (on < period.joinedOn)
    return { rule: 'VOLUNTEERING.DATE_BEFORE_JOINING', message: `leaving on ${on} is before the volunteer joined on ${period.joinedOn}` };
  return null;
}

/**
 * The volunteer-to-paid pathway is recorded once. A start date may be ahead (a job offered and
 * accepted) but not before the person volunteered with the co-op, or it would not be their pathway.
 */
export function paidWorkViolation(volunteer: { joinedOn: string; movedIntoPaidWorkOn: string | null }, on: string): RuleViolation | null {
  if (volunteer.movedIntoPaidWorkOn !== null) {
    return {
      rule: 'VOLUNTEERING.ALREADY_IN_PAID_WORK',
      message: `the move into paid work was already recorded, on ${volunteer.movedIntoPaidWorkOn}`,
    };
  }
  if (on < volunteer.joinedOn)
    return {
      rule: 'VOLUNTEERING.DATE_BEFORE_JOINING',
      message: `paid work from ${on} is before the volunteer joined on ${volunteer.joinedOn}`,
    };
  return null;
}

/** A reporting period; either end may be open. */
export function periodViolation(from: string | undefined, to: string | undefined): RuleViolation | null {
  if (from !== undefined && to !== undefined && from > to)
    return { rule: 'VOLUNTEERING.PERIOD_INVERTED', message: `from (${from}) is after to (${to})` };
  return null;
}
