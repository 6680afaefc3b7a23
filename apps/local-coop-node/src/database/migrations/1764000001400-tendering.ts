import { MigrationInterface, QueryRunner } from 'typeorm';

const SERVICE_TYPES = "'personal-care', 'domestic-help', 'gardening', 'transport', 'befriending', 'meals-and-shopping', 'advocacy'";

/**
 * Joint tendering on the node: the hub's invitations and the lots offered to this co-op (the latest
 * terms of each, by version), lot versions the hub withdrew, each offer this co-op sent (its outbox
 * row says what the hub answered), and the contracts it was awarded. Nothing here is about a person.
 */
export class Tendering1764000001400 implements MigrationInterface {
  name = 'Tendering1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tender_invitation (
        tender_id uuid PRIMARY KEY,
        title text NOT NULL,
        buyer text NOT NULL,
        deadline timestamptz NOT NULL,
        issued_at timestamptz NOT NULL,
        first_received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE tender_invited_lot (
        lot_id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_invited_lot_tender REFERENCES tender_invitation (tender_id),
        lot_version int NOT NULL CONSTRAINT ck_invited_lot_version CHECK (lot_version >= 1),
        reference text NOT NULL,
        title text NOT NULL,
        locality text NOT NULL,
        service_type text NOT NULL CONSTRAINT ck_invited_lot_service CHECK (service_type IN (${SERVICE_TYPES})),
        hours_per_week int NOT NULL CONSTRAINT ck_invited_lot_hours CHECK (hours_per_week > 0),
        ceiling_pence_per_hour int NOT NULL CONSTRAINT ck_invited_lot_ceiling CHECK (ceiling_pence_per_hour > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_invited_lot_tender ON tender_invited_lot (tender_id)');
    // Kept apart from the lot so that a withdrawal arriving before the invitation it follows still counts.
    await q.query(`
      CREATE TABLE tender_lot_withdrawal (
        lot_id uuid NOT NULL,
        lot_version int NOT NULL,
        tender_id uuid NOT NULL,
        reason text NOT NULL CONSTRAINT ck_lot_withdrawal_reason CHECK (reason IN ('lot-changed', 'lot-split', 'tender-cancelled', 'no-longer-invited')),
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lot_id, lot_version)
      )`);
    await q.query(`
      CREATE TABLE tender_offer_sent (
        message_id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_offer_sent_tender REFERENCES tender_invitation (tender_id),
        lot_id uuid NOT NULL CONSTRAINT fk_offer_sent_lot REFERENCES tender_invited_lot (lot_id),
        lot_version int NOT NULL,
        hours_per_week int NOT NULL CONSTRAINT ck_offer_sent_hours CHECK (hours_per_week >= 0),
        price_pence_per_hour int NOT NULL CONSTRAINT ck_offer_sent_price CHECK (price_pence_per_hour > 0),
        total_hours_per_week int,
        suggested_hours_per_week int,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_offer_sent_lot ON tender_offer_sent (lot_id, sent_at)');
    await q.query(`
      CREATE TABLE tender_contract (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        tender_title text NOT NULL,
        buyer text NOT NULL,
        locality text NOT NULL,
        service_type text NOT NULL CONSTRAINT ck_contract_service CHECK (service_type IN (${SERVICE_TYPES})),
        hours_per_week int NOT NULL CONSTRAINT ck_contract_hours CHECK (hours_per_week > 0),
        price_pence_per_hour int NOT NULL CONSTRAINT ck_contract_price CHECK (price_pence_per_hour > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contract_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX ix_contract_dates ON tender_contract (starts_on, ends_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['tender_contract', 'tender_offer_sent', 'tender_lot_withdrawal', 'tender_invited_lot', 'tender_invitation'])
      await q.query(`DROP TABLE ${table}`);
  }
}
