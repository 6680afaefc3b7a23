import { reportPercent } from '@app/contracts';

type Form = Record<string, unknown>;

/** The purchase form's fields worded for people, by the field each error is named by on the page. */
export const PURCHASE_MESSAGES = {
  supplier: 'Enter the supplier’s name, up to 120 characters',
  description: 'Enter what was bought, up to 300 characters',
  boughtOn: 'Enter the day of the purchase as a date, for example 2026-05-12',
  amount: 'Enter the amount in pounds and pence, for example 125.50, from £0.01 to £1,000,000,000',
  localTo: 'Choose a locality the co-op serves, or not local',
};

/** The fields of the purchase form, in the order the page shows them. */
export const PURCHASE_FIELDS = ['supplier', 'description', 'boughtOn', 'amount', 'localTo'] as const;

/**
 * Pounds and pence as typed (`1,250.5`, `£12`, `0.07`) to whole pence, exactly: the digits are read as
 * text, never through a binary fraction (0.07 × 100 is 7.000000000000001). Null for anything else:
 * a third decimal place, a minus sign, letters, or more pounds than a number holds exactly.
 */
export function poundsToPence(typed: unknown): number | null {
  if (typeof typed !== 'string') return null;
  const match = /^£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(typed.trim().replace(/\s/g, ''));
  if (!match) return null;
  const pounds = match[1].replace(/,/g, '');
  // 13 digits of pounds is far above the largest purchase, and keeps the pence an exact integer.
  if (pounds.length > 13) return null;
  return Number(pounds) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * The purchase form as `POST /purchasing/purchases` takes it: the amount typed in pounds becomes
 * `amountPence` (left out when it cannot be read, so the DTO names it), and "not local" (a blank
 * choice) leaves `localTo` out. The other fields go on as typed.
 */
export function purchaseFormToBody(form: Form): Form {
  const { amount, localTo, ...rest } = form;
  const pence = poundsToPence(amount);
  return {
    ...rest,
    ...(pence !== null ? { amountPence: pence } : {}),
    ...(typeof localTo === 'string' && localTo !== '' ? { localTo } : {}),
  };
}

/** The co-op's spend in the quarter so far and the part with local suppliers, as its return counts them. */
export interface QuarterSpend {
  label: string;
  start: string;
  end: string;
  recorded: boolean;
  localPence: number;
  totalPence: number;
}

/**
 * The local share of a quarter's spend, %, to one decimal place as the return shows it; null when nothing
 * was spent in it (no share of nothing) or nothing was ever recorded (unknown, not 0).
 */
export function localSharePercent(spend: Pick<QuarterSpend, 'recorded' | 'localPence' | 'totalPence'>): number | null {
  return spend.recorded ? reportPercent(spend.localPence, spend.totalPence) : null;
}
