import { pounds, ukDayOf, wordsOf } from '@app/web';

import type { HireRequestStaffView, PooledVacancyStaffView } from '../recruitment';
import { isSuppressed, PublishedFigure } from '../reporting';

/** How many vacancies and requests to hire the pool page lists, newest first. */
export const POOL_PAGE_SIZE = 200;

/** Minutes a week as hours: 2250 reads 37.5 hours. */
export function hoursPerWeek(minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** A count of people as the page shows it: the number, or "suppressed" (never 0) when disclosure control held it back. */
export function figureText(value: PublishedFigure | null): { text: string; suppressed: boolean } {
  if (value === null) return { text: 'none', suppressed: false };
  return isSuppressed(value) ? { text: 'suppressed', suppressed: true } : { text: String(value), suppressed: false };
}

/** The vacancies as staff read them on the page: grouped by co-op (by name), each co-op's newest first. */
export function vacanciesByCoop(vacancies: readonly PooledVacancyStaffView[]) {
  const groups = new Map<string, { coopId: string; coopName: string; vacancies: ReturnType<typeof vacancyRow>[] }>();
  for (const v of vacancies) {
    const group = groups.get(v.coopId) ?? { coopId: v.coopId, coopName: v.coopName, vacancies: [] };
    group.vacancies.push(vacancyRow(v));
    groups.set(v.coopId, group);
  }
  return [...groups.values()].sort((a, b) => a.coopName.localeCompare(b.coopName, 'en-GB') || a.coopId.localeCompare(b.coopId));
}

function vacancyRow(v: PooledVacancyStaffView) {
  const requests = Object.entries(v.requests)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  return {
    vacancyId: v.vacancyId,
    state: v.state,
    stateText: wordsOf(v.state),
    role: wordsOf(v.role),
    locality: v.locality,
    contract: wordsOf(v.contractType),
    hours: hoursPerWeek(v.minutesPerWeek),
    pay: `${pounds(v.hourlyPayPence)} an hour${v.paysRealLivingWage ? ' (Real Living Wage)' : ''}`,
    startsOn: v.startsOn,
    pooledOn: ukDayOf(v.firstPooledAt),
    requests: requests.length ? requests.join(', ') : 'none',
  };
}

/** A request to hire as the page lists it: the co-op's act, the vacancy's role and place, where it stands. Never the candidate. */
export function requestRow(r: HireRequestStaffView) {
  return {
    coopId: r.coopId,
    coopName: r.coopName,
    role: wordsOf(r.role),
    locality: r.locality,
    status: r.status,
    statusText: wordsOf(r.status),
    requestedOn: ukDayOf(r.requestedAt),
    answeredOn: ukDayOf(r.answeredAt),
    hiredOn: ukDayOf(r.hiredAt),
  };
}
