import type { FieldError } from '@app/web';

import type { TenderAction, TenderStage } from '../tendering';

const STAGES: Record<TenderStage, string> = {
  draft: 'Draft',
  inviting: 'Taking offers',
  assembling: 'Assembling the bid',
  submitted: 'Bid submitted',
  standstill: 'Standstill (contracts held)',
  awarded: 'Awarded',
  lost: 'Lost',
  cancelled: 'Cancelled',
};

/** The words a page shows for a tender's stage. */
export function tenderStageLabel(stage: TenderStage): string {
  return STAGES[stage];
}

/** A service type as people read it: "meals-and-shopping" → "Meals and shopping". */
export function serviceLabel(serviceType: string): string {
  const words = serviceType.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The staff's forms a tender's page shows, from the actions its stage allows (the API's own table). */
export interface TenderForms {
  /** Title, buyer, description, deadline; and each open lot's terms or split (PATCH /tenders/:id, /lots/:lotId, /split). */
  change: boolean;
  invite: boolean;
  /** While inviting, assembling closes offers first; while assembling, it assembles again. */
  assemble: boolean;
  submit: boolean;
  /** One form for the council's decision: awarded if any lot is won, else lost. */
  award: boolean;
  cancel: boolean;
}

export function tenderForms(allowed: readonly TenderAction[]): TenderForms {
  return {
    change: allowed.includes('change-lots'),
    invite: allowed.includes('invite'),
    assemble: allowed.includes('close-offers') || allowed.includes('assemble'),
    submit: allowed.includes('submit'),
    award: allowed.includes('award') || allowed.includes('lose'),
    cancel: allowed.includes('cancel'),
  };
}

const DONE: Record<string, string> = {
  created: 'The tender is entered as a draft. Split its lots if needed, then invite the co-ops.',
  details: 'The tender’s details are changed; co-ops already invited are told of a new deadline.',
  lot: 'The lot’s terms are changed; co-ops invited to the old terms are invited again.',
  split: 'The lot is split into smaller lots.',
  invitations: 'The co-ops serving each lot are invited: the tender is taking offers.',
  assembly: 'The bid is assembled from the offers.',
  submission: 'The bid is submitted to the council.',
  award:
    'The council’s decision is recorded; awarded hours are contracts held through the eight working day standstill, then sent to the co-ops’ nodes.',
  cancellation: 'The tender is cancelled; the invited co-ops have been told.',
  answer: 'The answer is sent with its question to every invited co-op, without saying who asked.',
  challenge: 'The challenge is recorded: the contracts are held until its outcome.',
  'challenge-outcome': 'The challenge’s outcome is recorded.',
};

/** The banner after a staff's form, for `?done=<form>`; null for anything else. */
export function tenderStepDone(done: unknown): string | null {
  return typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done] : null;
}

/**
 * The rows of a list in a flat form, for a DTO that takes a list of objects: fields named
 * `<list>.<n>.<field>` (as the DTO's own errors name them) become `{ [list]: [{ field }, ...] }`, in
 * the order of n; blank fields count as not given, and a row left wholly blank is no row.
 */
export function rowsFromForm(form: Record<string, unknown>, list: string): Record<string, unknown>[] {
  const rows = new Map<number, Record<string, unknown>>();
  const name = new RegExp(`^${list}\\.(\\d{1,2})\\.(\\w+)$`);
  for (const [key, value] of Object.entries(form)) {
    const match = name.exec(key);
    if (!match || value === '' || value === undefined) continue;
    const n = Number(match[1]);
    rows.set(n, { ...(rows.get(n) ?? {}), [match[2]]: value });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** Co-op ids typed in one field, separated by commas, spaces or new lines; none as `undefined` (the API's "not given"). */
export function coopIdsFromField(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const ids = value.split(/[\s,]+/).filter((id) => id !== '');
  return ids.length > 0 ? ids : undefined;
}

/** A form's errors named for the page, where several forms share it: each field given the form's prefix. */
export function prefixed(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ ...e, field: `${prefix}${e.field}` }));
}

/** Errors on rows of a list (`parts.0.hoursPerWeek`) worded by the row field's own message where there is one. */
export function wordRowErrors(errors: readonly FieldError[], messages: Readonly<Record<string, string>>): FieldError[] {
  return errors.map((e) => {
    const field = /^\w+\.\d+\.(\w+)$/.exec(e.field)?.[1];
    return field && messages[field] ? { ...e, text: messages[field] } : e;
  });
}
