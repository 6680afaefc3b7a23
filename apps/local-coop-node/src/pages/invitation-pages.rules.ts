import type { FieldError } from '@app/web';
import { pounds, sentence } from '@app/web/page-words';

/** The offer form's fields for one lot: `offers.<position>.<field>`, the position being the lot's row on the page. */
const OFFER_FIELD = /^offers\.(\d{1,3})\.(lotId|hoursPerWeek|pricePencePerHour)$/;

/** What the offer form sends, as the API's body (`SendOffersDto`), and where each offer came from on the page. */
export interface OfferForm {
  body: Record<string, unknown>;
  /** For each offer in `body.offers`, the position of its lot's row on the page. */
  positions: number[];
}

/**
 * The offer form (one row per lot, flat fields as a browser posts them) as the body of
 * `POST /tendering/invitations/{tenderId}/offers`. A lot whose hours and price are both left blank is
 * not offered on; every other field goes through as typed, for the API's DTO to judge.
 */
export function offerBody(form: Record<string, unknown>): OfferForm {
  const rows = new Map<number, Record<string, unknown>>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = OFFER_FIELD.exec(key);
    // Anything else goes through as sent: the DTO refuses a field it does not know.
    if (!match) {
      rest[key] = value;
      continue;
    }
    const position = Number(match[1]);
    rows.set(position, { ...rows.get(position), [match[2]]: value });
  }
  const positions = [...rows.keys()]
    .sort((a, b) => a - b)
    .filter((p) => !blank(rows.get(p)!.hoursPerWeek) || !blank(rows.get(p)!.pricePencePerHour));
  const offers = positions.map((p) => Object.fromEntries(Object.entries(rows.get(p)!).filter(([, v]) => !blank(v))));
  return { body: { ...rest, offers }, positions };
}

const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

const OFFER_WORDS: Record<string, Record<string, string>> = {
  hoursPerWeek: {
    isInt: 'Enter hours a week as a whole number',
    min: 'Enter hours a week of 0 or more (0 withdraws an earlier offer)',
    max: 'Enter fewer hours a week',
  },
  pricePencePerHour: {
    isInt: 'Enter the price in whole pence an hour, for example 2380',
    min: 'Enter a price of 1 penny an hour or more',
    max: 'Enter a lower price an hour',
  },
  totalHoursPerWeek: {
    isInt: 'Enter the total hours a week as a whole number',
    min: 'Enter a total of 0 hours a week or more',
    max: 'Enter a lower total of hours a week',
  },
};

/** The words for the offer form's errors, by field and constraint, for `checkForm` (offers counted as made). */
export function offerMessages(offers: number): Record<string, Record<string, string>> {
  const lots = Array.from({ length: offers }, (_, n) => [
    [`offers.${n}.hoursPerWeek`, OFFER_WORDS.hoursPerWeek],
    [`offers.${n}.pricePencePerHour`, OFFER_WORDS.pricePencePerHour],
  ]).flat();
  return {
    ...Object.fromEntries(lots),
    totalHoursPerWeek: OFFER_WORDS.totalHoursPerWeek,
    offers: { arrayMinSize: 'Enter hours and a price for at least one lot' },
  };
}

/**
 * The offer form's errors placed on the page: an error on `offers.<n>.<field>` (n counting the offers
 * made) goes beside that field in the lot's row, named by the lot's reference; an error on the offers
 * as a whole (none made) goes beside the table of lots. A value that is not a whole number is told so,
 * whichever of the DTO's rules it broke first.
 */
export function placeOfferErrors(
  errors: readonly FieldError[],
  positions: readonly number[],
  references: readonly string[],
  form: Readonly<Record<string, unknown>> = {},
): FieldError[] {
  return errors.map((e) => {
    const nested = /^offers\.(\d+)\.(\w+)$/.exec(e.field);
    if (!nested) return notWholeNumber(form[e.field]) && OFFER_WORDS[e.field] ? { ...e, text: OFFER_WORDS[e.field].isInt } : e;
    const position = positions[Number(nested[1])] ?? Number(nested[1]);
    const field = `offers.${position}.${nested[2]}`;
    const text = notWholeNumber(form[field]) && OFFER_WORDS[nested[2]] ? OFFER_WORDS[nested[2]].isInt : e.text;
    return { field, text: `Lot ${references[position] ?? position + 1}: ${lowerFirst(text)}` };
  });
}

/** Typed, but not a whole number ("thirty", "2.5"): the DTO's first broken rule may be another, the advice is this. */
export function notWholeNumber(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && !/^\s*-?\d+\s*$/.test(value);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A lot as the refusal wording needs it. */
export interface OfferedLot {
  reference: string;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
}

/**
 * The use case's refusal of an offer, placed and worded for the form: beside the field of the lot it
 * names (the price for a price above the ceiling, else the hours), the total's field when a total is
 * needed, else beside the table of lots.
 */
export function offerRefusal(code: string, message: string, lot?: { position: number } & OfferedLot): FieldError {
  if (code === 'TENDERING.TOTAL_NEEDED') return { field: 'totalHoursPerWeek', text: sentence(message) };
  if (!lot) return { field: 'offers', text: sentence(message) };
  if (code === 'TENDERING.ABOVE_CEILING')
    return {
      field: `offers.${lot.position}.pricePencePerHour`,
      text: `Lot ${lot.reference}: enter a price of at most ${pounds(lot.ceilingPencePerHour)} an hour (${lot.ceilingPencePerHour} pence), the lot's ceiling`,
    };
  if (code === 'TENDERING.MORE_THAN_LOT')
    return {
      field: `offers.${lot.position}.hoursPerWeek`,
      text: `Lot ${lot.reference}: enter at most ${lot.hoursPerWeek} hours a week, what the lot asks for`,
    };
  return { field: `offers.${lot.position}.hoursPerWeek`, text: `Lot ${lot.reference}: ${message}` };
}

/** The first day of the month `today` is in (both YYYY-MM-DD): the contracts page shows this month so far. */
export function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

export const QUANTITY_WORDS: Readonly<Record<string, string>> = {
  isInt: 'Enter a quantity as a whole number, for example 12 (0 withdraws the commitment)',
  min: 'Enter a quantity of 0 or more (0 withdraws the commitment)',
  max: 'Enter a smaller quantity',
};

/** The id on the round's page of a commitment form's field: each item has its own form, `quantity-<itemId>`. */
export function commitmentField(field: string, itemId: string): string {
  return field === 'quantity' && /^[0-9a-f-]{36}$/i.test(itemId) ? `quantity-${itemId}` : 'items';
}

/** The co-op has answered a round once it sent a commitment the hub has not refused. */
export function answeredRound(round: { items: readonly { commitments: readonly { status: string }[] }[] }): boolean {
  return round.items.some((i) => i.commitments.some((c) => c.status !== 'rejected'));
}

/** The co-op has answered a tender once it sent an offer on one of its lots. */
export function answeredTender(tender: { lots: readonly { lastOffer: unknown }[] }): boolean {
  return tender.lots.some((l) => l.lastOffer !== null);
}

/** Whether the tender's page offers the question form: its enquiry period is open now, by the node's clock, and it is not cancelled. */
export function questionsOpen(
  invitation: { status: string; enquiryPeriod: { startDate: string | null; endDate: string } | null },
  now: Date,
): boolean {
  const period = invitation.enquiryPeriod;
  if (!period || invitation.status === 'cancelled') return false;
  const at = now.getTime();
  return at < Date.parse(period.endDate) && (!period.startDate || at >= Date.parse(period.startDate));
}
