import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hub tells a node about a tender after its offers: that offers closed (at the deadline or
 * early, by hand), and which lots this co-op offered on came to nothing (lost, or won without it).
 * Kept apart from the invitation, as withdrawals are, so a notice that overtakes the invitation it
 * follows still counts. Nothing here is about a person.
 */
export class TenderOutcomes1764000001410 implements MigrationInterface {
  name = 'TenderOutcomes1764000001410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tender_offers_closed (
        tender_id uuid PRIMARY KEY,
        closed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE tender_lot_lost (
        lot_id uuid PRIMARY KEY,
        tender_id uuid NOT NULL,
        outcome text NOT NULL CONSTRAINT ck_lot_lost_outcome CHECK (outcome IN ('lost', 'not-allocated')),
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_lot_lost_tender ON tender_lot_lost (tender_id)');
    await q.query('CREATE INDEX ix_offer_sent_tender ON tender_offer_sent (tender_id, sent_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_offer_sent_tender');
    await q.query('DROP TABLE tender_lot_lost');
    await q.query('DROP TABLE tender_offers_closed');
  }
}
