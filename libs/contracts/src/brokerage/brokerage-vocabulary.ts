/**
 * The words of hospital-discharge brokerage, shared by both apps' APIs and the messages. A package
 * request describes care, never the person: a council reference (held by the council, meaningless
 * without its records) is the only link to them, and it travels only to the co-op whose offer the
 * commissioner accepts.
 */

/** When in the day the visits fall, as councils' brokerage forms ask. */
export const TIMES_OF_DAY = ['morning', 'lunchtime', 'teatime', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** Why a co-op cannot take a package: a list, not free text, so that a reason can never carry a person. */
export const DECLINE_REASONS = ['no-capacity', 'locality', 'service', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Why a request is gone for a co-op that was asked and did not get the package. */
export const GONE_REASONS = ['placed-elsewhere', 'closed', 'expired'] as const;
export type GoneReason = (typeof GONE_REASONS)[number];

/** Why a commissioner closes a request without placing it. */
export const CLOSE_REASONS = ['no-suitable-offer', 'no-longer-needed', 'placed-outside-consortium', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const BROKERAGE_LIMITS = {
  /** A week has 168 hours; a package of more than one carer around the clock is 336. */
  maxHoursPerWeek: 336,
  maxVisitsPerDay: 6,
  maxCarersPerVisit: 2,
  maxNoteLength: 280,
  maxServiceTypes: 7,
} as const;

/**
 * A council's own case reference: capitals, digits, "/" and "-", 4 to 24 characters, with at least
 * one digit, e.g. KC-2027-00412. A pattern rather than free text, so that nobody can type a name or
 * an NHS number with words around it into the one field that reaches the co-op.
 */
export const COUNCIL_REFERENCE_PATTERN = /^(?=[A-Z0-9/-]*[0-9])[A-Z0-9][A-Z0-9/-]{3,23}$/;
export const COUNCIL_REFERENCE_RULE =
  'councilReference must be the council\'s case reference: 4 to 24 capitals, digits, "/" or "-", with a digit (e.g. KC-2027-00412)';

/**
 * A note beside an answer is for the commissioner about the co-op's offer ("can start earlier if
 * the carer's rota moves"), never about a person. What looks like a date, a UK postcode, an NHS
 * number or a phone number is refused: the common ways personal details slip into a free-text box.
 */
export function notePersonalDataProblem(note: string): string | null {
  if (/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(note) || /\b\d{4}-\d{2}-\d{2}\b/.test(note)) return 'note must not hold a date';
  if (/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i.test(note)) return 'note must not hold a postcode';
  if (/(?:\d[\s-]?){10,}/.test(note)) return 'note must not hold an NHS number, a phone number or any long number';
  return null;
}
