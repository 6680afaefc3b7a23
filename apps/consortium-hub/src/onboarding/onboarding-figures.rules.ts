import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

/** A journey as the figures read it: when it started, and the evidence date of each stage now closed. */
export interface JourneyTimes {
  journeyId: string;
  coopId: string;
  sponsorCoopId: string;
  /** The day the journey started (YYYY-MM-DD). */
  startedOn: string;
  /** Each stage now closed, with the date of its evidence (YYYY-MM-DD). */
  closedOn: Partial<Record<OnboardingStage, string>>;
  /** When a stage last closed (or the journey started): what "stalled" is measured from. */
  lastProgressAt: Date;
}

export interface StageTime {
  stage: OnboardingStage;
  /** Days from the close of the stage before (or the start) to this stage's close; null while open. */
  days: number | null;
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The time spent in each stage of one journey, by the evidence dates: a stage's time runs from the day
 * the stage before it closed (the start, for the first) to the day it closed. Stages close in order, so
 * once a stage is open every later one is too.
 */
export function stageTimes(j: JourneyTimes): StageTime[] {
  let since = j.startedOn;
  return ONBOARDING_STAGES.map((stage) => {
    const closed = j.closedOn[stage];
    if (!closed) return { stage, days: null };
    const days = daysBetween(since, closed);
    since = closed;
    return { stage, days };
  });
}

/** Days from the start to trading, or null while not trading. */
export function daysToTrading(j: JourneyTimes): number | null {
  const trading = j.closedOn.trading;
  return trading ? daysBetween(j.startedOn, trading) : null;
}

/** The stage a journey is in: the first one open, or null once it trades. */
export function currentStage(j: JourneyTimes): OnboardingStage | null {
  return ONBOARDING_STAGES.find((s) => !j.closedOn[s]) ?? null;
}

export interface Summary {
  journeys: number;
  medianDays: number | null;
  meanDays: number | null;
  minDays: number | null;
  maxDays: number | null;
}

/** Median (the mean of the middle two for an even count), mean to one decimal, and the range. */
export function summarise(values: number[]): Summary {
  if (values.length === 0) return { journeys: 0, medianDays: null, meanDays: null, minDays: null, maxDays: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const mean = Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10;
  return { journeys: sorted.length, medianDays: median, meanDays: mean, minDays: sorted[0], maxDays: sorted[sorted.length - 1] };
}

/** The first day of the runner window: `months` calendar months before today (the same day, or the month's last). */
export function windowStart(today: Date, months: number): string {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() - months;
  const first = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(today.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}
