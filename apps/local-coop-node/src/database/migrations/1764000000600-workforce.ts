import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff with their contracts and pay, their training, and the co-op's vacancies. */
export class Workforce1764000000600 implements MigrationInterface {
  name = 'Workforce1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY,
        full_name text NOT NULL CONSTRAINT ck_staff_name CHECK (length(full_name) BETWEEN 1 AND 120),
        role text NOT NULL
          CONSTRAINT ck_staff_role CHECK (role IN ('care-worker', 'senior-carer', 'coordinator', 'manager', 'admin')),
        contract_type text NOT NULL CONSTRAINT ck_staff_contract_type CHECK (contract_type IN ('permanent', 'zero-hours', 'bank')),
        hourly_pay_pence int NOT NULL CONSTRAINT ck_staff_pay CHECK (hourly_pay_pence > 0),
        contracted_minutes_per_week int NOT NULL CONSTRAINT ck_staff_minutes CHECK (contracted_minutes_per_week BETWEEN 0 AND 6000),
        started_on date NOT NULL,
        left_on date,
        leaving_reason text,
        member_id uuid CONSTRAINT fk_staff_member REFERENCES member (id),
        locality text NOT NULL CONSTRAINT ck_staff_locality CHECK (length(locality) BETWEEN 2 AND 80),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_staff_permanent_hours CHECK (contract_type <> 'permanent' OR contracted_minutes_per_week > 0),
        CONSTRAINT ck_staff_leaving CHECK (left_on IS NULL OR left_on >= started_on),
        CONSTRAINT ck_staff_leaving_reason CHECK ((left_on IS NULL) = (leaving_reason IS NULL))
      )`);
    await q.query('CREATE INDEX ix_staff_employment ON staff (started_on, left_on)');
    await q.query('CREATE INDEX ix_staff_member ON staff (member_id) WHERE member_id IS NOT NULL');
    await q.query(`
      CREATE TABLE training_record (
        id uuid PRIMARY KEY,
        staff_id uuid NOT NULL CONSTRAINT fk_training_staff REFERENCES staff (id),
        course text NOT NULL CONSTRAINT ck_training_course CHECK (length(course) BETWEEN 1 AND 200),
        completed_on date NOT NULL,
        expires_on date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_training_expiry CHECK (expires_on IS NULL OR expires_on > completed_on)
      )`);
    await q.query('CREATE INDEX ix_training_staff ON training_record (staff_id, completed_on)');
    await q.query(`
      CREATE TABLE vacancy (
        id uuid PRIMARY KEY,
        role text NOT NULL
          CONSTRAINT ck_vacancy_role CHECK (role IN ('care-worker', 'senior-carer', 'coordinator', 'manager', 'admin')),
        contract_type text NOT NULL CONSTRAINT ck_vacancy_contract_type CHECK (contract_type IN ('permanent', 'zero-hours', 'bank')),
        minutes_per_week int NOT NULL CONSTRAINT ck_vacancy_minutes CHECK (minutes_per_week BETWEEN 0 AND 6000),
        hourly_pay_pence int NOT NULL CONSTRAINT ck_vacancy_pay CHECK (hourly_pay_pence > 0),
        locality text NOT NULL CONSTRAINT ck_vacancy_locality CHECK (length(locality) BETWEEN 2 AND 80),
        opened_on date NOT NULL,
        closed_on date,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck_vacancy_status CHECK (status IN ('open', 'filled', 'withdrawn')),
        CONSTRAINT ck_vacancy_permanent_hours CHECK (contract_type <> 'permanent' OR minutes_per_week > 0),
        CONSTRAINT ck_vacancy_closed CHECK ((status = 'open') = (closed_on IS NULL)),
        CONSTRAINT ck_vacancy_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    await q.query("CREATE INDEX ix_vacancy_open ON vacancy (opened_on) WHERE status = 'open'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE vacancy');
    await q.query('DROP TABLE training_record');
    await q.query('DROP TABLE staff');
  }
}
