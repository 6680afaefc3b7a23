import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message is dead-lettered once. JetStream redelivers a message whose ack was late (a busy
 * machine), and each redelivery used to add another row for the same bad message: the same bytes
 * on the same subject refused for the same reason are now one row.
 */
export class DeadLetterOnce1764000000010 implements MigrationInterface {
  name = 'DeadLetterOnce1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dead_letter d USING dead_letter e
                    WHERE d.content_sha256 = e.content_sha256 AND d.subject = e.subject AND d.reason = e.reason AND d.id > e.id`);
    await q.query('CREATE UNIQUE INDEX uq_dead_letter_once ON dead_letter (content_sha256, subject, reason)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_dead_letter_once');
  }
}
