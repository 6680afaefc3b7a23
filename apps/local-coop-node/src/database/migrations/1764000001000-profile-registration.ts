import { MigrationInterface, QueryRunner } from 'typeorm';

/** The profile's regulatory facts: the society's registration number and its CQC rating (both public). */
export class ProfileRegistration1764000001000 implements MigrationInterface {
  name = 'ProfileRegistration1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE coop_profile ADD COLUMN registration_number text CONSTRAINT ck_profile_registration CHECK (length(registration_number) BETWEEN 1 AND 40)`,
    );
    await q.query(
      `ALTER TABLE coop_profile ADD COLUMN cqc_rating text CONSTRAINT ck_profile_cqc CHECK (cqc_rating IN ('outstanding', 'good', 'requires-improvement', 'inadequate', 'not-yet-rated'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coop_profile DROP COLUMN cqc_rating');
    await q.query('ALTER TABLE coop_profile DROP COLUMN registration_number');
  }
}
