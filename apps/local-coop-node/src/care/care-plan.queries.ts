import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf } from '@app/platform';

import { CareErrors } from './care.errors';
import { countImproved, goalImproved } from './care.rules';
import { CarePlanView, GoalView, ListCarePlansQuery } from './care-plans.dto';

interface CarePlanRow {
  id: string;
  service_user_id: string;
  agreed_on: string;
  review_due_on: string;
  reviewed_on: string | null;
  created_at: Date;
}

interface CareGoalRow {
  id: string;
  care_plan_id: string;
  position: number;
  description: string | null;
  importance: number | null;
  performance_at_start: number;
  satisfaction_at_start: number;
  performance_at_review: number | null;
  satisfaction_at_review: number | null;
}

@Injectable()
export class CarePlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListCarePlansQuery): Promise<Page<CarePlanView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.serviceUserId) where.push(`service_user_id = $${params.push(q.serviceUserId)}`);
    if (q.state === 'awaiting-review') where.push('reviewed_on IS NULL');
    if (q.state === 'reviewed') where.push('reviewed_on IS NOT NULL');
    if (q.reviewDueBy) where.push(`review_due_on <= $${params.push(q.reviewDueBy)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM care_plan ${clause}`, params);
    const plans: CarePlanRow[] = await this.dataSource.query(
      `SELECT * FROM care_plan ${clause} ORDER BY review_due_on, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const goals = await this.goalsOf(
      this.dataSource.manager,
      plans.map((p) => p.id),
    );
    return pageOf(
      plans.map((p) => toView(p, goals.get(p.id) ?? [])),
      total,
      q,
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CarePlanView> {
    const [plan]: CarePlanRow[] = await manager.query('SELECT * FROM care_plan WHERE id = $1', [id]);
    if (!plan) throw CareErrors.carePlanNotFound(id);
    return toView(plan, (await this.goalsOf(manager, [id])).get(id) ?? []);
  }

  /** Every plan agreed with the person, oldest first, with its goals: for their data export. */
  async allOf(manager: EntityManager, serviceUserId: string): Promise<CarePlanView[]> {
    const plans: CarePlanRow[] = await manager.query('SELECT * FROM care_plan WHERE service_user_id = $1 ORDER BY agreed_on, id', [
      serviceUserId,
    ]);
    const goals = await this.goalsOf(
      manager,
      plans.map((p) => p.id),
    );
    return plans.map((p) => toView(p, goals.get(p.id) ?? []));
  }

  private async goalsOf(manager: EntityManager, planIds: string[]): Promise<Map<string, GoalView[]>> {
    const byPlan = new Map<string, GoalView[]>();
    if (planIds.length === 0) return byPlan;
    const rows: CareGoalRow[] = await manager.query(
      'SELECT * FROM care_goal WHERE care_plan_id = ANY($1::uuid[]) ORDER BY care_plan_id, position',
      [planIds],
    );
    for (const r of rows) {
      const list = byPlan.get(r.care_plan_id) ?? [];
      list.push(toGoalView(r));
      byPlan.set(r.care_plan_id, list);
    }
    return byPlan;
  }
}

function toGoalView(r: CareGoalRow): GoalView {
  const scores = {
    performanceAtStart: r.performance_at_start,
    satisfactionAtStart: r.satisfaction_at_start,
    performanceAtReview: r.performance_at_review,
    satisfactionAtReview: r.satisfaction_at_review,
  };
  return {
    id: r.id,
    position: r.position,
    description: r.description,
    importance: r.importance,
    ...scores,
    improved: goalImproved(scores),
  };
}

function toView(r: CarePlanRow, goals: GoalView[]): CarePlanView {
  return {
    id: r.id,
    serviceUserId: r.service_user_id,
    agreedOn: r.agreed_on,
    reviewDueOn: r.review_due_on,
    reviewedOn: r.reviewed_on,
    goals,
    goalsImproved: r.reviewed_on ? countImproved(goals) : null,
  };
}
