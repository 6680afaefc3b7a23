import { MigrationInterface, QueryRunner } from 'typeorm';

export class HubRegistry1764000000100 implements MigrationInterface {
  name = 'HubRegistry1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coop (
        id text PRIMARY KEY CONSTRAINT ck_coop_id CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'),
        name text NOT NULL CONSTRAINT ck_coop_name CHECK (length(name) BETWEEN 2 AND 120),
        legal_form text NOT NULL,
        localities text[] NOT NULL,
        services_offered text[] NOT NULL,
        sponsor_coop_id text,
        status text NOT NULL DEFAULT 'registered'
          CONSTRAINT ck_coop_status CHECK (status IN ('proposed', 'forming', 'registered', 'trading', 'suspended', 'left')),
        node_version text,
        profile_updated_at timestamptz NOT NULL,
        last_heartbeat_at timestamptz,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_coop_status ON coop (status)');
    await q.query('CREATE INDEX ix_coop_localities ON coop USING gin (localities)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE coop');
  }
}
