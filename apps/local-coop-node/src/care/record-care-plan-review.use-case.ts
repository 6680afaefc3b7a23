import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { reviewViolation } from './care.rules';
import { CarePlanQueries } from './care-plan.queries';
import { CarePlanStore } from './care-plan.store';
import { CarePlanView, ReviewCarePlanDto } from './care-plans.dto';

/** The person scores each goal again; whether it improved follows from the two sets of scores. */
@Injectable()
export class RecordCarePlanReview {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: CarePlanQueries,
    private readonly store: CarePlanStore,
  ) {}

  async execute(planId: string, dto: ReviewCarePlanDto): Promise<CarePlanView> {
    return this.dataSource.transaction(async (m) => {
      const { plan, goalIds } = await this.store.lockForReview(m, planId);
      const violation = reviewViolation(
        { agreedOn: plan.agreedOn, reviewedOn: plan.reviewedOn, goalIds },
        dto.reviewedOn,
        dto.goals.map((g) => g.goalId),
      );
      if (violation) throw CareErrors.rule(violation);
      for (const g of dto.goals) {
        await m.query('UPDATE care_goal SET performance_at_review = $2, satisfaction_at_review = $3 WHERE id = $1', [
          g.goalId,
          g.performance,
          g.satisfaction,
        ]);
      }
      await m.query('UPDATE care_plan SET reviewed_on = $2 WHERE id = $1', [planId, dto.reviewedOn]);
      return this.queries.get(planId, m);
    });
  }
}
