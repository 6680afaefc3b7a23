import { MigrationInterface, QueryRunner } from 'typeorm';

/** People supported, their co-designed care plans and goals, and the visits that deliver their care. */
export class Care1764000000700 implements MigrationInterface {
  name = 'Care1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_user (
        id uuid PRIMARY KEY,
        full_name text NOT NULL CONSTRAINT ck_service_user_name CHECK (length(full_name) BETWEEN 1 AND 120),
        date_of_birth date NOT NULL,
        address text NOT NULL CONSTRAINT ck_service_user_address CHECK (length(address) BETWEEN 1 AND 300),
        locality text NOT NULL CONSTRAINT ck_service_user_locality CHECK (length(locality) BETWEEN 2 AND 80),
        funding_type text NOT NULL
          CONSTRAINT ck_service_user_funding CHECK (funding_type IN ('council-commissioned', 'direct-payment', 'individual-service-fund', 'self-funder')),
        started_on date NOT NULL,
        ended_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_service_user_born_before_start CHECK (date_of_birth <= started_on),
        CONSTRAINT ck_service_user_ended CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query('CREATE INDEX ix_service_user_support ON service_user (started_on, ended_on)');
    await q.query(`
      CREATE TABLE care_plan (
        id uuid PRIMARY KEY,
        service_user_id uuid NOT NULL CONSTRAINT fk_care_plan_service_user REFERENCES service_user (id),
        agreed_on date NOT NULL,
        review_due_on date NOT NULL,
        reviewed_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_care_plan_review_due CHECK (review_due_on > agreed_on),
        CONSTRAINT ck_care_plan_reviewed CHECK (reviewed_on IS NULL OR reviewed_on >= agreed_on)
      )`);
    await q.query('CREATE INDEX ix_care_plan_service_user ON care_plan (service_user_id, agreed_on)');
    await q.query('CREATE INDEX ix_care_plan_reviewed ON care_plan (reviewed_on) WHERE reviewed_on IS NOT NULL');
    // Scores are the Canadian Occupational Performance Measure's: 1 (worst) to 10 (best).
    await q.query(`
      CREATE TABLE care_goal (
        id uuid PRIMARY KEY,
        care_plan_id uuid NOT NULL CONSTRAINT fk_care_goal_plan REFERENCES care_plan (id),
        position int NOT NULL CONSTRAINT ck_care_goal_position CHECK (position >= 1),
        description text NOT NULL CONSTRAINT ck_care_goal_description CHECK (length(description) BETWEEN 1 AND 500),
        performance_at_start int NOT NULL CONSTRAINT ck_care_goal_performance_start CHECK (performance_at_start BETWEEN 1 AND 10),
        satisfaction_at_start int NOT NULL CONSTRAINT ck_care_goal_satisfaction_start CHECK (satisfaction_at_start BETWEEN 1 AND 10),
        performance_at_review int CONSTRAINT ck_care_goal_performance_review CHECK (performance_at_review BETWEEN 1 AND 10),
        satisfaction_at_review int CONSTRAINT ck_care_goal_satisfaction_review CHECK (satisfaction_at_review BETWEEN 1 AND 10),
        CONSTRAINT ck_care_goal_review_scores CHECK ((performance_at_review IS NULL) = (satisfaction_at_review IS NULL)),
        CONSTRAINT uq_care_goal_position UNIQUE (care_plan_id, position)
      )`);
    await q.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY,
        service_user_id uuid NOT NULL CONSTRAINT fk_visit_service_user REFERENCES service_user (id),
        carer_id uuid NOT NULL CONSTRAINT fk_visit_carer REFERENCES staff (id),
        service_type text NOT NULL
          CONSTRAINT ck_visit_service_type
          CHECK (service_type IN ('personal-care', 'domestic-help', 'gardening', 'transport', 'befriending', 'meals-and-shopping', 'advocacy')),
        planned_start timestamptz NOT NULL,
        planned_minutes int NOT NULL CONSTRAINT ck_visit_planned_minutes CHECK (planned_minutes BETWEEN 1 AND 1440),
        status text NOT NULL DEFAULT 'planned' CONSTRAINT ck_visit_status CHECK (status IN ('planned', 'delivered', 'missed', 'cancelled')),
        delivered_minutes int,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_visit_delivered_minutes CHECK (
          CASE WHEN status = 'delivered' THEN delivered_minutes IS NOT NULL AND delivered_minutes BETWEEN 1 AND 1440
               ELSE delivered_minutes IS NULL END)
      )`);
    await q.query('CREATE INDEX ix_visit_planned_start ON visit (planned_start)');
    await q.query('CREATE INDEX ix_visit_service_user ON visit (service_user_id, planned_start)');
    await q.query('CREATE INDEX ix_visit_carer ON visit (carer_id, planned_start)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE visit');
    await q.query('DROP TABLE care_goal');
    await q.query('DROP TABLE care_plan');
    await q.query('DROP TABLE service_user');
  }
}
