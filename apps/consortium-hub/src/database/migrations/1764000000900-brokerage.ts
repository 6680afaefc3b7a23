import { MigrationInterface, QueryRunner } from 'typeorm';

const SERVICE_TYPES = "'personal-care', 'domestic-help', 'gardening', 'transport', 'befriending', 'meals-and-shopping', 'advocacy'";
const TIMES_OF_DAY = "'morning', 'lunchtime', 'teatime', 'evening', 'night'";

/**
 * Hospital-discharge brokerage: the package requests commissioners post (terms and a council
 * reference, nothing about the person), the co-ops asked, every answer received (late ones kept and
 * marked), and how each request ended. Times by the hub's Clock, so the figures and the deadline
 * follow the time a test sets. Care in minutes a week.
 */
export class Brokerage1764000000900 implements MigrationInterface {
  name = 'Brokerage1764000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brokerage_request (
        id uuid PRIMARY KEY,
        council_reference text NOT NULL
          CONSTRAINT ck_brokerage_request_reference CHECK (council_reference ~ '^[A-Z0-9][A-Z0-9/-]{3,23}$' AND council_reference ~ '[0-9]'),
        locality text NOT NULL CONSTRAINT ck_brokerage_request_locality CHECK (length(locality) BETWEEN 2 AND 80),
        service_types text[] NOT NULL
          CONSTRAINT ck_brokerage_request_services CHECK (cardinality(service_types) >= 1 AND service_types <@ ARRAY[${SERVICE_TYPES}]),
        minutes_per_week int NOT NULL CONSTRAINT ck_brokerage_request_minutes CHECK (minutes_per_week BETWEEN 30 AND 20160),
        visits_per_day int NOT NULL CONSTRAINT ck_brokerage_request_visits CHECK (visits_per_day BETWEEN 1 AND 6),
        days_per_week int NOT NULL CONSTRAINT ck_brokerage_request_days CHECK (days_per_week BETWEEN 1 AND 7),
        times_of_day text[] NOT NULL
          CONSTRAINT ck_brokerage_request_times CHECK (cardinality(times_of_day) >= 1 AND times_of_day <@ ARRAY[${TIMES_OF_DAY}]),
        carers_per_visit int NOT NULL CONSTRAINT ck_brokerage_request_carers CHECK (carers_per_visit BETWEEN 1 AND 2),
        starts_on date NOT NULL,
        funding_type text NOT NULL
          CONSTRAINT ck_brokerage_request_funding CHECK (funding_type IN ('council-commissioned', 'direct-payment', 'individual-service-fund', 'self-funder')),
        answer_by timestamptz,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck_brokerage_request_status CHECK (status IN ('open', 'placed', 'closed', 'expired')),
        posted_at timestamptz NOT NULL,
        posted_by text NOT NULL,
        accepted_answer_id uuid,
        accepted_coop_id text CONSTRAINT fk_brokerage_request_accepted_coop REFERENCES coop (id),
        accepted_at timestamptz,
        accepted_by text,
        ended_at timestamptz,
        ended_by text,
        close_reason text
          CONSTRAINT ck_brokerage_request_close_reason CHECK (close_reason IN ('no-suitable-offer', 'no-longer-needed', 'placed-outside-consortium', 'other')),
        CONSTRAINT ck_brokerage_request_placed CHECK (
          (status = 'placed') = (accepted_answer_id IS NOT NULL AND accepted_coop_id IS NOT NULL AND accepted_at IS NOT NULL)),
        CONSTRAINT ck_brokerage_request_closed CHECK ((status = 'closed') = (close_reason IS NOT NULL)),
        CONSTRAINT ck_brokerage_request_ended CHECK ((status = 'open') = (ended_at IS NULL))
      )`);
    await q.query("CREATE INDEX ix_brokerage_request_open_answer_by ON brokerage_request (answer_by) WHERE status = 'open'");
    await q.query('CREATE INDEX ix_brokerage_request_posted ON brokerage_request (posted_at)');
    await q.query(`
      CREATE TABLE brokerage_asked (
        request_id uuid NOT NULL CONSTRAINT fk_brokerage_asked_request REFERENCES brokerage_request (id),
        coop_id text NOT NULL CONSTRAINT fk_brokerage_asked_coop REFERENCES coop (id),
        asked_at timestamptz NOT NULL,
        told_gone_at timestamptz,
        CONSTRAINT pk_brokerage_asked PRIMARY KEY (request_id, coop_id)
      )`);
    await q.query(`
      CREATE TABLE brokerage_answer (
        message_id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        coop_id text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_brokerage_answer_kind CHECK (kind IN ('offer', 'decline')),
        can_start_on date,
        times_of_day_covered text[] CONSTRAINT ck_brokerage_answer_times CHECK (times_of_day_covered <@ ARRAY[${TIMES_OF_DAY}]),
        days_per_week_covered int CONSTRAINT ck_brokerage_answer_days CHECK (days_per_week_covered BETWEEN 1 AND 7),
        decline_reason text CONSTRAINT ck_brokerage_answer_decline_reason CHECK (decline_reason IN ('no-capacity', 'locality', 'service', 'other')),
        note text CONSTRAINT ck_brokerage_answer_note CHECK (length(note) BETWEEN 1 AND 280),
        answered_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        late boolean NOT NULL,
        CONSTRAINT fk_brokerage_answer_asked FOREIGN KEY (request_id, coop_id) REFERENCES brokerage_asked (request_id, coop_id),
        CONSTRAINT uq_brokerage_answer_once UNIQUE (request_id, coop_id),
        CONSTRAINT ck_brokerage_answer_offer CHECK (
          (kind = 'offer') = (can_start_on IS NOT NULL AND times_of_day_covered IS NOT NULL AND days_per_week_covered IS NOT NULL)),
        CONSTRAINT ck_brokerage_answer_decline CHECK ((kind = 'decline') = (decline_reason IS NOT NULL))
      )`);
    await q.query(`
      ALTER TABLE brokerage_request ADD CONSTRAINT fk_brokerage_request_accepted_answer
        FOREIGN KEY (accepted_answer_id) REFERENCES brokerage_answer (message_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE brokerage_request DROP CONSTRAINT fk_brokerage_request_accepted_answer');
    for (const table of ['brokerage_answer', 'brokerage_asked', 'brokerage_request']) await q.query(`DROP TABLE ${table}`);
  }
}
