import { type FieldError, ukLocalToInstant } from '@app/web';

import { listFromField } from './procurement-pages.rules';

/*
 * The brokerage pages' words and shapes: a package request form as the API's body, how long an answer
 * took as people read it, and when the request's page refreshes itself.
 */

/** What the form's fields say when refused, GOV.UK style. */
export const REQUEST_FORM_MESSAGES = {
  councilReference: 'Enter the council’s case reference: capitals, digits, “/” or “-”, with a digit, for example KC-2027-00412',
  locality: 'Enter the locality, 2 to 80 characters',
  serviceTypes: 'Choose at least one service',
  hoursPerWeek: 'Enter the hours a week, from 0.5 to 336, to a tenth of an hour',
  'visitPattern.visitsPerDay': 'Enter the visits a day, 1 to 6',
  'visitPattern.daysPerWeek': 'Enter the days a week, 1 to 7',
  'visitPattern.timesOfDay': 'Choose at least one time of day',
  'visitPattern.carersPerVisit': 'Choose one or two carers at each visit',
  startsOn: 'Enter the start date as a date, for example 2027-03-02',
  fundingType: 'Choose who pays',
  answerBy: 'Enter the deadline for answers as a date and time (UK time), or leave it blank',
};

const number = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;

/**
 * The flat form as the API's body: the visit pattern's fields gathered under `visitPattern`, numbers as
 * numbers, checkboxes as lists, a blank deadline left out, the deadline's UK time as an instant.
 * Anything else typed is passed on for the API's own rules to refuse.
 */
export function requestBodyFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const answerBy = typeof form.answerBy === 'string' ? form.answerBy.trim() : form.answerBy;
  return {
    councilReference: form.councilReference,
    locality: form.locality,
    serviceTypes: listFromField(form.serviceTypes),
    hoursPerWeek: number(form.hoursPerWeek),
    visitPattern: {
      visitsPerDay: number(form.visitsPerDay),
      daysPerWeek: number(form.daysPerWeek),
      timesOfDay: listFromField(form.timesOfDay),
      carersPerVisit: number(form.carersPerVisit),
    },
    startsOn: form.startsOn,
    fundingType: form.fundingType,
    ...(answerBy === '' || answerBy === undefined ? {} : { answerBy: ukLocalToInstant(answerBy) }),
  };
}

/** A nested field's error as the page names its input: `visitPattern.daysPerWeek` is the field `daysPerWeek`. */
export function pageFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field.replace(/^visitPattern\./, ''), text: e.text }));
}

/** Seconds as people read a wait: "45 s", "3 min 20 s", "2 h 5 min". */
export function waited(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  return `${Math.floor(seconds / 3600)} h${Math.floor((seconds % 3600) / 60) ? ` ${Math.floor((seconds % 3600) / 60)} min` : ''}`;
}

/** An open request's page reloads itself this often, so offers show as they arrive; an ended one does not. */
export const REFRESH_SECONDS = 10;

export function refreshSeconds(status: string): number | null {
  return status === 'open' ? REFRESH_SECONDS : null;
}
