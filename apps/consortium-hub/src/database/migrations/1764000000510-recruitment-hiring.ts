import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pool at work: co-ops' pooled vacancies (a post's terms, never a name), the pseudonymous profile id
 * each co-op is shown for each candidate, co-ops' requests to hire and how each ended, the co-op's sealing
 * key, and what retention needs (when a candidate was reminded, how a candidate record ended).
 *
 * A request keeps its candidate only while the candidate's record has personal data: once the candidate is
 * hired (their application applied on the hiring node), erased or purged, `candidate_id` is cleared and the
 * request stays as a pseudonymous record that a request, a decline or a hire happened, so figures add up.
 */
export class RecruitmentHiring1764000000510 implements MigrationInterface {
  name = 'RecruitmentHiring1764000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coop ADD COLUMN sealing_key text CONSTRAINT ck_coop_sealing_key CHECK (sealing_key ~ '^X[A-Z2-7]{55}$')`);
    await q.query('ALTER TABLE candidate_application ADD COLUMN requires_real_living_wage boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE candidate ADD COLUMN reminded_at timestamptz');
    await q.query(
      `ALTER TABLE candidate ADD COLUMN ended_as text CONSTRAINT ck_candidate_ended_as CHECK (ended_as IN ('erased', 'purged', 'hired'))`,
    );
    await q.query("UPDATE candidate SET ended_as = 'erased' WHERE erased_at IS NOT NULL");
    await q.query(
      'ALTER TABLE candidate ADD CONSTRAINT ck_candidate_ended CHECK ((erased_at IS NULL AND ended_as IS NULL) OR (erased_at IS NOT NULL AND ended_as IS NOT NULL))',
    );
    await q.query('CREATE INDEX ix_candidate_last_active ON candidate (last_active_at) WHERE erased_at IS NULL');
    await q.query(`
      CREATE TABLE pooled_vacancy (
        coop_id text NOT NULL CONSTRAINT fk_pooled_vacancy_coop REFERENCES coop (id),
        vacancy_id uuid NOT NULL,
        revision int NOT NULL CONSTRAINT ck_pooled_vacancy_revision CHECK (revision >= 1),
        state text NOT NULL CONSTRAINT ck_pooled_vacancy_state CHECK (state IN ('pooled', 'unpooled', 'filled', 'withdrawn')),
        role text NOT NULL CONSTRAINT ck_pooled_vacancy_role CHECK (role IN ('care-worker', 'senior-carer', 'coordinator', 'manager', 'admin')),
        contract_type text NOT NULL CONSTRAINT ck_pooled_vacancy_contract CHECK (contract_type IN ('permanent', 'zero-hours', 'bank')),
        minutes_per_week int NOT NULL CONSTRAINT ck_pooled_vacancy_minutes CHECK (minutes_per_week BETWEEN 0 AND 6000),
        hourly_pay_pence int NOT NULL CONSTRAINT ck_pooled_vacancy_pay CHECK (hourly_pay_pence BETWEEN 1 AND 100000),
        pays_real_living_wage boolean NOT NULL,
        locality text NOT NULL CONSTRAINT ck_pooled_vacancy_locality CHECK (length(locality) BETWEEN 2 AND 80),
        starts_on date NOT NULL,
        first_pooled_at timestamptz NOT NULL,
        -- when the node made the revision held
        changed_at timestamptz NOT NULL,
        closed_at timestamptz,
        CONSTRAINT pk_pooled_vacancy PRIMARY KEY (coop_id, vacancy_id)
      )`);
    await q.query("CREATE INDEX ix_pooled_vacancy_open ON pooled_vacancy (role, locality) WHERE state = 'pooled'");
    await q.query(`
      CREATE TABLE pool_profile (
        candidate_id uuid NOT NULL CONSTRAINT fk_pool_profile_candidate REFERENCES candidate (id),
        coop_id text NOT NULL CONSTRAINT fk_pool_profile_coop REFERENCES coop (id),
        profile_id uuid NOT NULL CONSTRAINT ux_pool_profile_id UNIQUE,
        CONSTRAINT pk_pool_profile PRIMARY KEY (candidate_id, coop_id)
      )`);
    await q.query(`
      CREATE TABLE hire_request (
        id uuid PRIMARY KEY,
        coop_id text NOT NULL,
        vacancy_id uuid NOT NULL,
        -- null once the candidate's record holds no personal data (hired, erased or purged)
        candidate_id uuid CONSTRAINT fk_hire_request_candidate REFERENCES candidate (id),
        status text NOT NULL CONSTRAINT ck_hire_request_status CHECK (status IN ('waiting', 'accepted', 'hired', 'declined', 'withdrawn', 'closed')),
        -- for figures: the vacancy's role and locality, and the candidate's month of joining the pool
        role text NOT NULL,
        locality text NOT NULL,
        requested_at timestamptz NOT NULL,
        answered_at timestamptz,
        -- the sealed application's outbox message, and when the node's receipt said applied
        application_message_id uuid,
        hired_at timestamptz,
        CONSTRAINT fk_hire_request_vacancy FOREIGN KEY (coop_id, vacancy_id) REFERENCES pooled_vacancy (coop_id, vacancy_id),
        CONSTRAINT ck_hire_request_answered CHECK ((status = 'waiting') = (answered_at IS NULL)),
        CONSTRAINT ck_hire_request_hired CHECK ((status = 'hired') = (hired_at IS NOT NULL)),
        CONSTRAINT ck_hire_request_sent CHECK (status NOT IN ('accepted', 'hired') OR application_message_id IS NOT NULL)
      )`);
    await q.query('CREATE INDEX ix_hire_request_candidate ON hire_request (candidate_id) WHERE candidate_id IS NOT NULL');
    await q.query('CREATE INDEX ix_hire_request_vacancy ON hire_request (coop_id, vacancy_id)');
    await q.query(
      "CREATE UNIQUE INDEX ux_hire_request_waiting ON hire_request (coop_id, candidate_id) WHERE status = 'waiting' AND candidate_id IS NOT NULL",
    );
    await q.query(
      'CREATE UNIQUE INDEX ux_hire_request_message ON hire_request (application_message_id) WHERE application_message_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hire_request');
    await q.query('DROP TABLE pool_profile');
    await q.query('DROP TABLE pooled_vacancy');
    await q.query('DROP INDEX ix_candidate_last_active');
    await q.query('ALTER TABLE candidate DROP CONSTRAINT ck_candidate_ended');
    await q.query('ALTER TABLE candidate DROP COLUMN ended_as');
    await q.query('ALTER TABLE candidate DROP COLUMN reminded_at');
    await q.query('ALTER TABLE candidate_application DROP COLUMN requires_real_living_wage');
    await q.query('ALTER TABLE coop DROP COLUMN sealing_key');
  }
}
