import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal goals as COPM means them: the importance (1 to 10) the person gives each goal when the plan
 * is agreed. Goals agreed before it was asked for keep none (null): nobody rated them, so no value is
 * made up for them.
 */
export class GoalImportance1764000001800 implements MigrationInterface {
  name = 'GoalImportance1764000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE care_goal ADD COLUMN importance int CONSTRAINT ck_care_goal_importance CHECK (importance BETWEEN 1 AND 10)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE care_goal DROP COLUMN importance');
  }
}
