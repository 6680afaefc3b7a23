import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenders run by their dates, as procurement law runs them: an enquiry period (questions from the
 * invited co-ops, answers shared with all of them, the asker not named), a deadline per lot, and the
 * Procurement Act 2023's standstill after the award decision, with any challenge recorded during it.
 * Contracts are held on the hub until the standstill ends (released_at says when each went to its
 * node); the contracts of tenders awarded before this change had already gone, so they count as
 * released then, and those tenders as final when they were decided.
 */
export class TenderStages1764000001000 implements MigrationInterface {
  name = 'TenderStages1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tender
        ADD COLUMN enquiry_starts_at timestamptz,
        ADD COLUMN enquiry_ends_at timestamptz,
        ADD COLUMN enquiries_closed_at timestamptz,
        ADD COLUMN standstill_ends_at timestamptz,
        ADD COLUMN standstill_last_day date,
        ADD COLUMN final_at timestamptz`);
    await q.query('ALTER TABLE tender DROP CONSTRAINT ck_tender_stage, DROP CONSTRAINT ck_tender_offers_closed');
    await q.query('ALTER TABLE tender DROP CONSTRAINT ck_tender_submitted, DROP CONSTRAINT ck_tender_decided');
    await q.query(`
      ALTER TABLE tender
        ADD CONSTRAINT ck_tender_stage CHECK (stage IN ('draft', 'inviting', 'assembling', 'submitted', 'standstill', 'awarded', 'lost', 'cancelled')),
        ADD CONSTRAINT ck_tender_offers_closed CHECK (stage NOT IN ('assembling', 'submitted', 'standstill', 'awarded', 'lost') OR offers_closed_at IS NOT NULL),
        ADD CONSTRAINT ck_tender_submitted CHECK (stage NOT IN ('submitted', 'standstill', 'awarded', 'lost') OR submitted_at IS NOT NULL),
        ADD CONSTRAINT ck_tender_decided CHECK ((stage IN ('standstill', 'awarded', 'lost')) = (decided_at IS NOT NULL)),
        ADD CONSTRAINT ck_tender_standstill CHECK (stage <> 'standstill' OR standstill_ends_at IS NOT NULL),
        ADD CONSTRAINT ck_tender_enquiry_period CHECK (
          (enquiry_ends_at IS NULL AND enquiry_starts_at IS NULL)
          OR (enquiry_ends_at <= deadline AND (enquiry_starts_at IS NULL OR enquiry_starts_at < enquiry_ends_at)))`);
    await q.query(`UPDATE tender SET final_at = decided_at WHERE stage = 'awarded'`);
    await q.query("CREATE INDEX ix_tender_standstill_end ON tender (standstill_ends_at) WHERE stage = 'standstill'");
    await q.query(
      'CREATE INDEX ix_tender_enquiry_end ON tender (enquiry_ends_at) WHERE enquiries_closed_at IS NULL AND enquiry_ends_at IS NOT NULL',
    );

    await q.query('ALTER TABLE tender_lot ADD COLUMN deadline timestamptz, ADD COLUMN offers_closed_at timestamptz');
    await q.query('CREATE INDEX ix_lot_deadline ON tender_lot (deadline) WHERE offers_closed_at IS NULL AND deadline IS NOT NULL');

    await q.query('ALTER TABLE tender_contract ADD COLUMN released_at timestamptz');
    await q.query('UPDATE tender_contract SET released_at = created_at');

    // A question from an invited co-op, under the id its node gave it, and the staff's answer.
    await q.query(`
      CREATE TABLE tender_enquiry (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_enquiry_tender REFERENCES tender (id),
        lot_id uuid CONSTRAINT fk_enquiry_lot REFERENCES tender_lot (id),
        coop_id text NOT NULL CONSTRAINT fk_enquiry_coop REFERENCES coop (id),
        question text NOT NULL CONSTRAINT ck_enquiry_question CHECK (length(question) BETWEEN 5 AND 2000),
        asked_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        answer text CONSTRAINT ck_enquiry_answer CHECK (length(answer) BETWEEN 2 AND 4000),
        answered_at timestamptz,
        answered_by text,
        CONSTRAINT ck_enquiry_answered CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
      )`);
    await q.query('CREATE INDEX ix_enquiry_tender ON tender_enquiry (tender_id, asked_at)');
    // Which co-op has been sent which answered enquiry: each goes to each invited co-op once.
    await q.query(`
      CREATE TABLE tender_enquiry_shared (
        enquiry_id uuid NOT NULL CONSTRAINT fk_enquiry_shared_enquiry REFERENCES tender_enquiry (id),
        coop_id text NOT NULL CONSTRAINT fk_enquiry_shared_coop REFERENCES coop (id),
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enquiry_id, coop_id)
      )`);
    // A challenge to the award decision during the standstill: who (an organisation), when, on what
    // grounds, and the outcome staff record. An open one holds the contracts.
    await q.query(`
      CREATE TABLE tender_challenge (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_challenge_tender REFERENCES tender (id),
        challenger text NOT NULL CONSTRAINT ck_challenge_challenger CHECK (length(challenger) BETWEEN 2 AND 200),
        made_at timestamptz NOT NULL,
        grounds text NOT NULL CONSTRAINT ck_challenge_grounds CHECK (length(grounds) BETWEEN 5 AND 4000),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        outcome text CONSTRAINT ck_challenge_outcome CHECK (outcome IN ('dismissed', 'withdrawn', 'upheld')),
        outcome_note text CONSTRAINT ck_challenge_outcome_note CHECK (length(outcome_note) BETWEEN 2 AND 2000),
        outcome_at timestamptz,
        outcome_by text,
        CONSTRAINT ck_challenge_outcome_recorded CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (outcome IS NULL) = (outcome_by IS NULL))
      )`);
    await q.query('CREATE INDEX ix_challenge_tender ON tender_challenge (tender_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tender_challenge');
    await q.query('DROP TABLE tender_enquiry_shared');
    await q.query('DROP TABLE tender_enquiry');
    await q.query('ALTER TABLE tender_contract DROP COLUMN released_at');
    await q.query('DROP INDEX ix_lot_deadline');
    await q.query('ALTER TABLE tender_lot DROP COLUMN deadline, DROP COLUMN offers_closed_at');
    await q.query('DROP INDEX ix_tender_enquiry_end');
    await q.query('DROP INDEX ix_tender_standstill_end');
    await q.query(`UPDATE tender SET stage = 'awarded' WHERE stage = 'standstill'`);
    await q.query(
      'ALTER TABLE tender DROP CONSTRAINT ck_tender_enquiry_period, DROP CONSTRAINT ck_tender_standstill, DROP CONSTRAINT ck_tender_stage, DROP CONSTRAINT ck_tender_offers_closed, DROP CONSTRAINT ck_tender_submitted, DROP CONSTRAINT ck_tender_decided',
    );
    await q.query(`
      ALTER TABLE tender
        ADD CONSTRAINT ck_tender_stage CHECK (stage IN ('draft', 'inviting', 'assembling', 'submitted', 'awarded', 'lost', 'cancelled')),
        ADD CONSTRAINT ck_tender_offers_closed CHECK (stage NOT IN ('assembling', 'submitted', 'awarded', 'lost') OR offers_closed_at IS NOT NULL),
        ADD CONSTRAINT ck_tender_submitted CHECK (stage NOT IN ('submitted', 'awarded', 'lost') OR submitted_at IS NOT NULL),
        ADD CONSTRAINT ck_tender_decided CHECK ((stage IN ('awarded', 'lost')) = (decided_at IS NOT NULL))`);
    await q.query(
      'ALTER TABLE tender DROP COLUMN enquiry_starts_at, DROP COLUMN enquiry_ends_at, DROP COLUMN enquiries_closed_at, DROP COLUMN standstill_ends_at, DROP COLUMN standstill_last_day, DROP COLUMN final_at',
    );
  }
}
