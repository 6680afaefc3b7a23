import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return cycles and every submission received. A resubmission supersedes the one before it (which
 * is kept, with when it was superseded): exactly one current submission per co-op and cycle.
 */
export class ReturnCycles1764000000200 implements MigrationInterface {
  name = 'ReturnCycles1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE return_cycle (
        id uuid PRIMARY KEY,
        definition_id text NOT NULL,
        definition_version int NOT NULL,
        period_label text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        opened_by text NOT NULL,
        CONSTRAINT uq_return_cycle_period UNIQUE (definition_id, definition_version, period_label),
        CONSTRAINT ck_return_cycle_period CHECK (period_end >= period_start)
      )`);
    await q.query(`
      CREATE TABLE return_submission (
        message_id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_submission_cycle REFERENCES return_cycle (id),
        coop_id text NOT NULL CONSTRAINT fk_submission_coop REFERENCES coop (id),
        submitted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        figures jsonb NOT NULL,
        superseded_at timestamptz
      )`);
    await q.query('CREATE UNIQUE INDEX uq_submission_current ON return_submission (cycle_id, coop_id) WHERE superseded_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE return_submission');
    await q.query('DROP TABLE return_cycle');
  }
}
