import { MigrationInterface, QueryRunner } from 'typeorm';

const SERVICE_TYPES = "'personal-care', 'domestic-help', 'gardening', 'transport', 'befriending', 'meals-and-shopping', 'advocacy'";
const WITHDRAWAL_REASONS = "'lot-changed', 'lot-split', 'tender-cancelled', 'no-longer-invited'";

/**
 * Joint tendering: council tenders and their lots (a split lot is kept, its parts point to it),
 * the co-ops invited to each lot, every offer received (history kept: a newer offer supersedes, a
 * lot change withdraws), the assembled bid, the council's award per lot, and the contracts that
 * came of it. Money in pence, hours whole hours a week.
 */
export class Tendering1764000000400 implements MigrationInterface {
  name = 'Tendering1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tender (
        id uuid PRIMARY KEY,
        title text NOT NULL CONSTRAINT ck_tender_title CHECK (length(title) BETWEEN 2 AND 200),
        buyer text NOT NULL CONSTRAINT ck_tender_buyer CHECK (length(buyer) BETWEEN 2 AND 200),
        description text CONSTRAINT ck_tender_description CHECK (length(description) <= 2000),
        deadline timestamptz NOT NULL,
        stage text NOT NULL DEFAULT 'draft'
          CONSTRAINT ck_tender_stage CHECK (stage IN ('draft', 'inviting', 'assembling', 'submitted', 'awarded', 'lost', 'cancelled')),
        invited_at timestamptz,
        offers_closed_at timestamptz,
        assembled_at timestamptz,
        submitted_at timestamptz,
        decided_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text CONSTRAINT ck_tender_cancel_reason CHECK (length(cancel_reason) BETWEEN 2 AND 500),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_tender_cancelled CHECK ((stage = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT ck_tender_offers_closed CHECK (stage NOT IN ('assembling', 'submitted', 'awarded', 'lost') OR offers_closed_at IS NOT NULL),
        CONSTRAINT ck_tender_submitted CHECK (stage NOT IN ('submitted', 'awarded', 'lost') OR submitted_at IS NOT NULL),
        CONSTRAINT ck_tender_decided CHECK ((stage IN ('awarded', 'lost')) = (decided_at IS NOT NULL))
      )`);
    await q.query("CREATE INDEX ix_tender_inviting_deadline ON tender (deadline) WHERE stage = 'inviting'");
    await q.query(`
      CREATE TABLE tender_stage_change (
        id bigserial PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_stage_change_tender REFERENCES tender (id),
        from_stage text,
        to_stage text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by text NOT NULL,
        note text
      )`);
    await q.query('CREATE INDEX ix_stage_change_tender ON tender_stage_change (tender_id, id)');
    await q.query(`
      CREATE TABLE tender_lot (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_lot_tender REFERENCES tender (id),
        reference text NOT NULL CONSTRAINT ck_lot_reference CHECK (reference ~ '^[0-9A-Za-z.-]{1,20}$'),
        title text NOT NULL CONSTRAINT ck_lot_title CHECK (length(title) BETWEEN 2 AND 200),
        locality text NOT NULL CONSTRAINT ck_lot_locality CHECK (length(locality) BETWEEN 2 AND 80),
        service_type text NOT NULL CONSTRAINT ck_lot_service_type CHECK (service_type IN (${SERVICE_TYPES})),
        hours_per_week int NOT NULL CONSTRAINT ck_lot_hours CHECK (hours_per_week BETWEEN 1 AND 10000),
        ceiling_pence_per_hour int NOT NULL CONSTRAINT ck_lot_ceiling CHECK (ceiling_pence_per_hour BETWEEN 1 AND 100000),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        parent_lot_id uuid CONSTRAINT fk_lot_parent REFERENCES tender_lot (id),
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck_lot_status CHECK (status IN ('open', 'split')),
        version int NOT NULL DEFAULT 1 CONSTRAINT ck_lot_version CHECK (version >= 1),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_lot_reference UNIQUE (tender_id, reference),
        CONSTRAINT ck_lot_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX ix_lot_tender ON tender_lot (tender_id)');
    await q.query(`
      CREATE TABLE tender_invitation (
        lot_id uuid NOT NULL CONSTRAINT fk_invitation_lot REFERENCES tender_lot (id),
        coop_id text NOT NULL CONSTRAINT fk_invitation_coop REFERENCES coop (id),
        tender_id uuid NOT NULL CONSTRAINT fk_invitation_tender REFERENCES tender (id),
        lot_version int NOT NULL,
        named_by_staff boolean NOT NULL DEFAULT false,
        invited_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_reason text CONSTRAINT ck_invitation_withdrawn_reason CHECK (withdrawn_reason IN (${WITHDRAWAL_REASONS})),
        PRIMARY KEY (lot_id, coop_id),
        CONSTRAINT ck_invitation_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
      )`);
    await q.query('CREATE INDEX ix_invitation_tender ON tender_invitation (tender_id, coop_id)');
    // Every offer received is kept. The current one per co-op and lot has no superseded_at; a lot
    // change withdraws it (withdrawn_at) without superseding it, so the history says what happened.
    await q.query(`
      CREATE TABLE tender_offer (
        message_id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_offer_tender REFERENCES tender (id),
        lot_id uuid NOT NULL CONSTRAINT fk_offer_lot REFERENCES tender_lot (id),
        coop_id text NOT NULL CONSTRAINT fk_offer_coop REFERENCES coop (id),
        lot_version int NOT NULL,
        hours_per_week int NOT NULL CONSTRAINT ck_offer_hours CHECK (hours_per_week BETWEEN 0 AND 10000),
        price_pence_per_hour int NOT NULL CONSTRAINT ck_offer_price CHECK (price_pence_per_hour BETWEEN 1 AND 100000),
        total_hours_per_week int CONSTRAINT ck_offer_total CHECK (total_hours_per_week BETWEEN 0 AND 10000),
        made_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        withdrawn_at timestamptz,
        withdrawn_reason text CONSTRAINT ck_offer_withdrawn_reason CHECK (withdrawn_reason IN (${WITHDRAWAL_REASONS})),
        CONSTRAINT ck_offer_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
      )`);
    await q.query('CREATE UNIQUE INDEX uq_offer_current ON tender_offer (lot_id, coop_id) WHERE superseded_at IS NULL');
    await q.query('CREATE INDEX ix_offer_tender ON tender_offer (tender_id, coop_id)');
    await q.query(`
      CREATE TABLE tender_allocation (
        lot_id uuid NOT NULL CONSTRAINT fk_allocation_lot REFERENCES tender_lot (id),
        coop_id text NOT NULL CONSTRAINT fk_allocation_coop REFERENCES coop (id),
        tender_id uuid NOT NULL CONSTRAINT fk_allocation_tender REFERENCES tender (id),
        hours_per_week int NOT NULL CONSTRAINT ck_allocation_hours CHECK (hours_per_week > 0),
        price_pence_per_hour int NOT NULL CONSTRAINT ck_allocation_price CHECK (price_pence_per_hour > 0),
        local boolean NOT NULL,
        PRIMARY KEY (lot_id, coop_id)
      )`);
    await q.query('CREATE INDEX ix_allocation_tender ON tender_allocation (tender_id)');
    await q.query(`
      CREATE TABLE tender_lot_award (
        lot_id uuid PRIMARY KEY CONSTRAINT fk_award_lot REFERENCES tender_lot (id),
        tender_id uuid NOT NULL CONSTRAINT fk_award_tender REFERENCES tender (id),
        outcome text NOT NULL CONSTRAINT ck_award_outcome CHECK (outcome IN ('whole', 'partial', 'lost')),
        awarded_hours_per_week int NOT NULL CONSTRAINT ck_award_hours CHECK (awarded_hours_per_week >= 0),
        decided_at timestamptz NOT NULL DEFAULT now(),
        decided_by text NOT NULL,
        CONSTRAINT ck_award_lost_has_no_hours CHECK ((outcome = 'lost') = (awarded_hours_per_week = 0))
      )`);
    await q.query(`
      CREATE TABLE tender_contract (
        id uuid PRIMARY KEY,
        tender_id uuid NOT NULL CONSTRAINT fk_contract_tender REFERENCES tender (id),
        lot_id uuid NOT NULL CONSTRAINT fk_contract_lot REFERENCES tender_lot (id),
        coop_id text NOT NULL CONSTRAINT fk_contract_coop REFERENCES coop (id),
        hours_per_week int NOT NULL CONSTRAINT ck_contract_hours CHECK (hours_per_week > 0),
        price_pence_per_hour int NOT NULL CONSTRAINT ck_contract_price CHECK (price_pence_per_hour > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_contract_lot_coop UNIQUE (lot_id, coop_id),
        CONSTRAINT ck_contract_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX ix_contract_tender ON tender_contract (tender_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'tender_contract',
      'tender_lot_award',
      'tender_allocation',
      'tender_offer',
      'tender_invitation',
      'tender_lot',
      'tender_stage_change',
      'tender',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
