import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the retention job's purges, each a range on the time a row stops being needed, so a
 * batch of old rows is found without reading the whole table. The outbox's is partial: only settled
 * rows are ever purged.
 */
export class RetentionIndexes1764000000030 implements MigrationInterface {
  name = 'RetentionIndexes1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_outbox_settled ON outbox_message (settled_at) WHERE status IN ('confirmed', 'rejected')`);
    await q.query('CREATE INDEX ix_inbox_received ON inbox_message (received_at)');
    await q.query('CREATE INDEX ix_inbox_attempt_last_failed ON inbox_attempt (last_failed_at)');
    await q.query('CREATE INDEX ix_dead_letter_created ON dead_letter (created_at)');
    await q.query('CREATE INDEX ix_dead_letter_summary_window ON dead_letter_summary (window_start)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_dead_letter_summary_window');
    await q.query('DROP INDEX ix_dead_letter_created');
    await q.query('DROP INDEX ix_inbox_attempt_last_failed');
    await q.query('DROP INDEX ix_inbox_received');
    await q.query('DROP INDEX ix_outbox_settled');
  }
}
