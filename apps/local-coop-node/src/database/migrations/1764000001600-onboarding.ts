import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The co-op's policy documents (safeguarding, lone working, complaints…: texts with a version, adopted on a
 * date, never about a person), and the spin-offs it proposed with their runner: a worker of the co-op,
 * named to the consortium only by the public contact details the runner agreed to show.
 */
export class Onboarding1764000001600 implements MigrationInterface {
  name = 'Onboarding1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_document (
        key text PRIMARY KEY CONSTRAINT ck_policy_key CHECK (key ~ '^[a-z][a-z0-9]*(-[a-z0-9]+){0,9}$'),
        title text NOT NULL CONSTRAINT ck_policy_title CHECK (length(title) BETWEEN 2 AND 200),
        version int NOT NULL CONSTRAINT ck_policy_version CHECK (version BETWEEN 1 AND 10000),
        text text NOT NULL CONSTRAINT ck_policy_text CHECK (length(text) <= 40000),
        adopted_on date NOT NULL,
        -- where it came from: 'own', or 'sponsor:<coop id>' when adopted from the sponsor's template at joining
        source text NOT NULL DEFAULT 'own',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE spin_off_proposal (
        id uuid PRIMARY KEY,
        coop_id text NOT NULL CONSTRAINT ux_spin_off_coop UNIQUE,
        name text NOT NULL,
        localities text[] NOT NULL,
        services text[] NOT NULL,
        runner_staff_id uuid NOT NULL CONSTRAINT fk_spin_off_runner REFERENCES staff (id),
        -- exactly what goes to the hub: the details the runner agreed to show
        runner_public jsonb NOT NULL,
        runner_agreed_at timestamptz NOT NULL,
        targets jsonb NOT NULL,
        proposed_at timestamptz NOT NULL,
        message_id uuid NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE spin_off_proposal');
    await q.query('DROP TABLE policy_document');
  }
}
