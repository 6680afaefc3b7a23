import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hub last said of this co-op's return for a cycle: approved, or sent back with consortium
 * staff's comment, and which return (the message this node sent) the review was about.
 */
export class ReturnReview1764000001200 implements MigrationInterface {
  name = 'ReturnReview1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE return_request
        ADD COLUMN review_state text CONSTRAINT ck_return_request_review_state CHECK (review_state IN ('approved', 'sent-back')),
        ADD COLUMN review_comment text,
        ADD COLUMN reviewed_message_id uuid CONSTRAINT fk_return_request_reviewed_return REFERENCES return_sent (message_id),
        ADD COLUMN reviewed_at timestamptz,
        ADD CONSTRAINT ck_return_request_review_whole CHECK (
          (review_state IS NULL AND reviewed_message_id IS NULL AND reviewed_at IS NULL AND review_comment IS NULL)
          OR (review_state IS NOT NULL AND reviewed_message_id IS NOT NULL AND reviewed_at IS NOT NULL)),
        ADD CONSTRAINT ck_return_request_sent_back_says_why CHECK (review_state IS DISTINCT FROM 'sent-back' OR review_comment IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE return_request
        DROP CONSTRAINT ck_return_request_sent_back_says_why,
        DROP CONSTRAINT ck_return_request_review_whole,
        DROP COLUMN reviewed_at,
        DROP COLUMN reviewed_message_id,
        DROP COLUMN review_comment,
        DROP COLUMN review_state`);
  }
}
