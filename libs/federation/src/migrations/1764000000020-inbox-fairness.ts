import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the inbox needs to be fair and to count only real failures: how often the handler failed on
 * a message (JetStream's delivery count also counts messages put back for fairness or during a
 * database outage), and per sender and window a summary of refusals beyond the dead-letter budget,
 * so a flood is one row and not thousands.
 */
export class InboxFairness1764000000020 implements MigrationInterface {
  name = 'InboxFairness1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox_attempt (
        message_key text NOT NULL,
        failures int NOT NULL,
        last_error text NOT NULL,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inbox_attempt PRIMARY KEY (message_key),
        CONSTRAINT ck_inbox_attempt_failures CHECK (failures > 0)
      )`);
    await q.query(`
      CREATE TABLE dead_letter_summary (
        coop_id text NOT NULL,
        window_start timestamptz NOT NULL,
        suppressed int NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        sample_reason text NOT NULL,
        CONSTRAINT pk_dead_letter_summary PRIMARY KEY (coop_id, window_start),
        CONSTRAINT ck_dead_letter_summary_suppressed CHECK (suppressed > 0),
        CONSTRAINT ck_dead_letter_summary_seen CHECK (first_seen <= last_seen)
      )`);
    await q.query('CREATE INDEX ix_dead_letter_coop_created ON dead_letter (coop_id, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_dead_letter_coop_created');
    await q.query('DROP TABLE dead_letter_summary');
    await q.query('DROP TABLE inbox_attempt');
  }
}
