import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { carePlanDatesViolation } from './care.rules';
import { CarePlanQueries } from './care-plan.queries';
import { AgreeCarePlanDto, CarePlanView } from './care-plans.dto';
import { ServiceUserStore } from './service-user.store';

/** Records a care plan co-designed with the person: the goals they chose and how they score them today. */
@Injectable()
export class AgreeCarePlan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: CarePlanQueries,
    private readonly people: ServiceUserStore,
  ) {}

  async execute(serviceUserId: string, dto: AgreeCarePlanDto): Promise<CarePlanView> {
    const violation = carePlanDatesViolation(dto.agreedOn, dto.reviewDueOn);
    if (violation) throw CareErrors.invalid(violation);
    return this.dataSource.transaction(async (m) => {
      await this.people.supportOf(m, serviceUserId);
      const id = randomUUID();
      await m.query('INSERT INTO care_plan (id, service_user_id, agreed_on, review_due_on) VALUES ($1, $2, $3, $4)', [
        id,
        serviceUserId,
        dto.agreedOn,
        dto.reviewDueOn,
      ]);
      for (const [i, goal] of dto.goals.entries()) {
        await m.query(
          'INSERT INTO care_goal (id, care_plan_id, position, description, importance, performance_at_start, satisfaction_at_start) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [randomUUID(), id, i + 1, goal.description, goal.importance, goal.performanceAtStart, goal.satisfactionAtStart],
        );
      }
      return this.queries.get(id, m);
    });
  }
}
