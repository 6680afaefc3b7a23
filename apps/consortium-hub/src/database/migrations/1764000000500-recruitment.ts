import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recruitment pool's first tables: candidates (an erased one stays as a tombstone with no personal
 * data: its id, the month it signed up, when it was erased), the one-time sign-in codes (a salted hash
 * only, one per address), each sign-in, the application, and consents with the wording version shown.
 * Consent is one table for every kind: 'pool' now, 'hire' (a co-op's request to hire) in a later slice.
 */
export class Recruitment1764000000500 implements MigrationInterface {
  name = 'Recruitment1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate (
        id uuid PRIMARY KEY,
        -- lower-cased; null once erased
        email text CONSTRAINT ck_candidate_email CHECK (length(email) BETWEEN 3 AND 254),
        signed_up_month text NOT NULL CONSTRAINT ck_candidate_signed_up_month CHECK (signed_up_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        signed_up_at timestamptz,
        last_active_at timestamptz,
        erased_at timestamptz,
        CONSTRAINT ck_candidate_erased CHECK (
          (erased_at IS NULL AND email IS NOT NULL AND signed_up_at IS NOT NULL AND last_active_at IS NOT NULL)
          OR (erased_at IS NOT NULL AND email IS NULL AND signed_up_at IS NULL AND last_active_at IS NULL))
      )`);
    await q.query('CREATE UNIQUE INDEX ux_candidate_email ON candidate (email) WHERE erased_at IS NULL');
    await q.query(`
      CREATE TABLE candidate_sign_in_code (
        email text PRIMARY KEY CONSTRAINT ck_sign_in_code_email CHECK (length(email) BETWEEN 3 AND 254),
        salt text NOT NULL,
        code_hash text NOT NULL,
        requested_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_tries int NOT NULL DEFAULT 0 CONSTRAINT ck_sign_in_code_tries CHECK (failed_tries BETWEEN 0 AND 5),
        used_at timestamptz,
        CONSTRAINT ck_sign_in_code_expiry CHECK (expires_at > requested_at)
      )`);
    await q.query(`
      CREATE TABLE candidate_sign_in (
        id uuid PRIMARY KEY,
        candidate_id uuid NOT NULL CONSTRAINT fk_candidate_sign_in_candidate REFERENCES candidate (id),
        signed_in_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_candidate_sign_in_candidate ON candidate_sign_in (candidate_id, signed_in_at)');
    await q.query(`
      CREATE TABLE candidate_application (
        candidate_id uuid PRIMARY KEY CONSTRAINT fk_candidate_application_candidate REFERENCES candidate (id),
        full_name text NOT NULL CONSTRAINT ck_application_full_name CHECK (length(full_name) BETWEEN 2 AND 120),
        phone text NOT NULL CONSTRAINT ck_application_phone CHECK (length(phone) BETWEEN 6 AND 30),
        localities text[] NOT NULL CONSTRAINT ck_application_localities CHECK (cardinality(localities) BETWEEN 1 AND 20),
        roles_sought text[] NOT NULL CONSTRAINT ck_application_roles CHECK (
          cardinality(roles_sought) BETWEEN 1 AND 5
          AND roles_sought <@ ARRAY['care-worker', 'senior-carer', 'coordinator', 'manager', 'admin']),
        minutes_per_week int NOT NULL CONSTRAINT ck_application_minutes CHECK (minutes_per_week BETWEEN 60 AND 3600),
        contract_types text[] NOT NULL CONSTRAINT ck_application_contract_types CHECK (
          cardinality(contract_types) BETWEEN 1 AND 3 AND contract_types <@ ARRAY['permanent', 'zero-hours', 'bank']),
        earliest_start date NOT NULL,
        right_to_work_evidence text NOT NULL CONSTRAINT ck_application_rtw_evidence CHECK (
          right_to_work_evidence IN ('british-or-irish-passport', 'share-code', 'biometric-residence-permit', 'birth-certificate-and-ni', 'other-document')),
        -- null: no expiry (indefinite leave, a British or Irish citizen)
        right_to_work_expires_on date,
        dbs_status text NOT NULL CONSTRAINT ck_application_dbs_status CHECK (dbs_status IN ('none', 'applied', 'clear')),
        dbs_certificate_date date,
        dbs_update_service boolean,
        driving_licence boolean NOT NULL,
        has_car boolean NOT NULL,
        languages text[] NOT NULL CONSTRAINT ck_application_languages CHECK (cardinality(languages) BETWEEN 1 AND 10),
        statement text NOT NULL CONSTRAINT ck_application_statement CHECK (length(statement) <= 1000),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT ck_application_dbs_clear CHECK (
          (dbs_status = 'clear' AND dbs_certificate_date IS NOT NULL AND dbs_update_service IS NOT NULL)
          OR (dbs_status <> 'clear' AND dbs_certificate_date IS NULL AND dbs_update_service IS NULL))
      )`);
    await q.query(`
      CREATE TABLE candidate_consent (
        id uuid PRIMARY KEY,
        candidate_id uuid NOT NULL CONSTRAINT fk_candidate_consent_candidate REFERENCES candidate (id),
        kind text NOT NULL CONSTRAINT ck_candidate_consent_kind CHECK (kind IN ('pool', 'hire')),
        wording_version text NOT NULL CONSTRAINT ck_candidate_consent_version CHECK (length(wording_version) BETWEEN 1 AND 40),
        -- a hire consent (later slice): the co-op that asked and its request
        coop_id text,
        request_id uuid,
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        CONSTRAINT ck_candidate_consent_target CHECK (
          (kind = 'pool' AND coop_id IS NULL AND request_id IS NULL) OR (kind = 'hire' AND coop_id IS NOT NULL AND request_id IS NOT NULL)),
        CONSTRAINT ck_candidate_consent_withdrawn CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
      )`);
    await q.query(
      "CREATE UNIQUE INDEX ux_candidate_consent_pool ON candidate_consent (candidate_id) WHERE kind = 'pool' AND withdrawn_at IS NULL",
    );
    await q.query(
      "CREATE UNIQUE INDEX ux_candidate_consent_hire ON candidate_consent (candidate_id, request_id) WHERE kind = 'hire' AND withdrawn_at IS NULL",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE candidate_consent');
    await q.query('DROP TABLE candidate_application');
    await q.query('DROP TABLE candidate_sign_in');
    await q.query('DROP TABLE candidate_sign_in_code');
    await q.query('DROP TABLE candidate');
  }
}
