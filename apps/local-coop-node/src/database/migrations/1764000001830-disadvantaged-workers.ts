import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a worker is a disadvantaged person in the sense of an Italian Type B social co-operative's
 * rule (Law 381/1991 art. 4: at least 30% of its workers). Special-category personal data: it stays
 * in this table, on this node; the return carries only the co-op's share. Existing staff start as
 * not disadvantaged, which is what the co-op had recorded (nothing) until the admin says otherwise.
 */
export class DisadvantagedWorkers1764000001830 implements MigrationInterface {
  name = 'DisadvantagedWorkers1764000001830';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff ADD COLUMN disadvantaged boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE staff DROP COLUMN disadvantaged');
  }
}
