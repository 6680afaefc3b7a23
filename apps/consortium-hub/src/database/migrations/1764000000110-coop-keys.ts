import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each co-op's public NKey: its NATS identity and the key its messages must be signed with. */
export class CoopKeys1764000000110 implements MigrationInterface {
  name = 'CoopKeys1764000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coop ADD COLUMN public_key text CONSTRAINT ck_coop_public_key CHECK (public_key ~ '^U[A-Z2-7]{55}$')`);
    await q.query('ALTER TABLE coop ADD CONSTRAINT uq_coop_public_key UNIQUE (public_key)');
    await q.query('ALTER TABLE coop ADD COLUMN provisioned_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coop DROP COLUMN provisioned_at');
    await q.query('ALTER TABLE coop DROP COLUMN public_key');
  }
}
