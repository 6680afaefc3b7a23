import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-off and locking of return cycles. Every review is kept (the history of decisions); a co-op's
 * approved figures for a cycle are its current submission (superseded_at IS NULL) whose most recent
 * review, by reviewed_at and then id, is 'approved'. Exceptions let one co-op submit after the lock
 * until a given time.
 */
export class ReturnReview1764000000210 implements MigrationInterface {
  name = 'ReturnReview1764000000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE return_cycle
        ADD COLUMN lock_after_days int NOT NULL DEFAULT 14,
        ADD CONSTRAINT ck_return_cycle_lock_after_days CHECK (lock_after_days BETWEEN 0 AND 90)`);
    // Lets a review name its submission together with the cycle and co-op, so the two always agree.
    await q.query('ALTER TABLE return_submission ADD CONSTRAINT uq_submission_of_coop_cycle UNIQUE (message_id, cycle_id, coop_id)');
    await q.query(`
      CREATE TABLE return_review (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_review_cycle REFERENCES return_cycle (id),
        coop_id text NOT NULL CONSTRAINT fk_review_coop REFERENCES coop (id),
        message_id uuid NOT NULL CONSTRAINT fk_review_submission REFERENCES return_submission (message_id),
        decision text NOT NULL CONSTRAINT ck_review_decision CHECK (decision IN ('approved', 'sent-back')),
        comment text CONSTRAINT ck_review_comment_length CHECK (char_length(comment) BETWEEN 1 AND 2000),
        reviewed_by text NOT NULL,
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_review_submission_of_coop_cycle FOREIGN KEY (message_id, cycle_id, coop_id) REFERENCES return_submission (message_id, cycle_id, coop_id),
        CONSTRAINT ck_review_sent_back_says_why CHECK (decision <> 'sent-back' OR comment IS NOT NULL)
      )`);
    await q.query('CREATE INDEX ix_review_latest ON return_review (message_id, reviewed_at DESC, id DESC)');
    await q.query('CREATE INDEX ix_review_cycle ON return_review (cycle_id, coop_id)');
    await q.query(`
      CREATE TABLE return_exception (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_exception_cycle REFERENCES return_cycle (id),
        coop_id text NOT NULL CONSTRAINT fk_exception_coop REFERENCES coop (id),
        until timestamptz NOT NULL,
        reason text NOT NULL CONSTRAINT ck_exception_reason_length CHECK (char_length(reason) BETWEEN 1 AND 500),
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_exception_ends_after_grant CHECK (until > granted_at)
      )`);
    await q.query('CREATE INDEX ix_exception_cycle_coop ON return_exception (cycle_id, coop_id, until DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE return_exception');
    await q.query('DROP TABLE return_review');
    await q.query('ALTER TABLE return_submission DROP CONSTRAINT uq_submission_of_coop_cycle');
    await q.query('ALTER TABLE return_cycle DROP CONSTRAINT ck_return_cycle_lock_after_days, DROP COLUMN lock_after_days');
  }
}
