import { MigrationInterface, QueryRunner } from 'typeorm';

const TIMES_OF_DAY = "'morning', 'lunchtime', 'teatime', 'evening', 'night'";

/**
 * Hospital-discharge brokerage on the node: the package requests the hub asked this co-op about
 * (terms only), the co-op's one answer to each, the requests gone (placed elsewhere, closed or
 * expired) and the placements won, each with the council's reference for the admin to turn into a
 * person supported and a care plan. Gone and placed are tables of their own, keyed by request, so
 * each is recorded exactly once whatever order the messages come in.
 */
export class Brokerage1764000001900 implements MigrationInterface {
  name = 'Brokerage1764000001900';

  async up(q: QueryRunner): Promise<void> {
    const terms = `
        locality text NOT NULL,
        service_types text[] NOT NULL CONSTRAINT ck_{t}_services CHECK (cardinality(service_types) >= 1),
        minutes_per_week int NOT NULL CONSTRAINT ck_{t}_minutes CHECK (minutes_per_week BETWEEN 30 AND 20160),
        visits_per_day int NOT NULL CONSTRAINT ck_{t}_visits CHECK (visits_per_day BETWEEN 1 AND 6),
        days_per_week int NOT NULL CONSTRAINT ck_{t}_days CHECK (days_per_week BETWEEN 1 AND 7),
        times_of_day text[] NOT NULL CONSTRAINT ck_{t}_times CHECK (cardinality(times_of_day) >= 1 AND times_of_day <@ ARRAY[${TIMES_OF_DAY}]),
        carers_per_visit int NOT NULL CONSTRAINT ck_{t}_carers CHECK (carers_per_visit BETWEEN 1 AND 2),
        starts_on date NOT NULL,
        funding_type text NOT NULL,
        answer_by timestamptz,`;
    await q.query(`
      CREATE TABLE brokerage_request (
        request_id uuid PRIMARY KEY,
        ${terms.replaceAll('{t}', 'brokerage_request')}
        posted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_brokerage_request_starts ON brokerage_request (starts_on)');
    await q.query(`
      CREATE TABLE brokerage_answer_sent (
        request_id uuid PRIMARY KEY CONSTRAINT fk_brokerage_answer_sent_request REFERENCES brokerage_request (request_id),
        message_id uuid NOT NULL CONSTRAINT uq_brokerage_answer_sent_message UNIQUE,
        kind text NOT NULL CONSTRAINT ck_brokerage_answer_sent_kind CHECK (kind IN ('offer', 'decline')),
        can_start_on date,
        times_of_day_covered text[],
        days_per_week_covered int,
        decline_reason text CONSTRAINT ck_brokerage_answer_sent_reason CHECK (decline_reason IN ('no-capacity', 'locality', 'service', 'other')),
        note text CONSTRAINT ck_brokerage_answer_sent_note CHECK (length(note) BETWEEN 1 AND 280),
        answered_at timestamptz NOT NULL,
        answered_by text NOT NULL,
        CONSTRAINT ck_brokerage_answer_sent_offer CHECK ((kind = 'offer') = (can_start_on IS NOT NULL AND times_of_day_covered IS NOT NULL)),
        CONSTRAINT ck_brokerage_answer_sent_decline CHECK ((kind = 'decline') = (decline_reason IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE brokerage_gone (
        request_id uuid PRIMARY KEY,
        reason text NOT NULL CONSTRAINT ck_brokerage_gone_reason CHECK (reason IN ('placed-elsewhere', 'closed', 'expired')),
        gone_at timestamptz NOT NULL,
        answer_was_late boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE brokerage_placement (
        request_id uuid PRIMARY KEY,
        council_reference text NOT NULL CONSTRAINT ck_brokerage_placement_reference CHECK (council_reference ~ '^[A-Z0-9][A-Z0-9/-]{3,23}$'),
        ${terms.replaceAll('{t}', 'brokerage_placement')}
        can_start_on date NOT NULL,
        accepted_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['brokerage_placement', 'brokerage_gone', 'brokerage_answer_sent', 'brokerage_request'])
      await q.query(`DROP TABLE ${table}`);
  }
}
