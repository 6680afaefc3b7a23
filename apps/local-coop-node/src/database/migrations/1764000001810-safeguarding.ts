import { MigrationInterface, QueryRunner } from 'typeorm';

// The vocabularies as they stand when the table is made (libs/contracts may grow; this migration must not change).
const CATEGORIES =
  "'physical', 'domestic', 'sexual', 'psychological', 'financial-or-material', 'modern-slavery', 'discriminatory', 'organisational', 'neglect-and-acts-of-omission', 'self-neglect'";
const OUTCOMES =
  "'open', 'risk-removed', 'risk-reduced', 'risk-remains', 'no-risk-identified', 'inconclusive', 'ceased-at-adults-request', 'no-enquiry'";

/**
 * Safeguarding concerns the co-op records about the people it supports: the Care Act 2014 category,
 * the day raised, the referral to the council (if any) and how the concern closed. The account of what
 * happened is the most sensitive text on the node; it is blanked when the person is erased, while the
 * category, the days and the outcome stay so the counts reported do not change.
 */
export class Safeguarding1764000001810 implements MigrationInterface {
  name = 'Safeguarding1764000001810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE safeguarding_concern (
        id uuid PRIMARY KEY,
        service_user_id uuid NOT NULL CONSTRAINT fk_safeguarding_concern_service_user REFERENCES service_user (id),
        raised_on date NOT NULL,
        category text NOT NULL CONSTRAINT ck_safeguarding_concern_category CHECK (category IN (${CATEGORIES})),
        details text CONSTRAINT ck_safeguarding_concern_details CHECK (length(details) BETWEEN 1 AND 2000),
        referred_on date CONSTRAINT ck_safeguarding_concern_referred CHECK (referred_on >= raised_on),
        outcome text NOT NULL DEFAULT 'open' CONSTRAINT ck_safeguarding_concern_outcome CHECK (outcome IN (${OUTCOMES})),
        closed_on date CONSTRAINT ck_safeguarding_concern_closed CHECK (closed_on >= raised_on),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_safeguarding_concern_closing CHECK ((outcome = 'open') = (closed_on IS NULL))
      )`);
    await q.query('CREATE INDEX ix_safeguarding_concern_raised ON safeguarding_concern (raised_on)');
    await q.query('CREATE INDEX ix_safeguarding_concern_service_user ON safeguarding_concern (service_user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE safeguarding_concern');
  }
}
