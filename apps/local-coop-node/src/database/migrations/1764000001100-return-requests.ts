import { MigrationInterface, QueryRunner } from 'typeorm';

/** The hub's requests for returns, and each return this node sent (its outbox row says if it was accepted). */
export class ReturnRequests1764000001100 implements MigrationInterface {
  name = 'ReturnRequests1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE return_request (
        cycle_id uuid PRIMARY KEY,
        definition_id text NOT NULL,
        definition_version int NOT NULL,
        period_label text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE return_sent (
        message_id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_return_sent_request REFERENCES return_request (cycle_id),
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE return_sent');
    await q.query('DROP TABLE return_request');
  }
}
