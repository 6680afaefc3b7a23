import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every version of the co-op's rulebook; the current one is the highest version. */
export class Rulebook1764000000300 implements MigrationInterface {
  name = 'Rulebook1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rulebook_version (
        version int PRIMARY KEY CONSTRAINT ck_rulebook_version CHECK (version > 0),
        rulebook jsonb NOT NULL CONSTRAINT ck_rulebook_is_object CHECK (jsonb_typeof(rulebook) = 'object'),
        adopted_at timestamptz NOT NULL DEFAULT now(),
        adopted_by text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rulebook_version');
  }
}
