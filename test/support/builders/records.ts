import type { GoalDto } from '../../../apps/local-coop-node/src/care/care-plans.dto';
import type { RecordSafeguardingConcernDto } from '../../../apps/local-coop-node/src/care/safeguarding-concerns.dto';

/** One goal of what `POST /service-users/:id/care-plans` accepts: important to the person, scored low at the start. */
export type GoalBody = GoalDto;

export function aGoal(overrides: Partial<GoalBody> = {}): GoalBody {
  return { description: 'Walk to the shop on my own', importance: 8, performanceAtStart: 4, satisfactionAtStart: 4, ...overrides };
}

/** What `POST /safeguarding-concerns` accepts: a concern of neglect raised on 1 June 2026, not referred; the person is the test's. */
export type SafeguardingConcernBody = RecordSafeguardingConcernDto;

export function aSafeguardingConcern(serviceUserId: string, overrides: Partial<SafeguardingConcernBody> = {}): SafeguardingConcernBody {
  return {
    serviceUserId,
    raisedOn: '2026-06-01',
    category: 'neglect-and-acts-of-omission',
    details: 'Found without food in the house on the morning visit',
    ...overrides,
  };
}
