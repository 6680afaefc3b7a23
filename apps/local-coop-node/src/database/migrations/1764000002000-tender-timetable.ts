import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tender's timetable on the node, as the hub's invitation (v2) gives it: the enquiry period and each
 * lot's own deadline; and the questions about the tender, this co-op's own (asked from here, `ours`)
 * and every answered one the hub shares with all the invited co-ops (who asked is never said).
 */
export class TenderTimetable1764000002000 implements MigrationInterface {
  name = 'TenderTimetable1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tender_invitation ADD COLUMN enquiry_starts_at timestamptz, ADD COLUMN enquiry_ends_at timestamptz');
    await q.query('ALTER TABLE tender_invited_lot ADD COLUMN deadline timestamptz');
    await q.query(`
      CREATE TABLE tender_enquiry (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL,
        lot_id uuid,
        question text NOT NULL CONSTRAINT ck_enquiry_question CHECK (length(question) BETWEEN 5 AND 2000),
        ours boolean NOT NULL,
        asked_at timestamptz,
        answer text CONSTRAINT ck_enquiry_answer CHECK (length(answer) BETWEEN 2 AND 4000),
        answered_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_enquiry_answered CHECK ((answer IS NULL) = (answered_at IS NULL)),
        CONSTRAINT ck_enquiry_ours_asked CHECK (NOT ours OR asked_at IS NOT NULL)
      )`);
    await q.query('CREATE INDEX ix_enquiry_tender ON tender_enquiry (tender_id, received_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tender_enquiry');
    await q.query('ALTER TABLE tender_invited_lot DROP COLUMN deadline');
    await q.query('ALTER TABLE tender_invitation DROP COLUMN enquiry_starts_at, DROP COLUMN enquiry_ends_at');
  }
}
