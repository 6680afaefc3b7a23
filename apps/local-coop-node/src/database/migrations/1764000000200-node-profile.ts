import { MigrationInterface, QueryRunner } from 'typeorm';

export class NodeProfile1764000000200 implements MigrationInterface {
  name = 'NodeProfile1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coop_profile (
        coop_id text PRIMARY KEY,
        singleton boolean NOT NULL DEFAULT true CONSTRAINT uq_coop_profile_singleton UNIQUE CONSTRAINT ck_coop_profile_singleton CHECK (singleton),
        name text NOT NULL CONSTRAINT ck_profile_name CHECK (length(name) BETWEEN 2 AND 120),
        legal_form text NOT NULL,
        localities text[] NOT NULL CONSTRAINT ck_profile_localities CHECK (cardinality(localities) >= 1),
        services_offered text[] NOT NULL,
        sponsor_coop_id text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE hub_link (
        coop_id text PRIMARY KEY REFERENCES coop_profile (coop_id),
        registry_status text NOT NULL,
        registered_at timestamptz NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hub_link');
    await q.query('DROP TABLE coop_profile');
  }
}
