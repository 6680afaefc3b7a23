import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CareErrors } from './care.errors';
import { CarePlan } from './care-plan.entity';

/** The care plan taken under a lock, for its review. */
@Injectable()
export class CarePlanStore {
  /** The plan and its goal ids, locked so that two reviews cannot both find it unreviewed. */
  async lockForReview(manager: EntityManager, id: string): Promise<{ plan: CarePlan; goalIds: string[] }> {
    const plan = await manager.findOne(CarePlan, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw CareErrors.carePlanNotFound(id);
    const rows: { id: string }[] = await manager.query('SELECT id FROM care_goal WHERE care_plan_id = $1', [id]);
    return { plan, goalIds: rows.map((r) => r.id) };
  }
}
