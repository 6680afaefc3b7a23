import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'community-meetings', 'steering-group', 'model-rules-adopted', 'registered', 'community-share-offer',
  'cqc-registration', 'first-board-elected', 'first-staff', 'first-person-supported', 'trading'`;

/**
 * Strawberry-patch onboarding: each spin-off's journey (its sponsor, runner and targets), every stage
 * closed or reopened with its evidence or reason (the history is never rewritten: the current state of a
 * stage is its latest event), the sponsor's templates for it, single-use join tokens (a hash only), and
 * the registry's status history (the note given with a change is kept).
 */
export class Onboarding1764000000600 implements MigrationInterface {
  name = 'Onboarding1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coop_status_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        coop_id text NOT NULL CONSTRAINT fk_status_change_coop REFERENCES coop (id),
        from_status text,
        to_status text NOT NULL,
        note text CONSTRAINT ck_status_change_note CHECK (length(note) <= 500),
        -- who: a staff member's subject, 'journey' when a stage moved it, 'provision' or 'join'
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_status_change_coop ON coop_status_change (coop_id, changed_at)');
    await q.query(`
      CREATE TABLE onboarding_journey (
        id uuid PRIMARY KEY,
        coop_id text NOT NULL CONSTRAINT ux_journey_coop UNIQUE CONSTRAINT fk_journey_coop REFERENCES coop (id),
        sponsor_coop_id text NOT NULL CONSTRAINT fk_journey_sponsor REFERENCES coop (id),
        -- 'coop:<sponsor>' when the sponsor's node proposed it, or the staff member's subject
        proposed_by text NOT NULL,
        proposal_message_id uuid CONSTRAINT ux_journey_proposal UNIQUE,
        runner jsonb NOT NULL,
        registered_by date,
        trading_by date,
        started_at timestamptz NOT NULL,
        CONSTRAINT ck_journey_not_own_sponsor CHECK (coop_id <> sponsor_coop_id)
      )`);
    await q.query('CREATE INDEX ix_journey_sponsor ON onboarding_journey (sponsor_coop_id, started_at)');
    await q.query(`
      CREATE TABLE onboarding_stage_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        journey_id uuid NOT NULL CONSTRAINT fk_stage_event_journey REFERENCES onboarding_journey (id),
        stage text NOT NULL CONSTRAINT ck_stage_event_stage CHECK (stage IN (${STAGES})),
        action text NOT NULL CONSTRAINT ck_stage_event_action CHECK (action IN ('closed', 'reopened')),
        -- closed: the evidence (what, a reference, its date); reopened: the reason
        evidence_what text CONSTRAINT ck_stage_event_what CHECK (length(evidence_what) BETWEEN 2 AND 500),
        evidence_reference text CONSTRAINT ck_stage_event_reference CHECK (length(evidence_reference) BETWEEN 1 AND 200),
        evidence_date date,
        reason text CONSTRAINT ck_stage_event_reason CHECK (length(reason) BETWEEN 2 AND 500),
        by_whom text NOT NULL,
        at timestamptz NOT NULL,
        CONSTRAINT ck_stage_event_shape CHECK (
          (action = 'closed' AND evidence_what IS NOT NULL AND evidence_reference IS NOT NULL AND evidence_date IS NOT NULL AND reason IS NULL)
          OR (action = 'reopened' AND reason IS NOT NULL AND evidence_what IS NULL AND evidence_reference IS NULL AND evidence_date IS NULL))
      )`);
    await q.query('CREATE INDEX ix_stage_event_journey ON onboarding_stage_event (journey_id, stage, id)');
    await q.query(`
      CREATE TABLE onboarding_template (
        journey_id uuid PRIMARY KEY CONSTRAINT fk_template_journey REFERENCES onboarding_journey (id),
        rulebook jsonb NOT NULL,
        policies jsonb NOT NULL,
        message_id uuid NOT NULL,
        shared_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE join_token (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL CONSTRAINT fk_join_token_journey REFERENCES onboarding_journey (id),
        coop_id text NOT NULL CONSTRAINT fk_join_token_coop REFERENCES coop (id),
        -- sha256 of the token: the token itself is shown once, to the staff member who issued it
        token_sha256 char(64) NOT NULL CONSTRAINT ux_join_token_hash UNIQUE,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT ck_join_token_expiry CHECK (expires_at > issued_at)
      )`);
    await q.query('CREATE INDEX ix_join_token_journey ON join_token (journey_id, issued_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE join_token');
    await q.query('DROP TABLE onboarding_template');
    await q.query('DROP TABLE onboarding_stage_event');
    await q.query('DROP TABLE onboarding_journey');
    await q.query('DROP TABLE coop_status_change');
  }
}
