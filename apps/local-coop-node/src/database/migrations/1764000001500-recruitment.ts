import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The node's part in the consortium's recruitment pool: which vacancies are in the pool (and the revision
 * last sent), the co-op's requests to hire a pool candidate and how each ended, and the applicants whose
 * sealed applications arrived — personal data from here on, held like staff records and never sent on.
 */
export class Recruitment1764000001500 implements MigrationInterface {
  name = 'Recruitment1764000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE vacancy ADD COLUMN pooled boolean NOT NULL DEFAULT false');
    await q.query(
      'ALTER TABLE vacancy ADD COLUMN pool_revision int NOT NULL DEFAULT 0 CONSTRAINT ck_vacancy_pool_revision CHECK (pool_revision >= 0)',
    );
    // When the post starts, as the pool shows it; set when the vacancy is first pooled.
    await q.query('ALTER TABLE vacancy ADD COLUMN starts_on date');
    await q.query('ALTER TABLE vacancy ADD CONSTRAINT ck_vacancy_pooled_start CHECK (NOT pooled OR starts_on IS NOT NULL)');
    await q.query(`
      CREATE TABLE hire_request (
        id uuid PRIMARY KEY,
        vacancy_id uuid NOT NULL CONSTRAINT fk_hire_request_vacancy REFERENCES vacancy (id),
        profile_id uuid NOT NULL,
        -- sent: waiting for the hub; waiting: the hub put it to the candidate; refused: the hub refused it (reason)
        status text NOT NULL CONSTRAINT ck_hire_request_status CHECK (
          status IN ('sent', 'waiting', 'refused', 'declined', 'withdrawn', 'closed', 'accepted')),
        reason text CONSTRAINT ck_hire_request_reason CHECK (length(reason) <= 2000),
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_hire_request_vacancy ON hire_request (vacancy_id, requested_at)');
    await q.query(`
      CREATE TABLE applicant (
        id uuid PRIMARY KEY,
        hire_request_id uuid NOT NULL CONSTRAINT ux_applicant_request UNIQUE CONSTRAINT fk_applicant_request REFERENCES hire_request (id),
        vacancy_id uuid NOT NULL CONSTRAINT fk_applicant_vacancy REFERENCES vacancy (id),
        full_name text NOT NULL CONSTRAINT ck_applicant_name CHECK (length(full_name) BETWEEN 1 AND 120),
        email text NOT NULL,
        phone text NOT NULL,
        -- the rest of the application as the candidate gave it (SealedApplicationV1 without name and contact)
        application jsonb NOT NULL,
        consent_wording_version text NOT NULL,
        consent_given_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'applicant' CONSTRAINT ck_applicant_status CHECK (status IN ('applicant', 'hired', 'not-hired')),
        staff_id uuid CONSTRAINT fk_applicant_staff REFERENCES staff (id),
        decided_at timestamptz,
        CONSTRAINT ck_applicant_hired CHECK ((status = 'hired') = (staff_id IS NOT NULL)),
        CONSTRAINT ck_applicant_decided CHECK ((status = 'applicant') = (decided_at IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE applicant');
    await q.query('DROP TABLE hire_request');
    await q.query('ALTER TABLE vacancy DROP CONSTRAINT ck_vacancy_pooled_start');
    await q.query('ALTER TABLE vacancy DROP COLUMN starts_on');
    await q.query('ALTER TABLE vacancy DROP COLUMN pool_revision');
    await q.query('ALTER TABLE vacancy DROP COLUMN pooled');
  }
}
