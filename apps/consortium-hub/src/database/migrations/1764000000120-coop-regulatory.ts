import { MigrationInterface, QueryRunner } from 'typeorm';

/** A member co-op's registration number and CQC rating, as its node reports them. */
export class CoopRegulatory1764000000120 implements MigrationInterface {
  name = 'CoopRegulatory1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coop ADD COLUMN registration_number text');
    await q.query(
      `ALTER TABLE coop ADD COLUMN cqc_rating text CONSTRAINT ck_coop_cqc CHECK (cqc_rating IN ('outstanding', 'good', 'requires-improvement', 'inadequate', 'not-yet-rated'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coop DROP COLUMN cqc_rating');
    await q.query('ALTER TABLE coop DROP COLUMN registration_number');
  }
}
