/*
 * The co-op admin's brokerage pages: the answer form as the API's body, in the words people read.
 */

export const ANSWER_FORM_MESSAGES = {
  answer: 'Choose whether to offer or decline',
  canStartOn: 'Enter the day you can start, for example 2027-03-02',
  timesOfDayCovered: 'Choose at least one of the visits you can cover',
  daysPerWeekCovered: 'Enter the days a week you can cover, 1 to 7',
  declineReason: 'Choose why you decline',
  note: 'Keep the note to 280 characters about the offer: no dates, postcodes or long numbers',
};

const list = (value: unknown): string[] =>
  value === undefined || value === '' ? [] : (Array.isArray(value) ? value : [value]).map(String);

/**
 * The form as the API's body: an offer's fields only with an offer, a decline's only with a decline
 * (the form shows both), checkboxes as a list, the days as a number; anything else as typed, for the
 * API's own rules to refuse.
 */
export function answerBodyFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const note = typeof form.note === 'string' && form.note.trim() !== '' ? { note: form.note.trim() } : {};
  if (form.answer === 'decline') return { answer: 'decline', declineReason: form.declineReason, ...note };
  const days =
    typeof form.daysPerWeekCovered === 'string' && /^\d+$/.test(form.daysPerWeekCovered)
      ? Number(form.daysPerWeekCovered)
      : form.daysPerWeekCovered;
  return {
    answer: form.answer,
    canStartOn: form.canStartOn,
    timesOfDayCovered: list(form.timesOfDayCovered),
    daysPerWeekCovered: days,
    ...note,
  };
}

/** How a request stands, as the admin reads it. */
export const STATUS_LABELS: Record<string, string> = {
  open: 'waiting for your answer',
  answered: 'answered',
  gone: 'gone',
  placed: 'placed with you',
};

/** The form that starts a placement's care, worded for people, by the DTO field each error is named by. */
export const START_CARE_MESSAGES = {
  fullName: "Enter the person's full name, in up to 120 characters",
  dateOfBirth: 'Enter the date of birth as a date, for example 1941-07-12',
  address: 'Enter the address, in up to 300 characters',
  startedOn: 'Enter the first day of support as a date, for example 2026-12-08',
};

/** Its fields, in the order the page shows them. */
export const START_CARE_FIELDS = ['fullName', 'dateOfBirth', 'address', 'startedOn'] as const;
