import type { CreatePackageRequestDto } from '../../../apps/consortium-hub/src/brokerage/brokerage.dto';
import type { AnswerRequestDto } from '../../../apps/local-coop-node/src/brokerage/brokerage.dto';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
let references = 0;

/** A council case reference no other test uses, e.g. KC-2027-00412-3. */
export function aCouncilReference(): string {
  references += 1;
  return `KC-${Date.now().toString(36).toUpperCase().slice(-5)}-${references}`;
}

/**
 * What `POST /brokerage/requests` accepts: 14 hours a week of personal care in Marsden, four visits
 * a day every day, single-handed, council-funded, starting in two days.
 */
export function aPackageRequest(overrides: Partial<CreatePackageRequestDto> = {}): CreatePackageRequestDto {
  return {
    councilReference: aCouncilReference(),
    locality: 'Marsden',
    serviceTypes: ['personal-care'],
    hoursPerWeek: 14,
    visitPattern: { visitsPerDay: 4, daysPerWeek: 7, timesOfDay: ['morning', 'lunchtime', 'teatime', 'evening'], carersPerVisit: 1 },
    startsOn: day(2),
    fundingType: 'council-commissioned',
    ...overrides,
  };
}

/** What `POST /brokerage/requests/:id/answer` accepts as an offer: every visit of the default request, from tomorrow. */
export function anOffer(overrides: Partial<AnswerRequestDto> = {}): AnswerRequestDto {
  return {
    answer: 'offer',
    canStartOn: day(1),
    timesOfDayCovered: ['morning', 'lunchtime', 'teatime', 'evening'],
    daysPerWeekCovered: 7,
    ...overrides,
  };
}

/** A decline for want of capacity. */
export function aDecline(overrides: Partial<AnswerRequestDto> = {}): AnswerRequestDto {
  return { answer: 'decline', declineReason: 'no-capacity', ...overrides };
}
