import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, inbox and dead-letter tables: the same on the hub and on every node. */
export class FederationTables1764000000000 implements MigrationInterface {
  name = 'FederationTables1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        type text NOT NULL,
        version int NOT NULL,
        coop_id text NOT NULL,
        envelope jsonb NOT NULL,
        needs_receipt boolean NOT NULL,
        status text NOT NULL CONSTRAINT ck_outbox_status CHECK (status IN ('pending', 'published', 'confirmed', 'rejected')),
        attempts int NOT NULL DEFAULT 0 CONSTRAINT ck_outbox_attempts CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        settled_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_outbox_settled CHECK ((status IN ('confirmed', 'rejected')) = (settled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_outbox_due ON outbox_message (next_attempt_at) WHERE status IN ('pending', 'published')`);
    await q.query(`CREATE INDEX ix_outbox_coop_status ON outbox_message (coop_id, status)`);
    await q.query(`
      CREATE TABLE inbox_message (
        message_id uuid PRIMARY KEY,
        type text NOT NULL,
        version int NOT NULL,
        coop_id text NOT NULL,
        content_sha256 char(64) NOT NULL,
        outcome text NOT NULL CONSTRAINT ck_inbox_outcome CHECK (outcome IN ('applied', 'rejected')),
        reason text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE dead_letter (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id uuid,
        subject text NOT NULL,
        coop_id text,
        reason text NOT NULL,
        size_bytes int NOT NULL,
        content_sha256 char(64) NOT NULL,
        delivery_count int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letter');
    await q.query('DROP TABLE inbox_message');
    await q.query('DROP TABLE outbox_message');
  }
}
