import type { ContractType, DbsShown, HoursFit, StaffRole } from '@app/contracts';

import type { Application } from './application.rules';

/** A candidate in the pool, as matching sees them: their application less name, contact and statement. */
export type PoolCandidate = Omit<Application, 'fullName' | 'phone' | 'statement'> & {
  candidateId: string;
  /** When they joined the pool: the earlier ranks first among equals. */
  joinedPoolAt: Date;
};

/** A pooled vacancy: a post's terms, never a name. */
export interface PoolVacancy {
  coopId: string;
  vacancyId: string;
  role: StaffRole;
  contractType: ContractType;
  minutesPerWeek: number;
  hourlyPayPence: number;
  paysRealLivingWage: boolean;
  locality: string;
  startsOn: string;
}

export interface Fit {
  score: number;
  hours: HoursFit;
  availableByStart: boolean;
  checksValidOnStart: boolean;
}

/** What each part of the score weighs, out of 100. */
export const SCORE_WEIGHTS = { dbs: 30, availability: 25, hours: 30, drives: 15 } as const;

const sameLocality = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** Days from `a` to `b` (calendar dates, YYYY-MM-DD). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether a candidate fits a vacancy, and how well. Must all hold, or there is no fit: the role is one
 * they seek, they can reach its locality, they accept its contract type, it pays the Real Living Wage if
 * they asked for that, and their right to work is valid on the start date. Then the score (0–100):
 * a clear DBS check (more on the update service, less when only applied for), starting on time (less
 * for each week late), hours near what they want (a zero-hours or bank post fits any), and driving to
 * visits (a licence and a car).
 */
export function fitOf(c: PoolCandidate, v: PoolVacancy): Fit | null {
  if (!c.rolesSought.includes(v.role)) return null;
  if (!c.localities.some((l) => sameLocality(l, v.locality))) return null;
  if (!c.contractTypes.includes(v.contractType)) return null;
  if (c.requiresRealLivingWage && !v.paysRealLivingWage) return null;
  const rtwValid = c.rightToWork.expiresOn === null || c.rightToWork.expiresOn >= v.startsOn;
  if (!rtwValid) return null;

  const dbsPart = c.dbs.status === 'clear' ? (c.dbs.onUpdateService ? 1 : 0.85) : c.dbs.status === 'applied' ? 0.4 : 0;
  const weeksLate = Math.max(0, Math.ceil(daysBetween(v.startsOn, c.earliestStart) / 7));
  const availabilityPart = Math.max(0, 1 - weeksLate / 8);
  let hours: HoursFit;
  let hoursPart: number;
  if (v.minutesPerWeek === 0) {
    hours = 'flexible';
    hoursPart = 0.8;
  } else {
    hoursPart = Math.min(v.minutesPerWeek, c.minutesPerWeek) / Math.max(v.minutesPerWeek, c.minutesPerWeek);
    hours = hoursPart >= 0.9 ? 'as-wanted' : v.minutesPerWeek > c.minutesPerWeek ? 'more-than-wanted' : 'fewer-than-wanted';
  }
  const drivesPart = c.drivingLicence && c.hasCar ? 1 : 0;
  const score = Math.round(
    SCORE_WEIGHTS.dbs * dbsPart +
      SCORE_WEIGHTS.availability * availabilityPart +
      SCORE_WEIGHTS.hours * hoursPart +
      SCORE_WEIGHTS.drives * drivesPart,
  );
  return { score, hours, availableByStart: weeksLate === 0, checksValidOnStart: rtwValid && c.dbs.status === 'clear' };
}

export interface Ranked<T> {
  item: T;
  fit: Fit;
  rank: number;
}

/** The candidates who fit a vacancy, best first (the earlier to join the pool first among equals), at most `limit`. */
export function rankCandidates(pool: PoolCandidate[], v: PoolVacancy, limit: number): Ranked<PoolCandidate>[] {
  return rank(
    pool.map((c) => ({ item: c, fit: fitOf(c, v) })),
    (a, b) => a.joinedPoolAt.getTime() - b.joinedPoolAt.getTime() || a.candidateId.localeCompare(b.candidateId),
    limit,
  );
}

/** The pooled vacancies a candidate fits, best first (the sooner start first among equals), at most `limit`. */
export function rankVacancies(c: PoolCandidate, vacancies: PoolVacancy[], limit: number): Ranked<PoolVacancy>[] {
  return rank(
    vacancies.map((v) => ({ item: v, fit: fitOf(c, v) })),
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.coopId.localeCompare(b.coopId) || a.vacancyId.localeCompare(b.vacancyId),
    limit,
  );
}

function rank<T>(scored: { item: T; fit: Fit | null }[], tieBreak: (a: T, b: T) => number, limit: number): Ranked<T>[] {
  return scored
    .filter((s): s is { item: T; fit: Fit } => s.fit !== null)
    .sort((a, b) => b.fit.score - a.fit.score || tieBreak(a.item, b.item))
    .slice(0, limit)
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

/** The coarse attributes a co-op may see of a candidate before consent, each withheld (null) when too rare. */
export interface ShownAttributes {
  dbs: DbsShown | null;
  drives: boolean | null;
  hoursBand: string | null;
  languages: string[] | null;
}

/** Hours a week wanted, in bands wide enough to say little. */
export function hoursBand(minutesPerWeek: number): string {
  const hours = minutesPerWeek / 60;
  if (hours < 16) return '1-15';
  if (hours < 31) return '16-30';
  return '31+';
}

export function dbsShown(c: Pick<PoolCandidate, 'dbs'>): DbsShown {
  if (c.dbs.status === 'clear') return c.dbs.onUpdateService ? 'clear-on-update-service' : 'clear';
  return c.dbs.status;
}

/**
 * What a co-op sees of each candidate who fits its vacancy, so that no combination singles anyone out
 * (k-anonymity, by local generalisation). The co-op already knows every one of them reaches its
 * locality and seeks its role, so the crowd each one must hide in is the candidates who fit the same
 * vacancy. A language is shown only if at least `k` of them speak it. Then, for each candidate, the
 * attributes are given up in order — languages, hours band, driving, DBS — until at least `k` of the
 * crowd share what is left shown; with fewer than `k` in the crowd, nothing is shown but the fit.
 */
export function shownAttributes(crowd: PoolCandidate[], k: number): Map<string, ShownAttributes> {
  const speakers = new Map<string, number>();
  for (const c of crowd) for (const l of new Set(c.languages.map(normaliseLanguage))) speakers.set(l, (speakers.get(l) ?? 0) + 1);
  const common = (c: PoolCandidate) => [...new Set(c.languages.map(normaliseLanguage))].filter((l) => (speakers.get(l) ?? 0) >= k).sort();
  const full = (c: PoolCandidate): ShownAttributes => ({
    dbs: dbsShown(c),
    drives: c.drivingLicence && c.hasCar,
    hoursBand: hoursBand(c.minutesPerWeek),
    languages: common(c),
  });
  const levels: ((a: ShownAttributes) => ShownAttributes)[] = [
    (a) => a,
    (a) => ({ ...a, languages: null }),
    (a) => ({ ...a, languages: null, hoursBand: null }),
    (a) => ({ ...a, languages: null, hoursBand: null, drives: null }),
    () => ({ dbs: null, drives: null, hoursBand: null, languages: null }),
  ];
  const keyOf = (a: ShownAttributes) => JSON.stringify([a.dbs, a.drives, a.hoursBand, a.languages]);
  const classSizes = levels.map((level) => {
    const sizes = new Map<string, number>();
    for (const c of crowd) {
      const key = keyOf(level(full(c)));
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    return sizes;
  });
  const shown = new Map<string, ShownAttributes>();
  for (const c of crowd) {
    const whole = full(c);
    const level = levels.findIndex((generalise, i) => (classSizes[i].get(keyOf(generalise(whole))) ?? 0) >= k);
    shown.set(c.candidateId, levels[level === -1 ? levels.length - 1 : level](whole));
  }
  return shown;
}

/** "english", " English " and "ENGLISH" are one language. */
export function normaliseLanguage(l: string): string {
  const t = l.trim().toLocaleLowerCase('en-GB');
  return t.charAt(0).toLocaleUpperCase('en-GB') + t.slice(1);
}
