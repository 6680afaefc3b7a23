import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint purchasing as this co-op sees it: the rounds it was invited to with their items and prices,
 * every commitment it sent (its outbox row says what the hub answered), and its final share of each
 * ordered round, which feeds the local-supplier-spend figure of its return. Money in whole pence.
 */
export class Purchasing1764000001300 implements MigrationInterface {
  name = 'Purchasing1764000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE purchasing_round (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        state text NOT NULL CONSTRAINT ck_purchasing_round_state CHECK (state IN ('open', 'closed', 'ordered', 'delivered', 'cancelled')),
        closes_at timestamptz NOT NULL,
        opened_at timestamptz,
        closed_at timestamptz,
        ordered_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_purchasing_round_ordered CHECK (state NOT IN ('ordered', 'delivered') OR ordered_at IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE purchasing_round_item (
        round_id uuid NOT NULL CONSTRAINT fk_round_item_round REFERENCES purchasing_round (id),
        item_id uuid NOT NULL,
        position int NOT NULL,
        name text NOT NULL,
        supplier text NOT NULL,
        unit text NOT NULL,
        solo_unit_price_pence int NOT NULL,
        order_charge_pence int NOT NULL,
        price_breaks jsonb NOT NULL,
        local_to text[] NOT NULL,
        PRIMARY KEY (round_id, item_id)
      )`);
    await q.query(`
      CREATE TABLE purchasing_commitment_sent (
        message_id uuid PRIMARY KEY,
        round_id uuid NOT NULL,
        item_id uuid NOT NULL,
        quantity int NOT NULL CONSTRAINT ck_commitment_sent_quantity CHECK (quantity BETWEEN 0 AND 1000000),
        committed_at timestamptz NOT NULL,
        CONSTRAINT fk_commitment_sent_item FOREIGN KEY (round_id, item_id) REFERENCES purchasing_round_item (round_id, item_id)
      )`);
    await q.query('CREATE INDEX ix_commitment_sent_item ON purchasing_commitment_sent (round_id, item_id, committed_at)');
    // No reference to the round's items: the allocation names its items itself, and may arrive first.
    await q.query(`
      CREATE TABLE purchasing_allocation (
        round_id uuid NOT NULL CONSTRAINT fk_allocation_round REFERENCES purchasing_round (id),
        item_id uuid NOT NULL,
        name text NOT NULL,
        supplier text NOT NULL,
        unit text NOT NULL,
        quantity int NOT NULL,
        unit_price_pence int NOT NULL,
        tier_min_quantity int,
        allocated_pence bigint NOT NULL CONSTRAINT ck_allocation_pence CHECK (allocated_pence >= 0),
        solo_pence bigint NOT NULL,
        saving_pence bigint NOT NULL,
        local boolean NOT NULL,
        PRIMARY KEY (round_id, item_id),
        CONSTRAINT ck_allocation_saving CHECK (saving_pence = solo_pence - allocated_pence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE purchasing_allocation');
    await q.query('DROP TABLE purchasing_commitment_sent');
    await q.query('DROP TABLE purchasing_round_item');
    await q.query('DROP TABLE purchasing_round');
  }
}
