import { MigrationInterface, QueryRunner } from 'typeorm';

export class Members1764000000400 implements MigrationInterface {
  name = 'Members1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        member_number int GENERATED ALWAYS AS IDENTITY CONSTRAINT uq_member_number UNIQUE,
        stakeholder_class text NOT NULL
          CONSTRAINT ck_member_class CHECK (stakeholder_class IN ('service-user-or-family', 'worker', 'volunteer', 'community-supporter')),
        full_name text NOT NULL CONSTRAINT ck_member_name CHECK (length(full_name) BETWEEN 1 AND 120),
        email text,
        phone text,
        address text,
        date_of_birth date,
        admitted_on date NOT NULL,
        withdrawn_on date,
        withdrawal_reason text,
        CONSTRAINT ck_member_withdrawal CHECK (withdrawn_on IS NULL OR withdrawn_on >= admitted_on)
      )`);
    await q.query('CREATE INDEX ix_member_active_class ON member (stakeholder_class) WHERE withdrawn_on IS NULL');
    await q.query(`
      CREATE TABLE share_transaction (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL CONSTRAINT fk_share_member REFERENCES member (id),
        kind text NOT NULL CONSTRAINT ck_share_kind CHECK (kind IN ('purchase', 'withdrawal')),
        amount_pence int NOT NULL CONSTRAINT ck_share_amount CHECK (amount_pence > 0),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_share_member ON share_transaction (member_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE share_transaction');
    await q.query('DROP TABLE member');
  }
}
