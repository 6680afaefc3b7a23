import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint purchasing: the catalogue, rounds with their items (prices fixed when the round opens), the
 * co-ops invited, each co-op's standing commitment per item with every commitment received, and the
 * allocation: provisional from the close, final from the order. Money in whole pence.
 */
export class Purchasing1764000000300 implements MigrationInterface {
  name = 'Purchasing1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_item (
        id uuid PRIMARY KEY,
        name text NOT NULL CONSTRAINT ck_catalogue_item_name CHECK (length(name) BETWEEN 2 AND 120),
        supplier text NOT NULL CONSTRAINT ck_catalogue_item_supplier CHECK (length(supplier) BETWEEN 2 AND 120),
        unit text NOT NULL CONSTRAINT ck_catalogue_item_unit CHECK (length(unit) BETWEEN 1 AND 60),
        solo_unit_price_pence int NOT NULL CONSTRAINT ck_catalogue_item_solo_price CHECK (solo_unit_price_pence > 0),
        order_charge_pence int NOT NULL DEFAULT 0 CONSTRAINT ck_catalogue_item_order_charge CHECK (order_charge_pence >= 0),
        price_breaks jsonb NOT NULL DEFAULT '[]' CONSTRAINT ck_catalogue_item_price_breaks CHECK (jsonb_typeof(price_breaks) = 'array'),
        local_to text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE purchasing_round (
        id uuid PRIMARY KEY,
        title text NOT NULL CONSTRAINT ck_purchasing_round_title CHECK (length(title) BETWEEN 2 AND 120),
        state text NOT NULL DEFAULT 'draft'
          CONSTRAINT ck_purchasing_round_state CHECK (state IN ('draft', 'open', 'closed', 'ordered', 'delivered', 'cancelled')),
        closes_at timestamptz NOT NULL,
        -- null: every registered or trading co-op when the round opens
        invite_coop_ids text[],
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        opened_at timestamptz,
        closed_at timestamptz,
        closed_by text,
        ordered_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        CONSTRAINT ck_purchasing_round_opened CHECK (state IN ('draft', 'cancelled') OR opened_at IS NOT NULL),
        CONSTRAINT ck_purchasing_round_closed CHECK (state NOT IN ('closed', 'ordered', 'delivered') OR closed_at IS NOT NULL),
        CONSTRAINT ck_purchasing_round_ordered CHECK (state NOT IN ('ordered', 'delivered') OR ordered_at IS NOT NULL),
        CONSTRAINT ck_purchasing_round_delivered CHECK (state <> 'delivered' OR delivered_at IS NOT NULL),
        CONSTRAINT ck_purchasing_round_cancelled CHECK (state <> 'cancelled' OR cancelled_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_purchasing_round_due ON purchasing_round (closes_at) WHERE state = 'open'`);
    await q.query(`
      CREATE TABLE purchasing_round_item (
        round_id uuid NOT NULL CONSTRAINT fk_round_item_round REFERENCES purchasing_round (id),
        item_id uuid NOT NULL CONSTRAINT fk_round_item_item REFERENCES catalogue_item (id),
        position int NOT NULL,
        name text NOT NULL,
        supplier text NOT NULL,
        unit text NOT NULL,
        solo_unit_price_pence int NOT NULL CONSTRAINT ck_round_item_solo_price CHECK (solo_unit_price_pence > 0),
        order_charge_pence int NOT NULL CONSTRAINT ck_round_item_order_charge CHECK (order_charge_pence >= 0),
        price_breaks jsonb NOT NULL,
        local_to text[] NOT NULL,
        -- the order, once the round has closed
        total_quantity int,
        tier_min_quantity int,
        unit_price_pence int,
        order_total_pence bigint,
        PRIMARY KEY (round_id, item_id)
      )`);
    await q.query(`
      CREATE TABLE purchasing_invitation (
        round_id uuid NOT NULL CONSTRAINT fk_invitation_round REFERENCES purchasing_round (id),
        coop_id text NOT NULL CONSTRAINT fk_invitation_coop REFERENCES coop (id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, coop_id)
      )`);
    await q.query(`
      CREATE TABLE purchasing_commitment (
        round_id uuid NOT NULL,
        coop_id text NOT NULL,
        item_id uuid NOT NULL,
        quantity int NOT NULL CONSTRAINT ck_commitment_quantity CHECK (quantity BETWEEN 0 AND 1000000),
        committed_at timestamptz NOT NULL,
        message_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, coop_id, item_id),
        CONSTRAINT fk_commitment_invitation FOREIGN KEY (round_id, coop_id) REFERENCES purchasing_invitation (round_id, coop_id),
        CONSTRAINT fk_commitment_item FOREIGN KEY (round_id, item_id) REFERENCES purchasing_round_item (round_id, item_id)
      )`);
    // Every commitment received, in the order it arrived: the history of a co-op's amendments.
    await q.query(`
      CREATE TABLE purchasing_commitment_received (
        message_id uuid PRIMARY KEY,
        round_id uuid NOT NULL,
        coop_id text NOT NULL,
        item_id uuid NOT NULL,
        quantity int NOT NULL,
        committed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        -- superseded-on-arrival: a commitment made later had already arrived
        outcome text NOT NULL CONSTRAINT ck_commitment_received_outcome CHECK (outcome IN ('applied', 'superseded-on-arrival')),
        CONSTRAINT fk_commitment_received_item FOREIGN KEY (round_id, item_id) REFERENCES purchasing_round_item (round_id, item_id)
      )`);
    await q.query('CREATE INDEX ix_commitment_received_round ON purchasing_commitment_received (round_id, coop_id, item_id, received_at)');
    await q.query(`
      CREATE TABLE purchasing_allocation (
        round_id uuid NOT NULL,
        coop_id text NOT NULL,
        item_id uuid NOT NULL,
        quantity int NOT NULL CONSTRAINT ck_allocation_quantity CHECK (quantity > 0),
        allocated_pence bigint NOT NULL CONSTRAINT ck_allocation_pence CHECK (allocated_pence >= 0),
        solo_pence bigint NOT NULL,
        saving_pence bigint NOT NULL,
        local boolean NOT NULL,
        PRIMARY KEY (round_id, coop_id, item_id),
        CONSTRAINT ck_allocation_saving CHECK (saving_pence = solo_pence - allocated_pence AND saving_pence >= 0),
        CONSTRAINT fk_allocation_invitation FOREIGN KEY (round_id, coop_id) REFERENCES purchasing_invitation (round_id, coop_id),
        CONSTRAINT fk_allocation_item FOREIGN KEY (round_id, item_id) REFERENCES purchasing_round_item (round_id, item_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE purchasing_allocation');
    await q.query('DROP TABLE purchasing_commitment_received');
    await q.query('DROP TABLE purchasing_commitment');
    await q.query('DROP TABLE purchasing_invitation');
    await q.query('DROP TABLE purchasing_round_item');
    await q.query('DROP TABLE purchasing_round');
    await q.query('DROP TABLE catalogue_item');
  }
}
