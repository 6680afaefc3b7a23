import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteers, their hours, the time-credit ledger and expense claims. The ledger's invariants live
 * here as well as in the application: every transfer is exactly two entries that sum to zero
 * (checked at commit, so a transaction may insert the header and its entries in any order), and
 * neither transfers nor entries are ever changed or removed (a mistake is undone by a reversing
 * transfer, so the history stays auditable).
 */
export class Volunteering1764000000800 implements MigrationInterface {
  name = 'Volunteering1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer (
        id uuid PRIMARY KEY,
        full_name text NOT NULL CONSTRAINT ck_volunteer_name CHECK (length(full_name) BETWEEN 1 AND 120),
        member_id uuid CONSTRAINT fk_volunteer_member REFERENCES member (id) CONSTRAINT uq_volunteer_member UNIQUE,
        joined_on date NOT NULL,
        left_on date,
        leaving_reason text,
        moved_into_paid_work_on date,
        paid_role text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_volunteer_left CHECK (left_on IS NULL OR left_on >= joined_on),
        CONSTRAINT ck_volunteer_leaving_reason CHECK (leaving_reason IS NULL OR left_on IS NOT NULL),
        CONSTRAINT ck_volunteer_paid_work CHECK ((moved_into_paid_work_on IS NULL) = (paid_role IS NULL)),
        CONSTRAINT ck_volunteer_paid_work_date CHECK (moved_into_paid_work_on IS NULL OR moved_into_paid_work_on >= joined_on)
      )`);

    await q.query(`
      CREATE TABLE volunteer_hours (
        id uuid PRIMARY KEY,
        volunteer_id uuid NOT NULL CONSTRAINT fk_hours_volunteer REFERENCES volunteer (id),
        worked_on date NOT NULL,
        activity text NOT NULL
          CONSTRAINT ck_hours_activity CHECK (activity IN ('befriending', 'transport', 'gardening', 'meals-and-shopping', 'respite', 'admin', 'events', 'other')),
        minutes int NOT NULL CONSTRAINT ck_hours_minutes CHECK (minutes BETWEEN 1 AND 1440),
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_hours_volunteer ON volunteer_hours (volunteer_id, worked_on)');
    await q.query('CREATE INDEX ix_hours_worked_on ON volunteer_hours (worked_on)');

    await q.query(`
      CREATE TABLE time_account (
        id uuid PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck_time_account_kind CHECK (kind IN ('issuer', 'volunteer')),
        volunteer_id uuid CONSTRAINT fk_time_account_volunteer REFERENCES volunteer (id) CONSTRAINT uq_time_account_volunteer UNIQUE,
        CONSTRAINT ck_time_account_owner CHECK ((kind = 'volunteer') = (volunteer_id IS NOT NULL))
      )`);
    // The co-op's own account mints credits when hours are given; there is only ever one.
    await q.query(`CREATE UNIQUE INDEX uq_time_account_issuer ON time_account (kind) WHERE kind = 'issuer'`);
    await q.query(`INSERT INTO time_account (id, kind) VALUES (gen_random_uuid(), 'issuer')`);

    await q.query(`
      CREATE TABLE time_transfer (
        id uuid PRIMARY KEY,
        purpose text NOT NULL CONSTRAINT ck_time_transfer_purpose CHECK (purpose IN ('earning', 'respite', 'help')),
        from_account_id uuid NOT NULL CONSTRAINT fk_time_transfer_from REFERENCES time_account (id),
        to_account_id uuid NOT NULL CONSTRAINT fk_time_transfer_to REFERENCES time_account (id),
        minutes int NOT NULL CONSTRAINT ck_time_transfer_minutes CHECK (minutes > 0),
        volunteer_hours_id uuid CONSTRAINT fk_time_transfer_hours REFERENCES volunteer_hours (id) CONSTRAINT uq_time_transfer_hours UNIQUE,
        note text,
        occurred_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_time_transfer_accounts CHECK (from_account_id <> to_account_id),
        CONSTRAINT ck_time_transfer_earning CHECK ((purpose = 'earning') = (volunteer_hours_id IS NOT NULL))
      )`);
    await q.query('CREATE INDEX ix_time_transfer_occurred ON time_transfer (occurred_on, purpose)');

    await q.query(`
      CREATE TABLE time_entry (
        transfer_id uuid NOT NULL CONSTRAINT fk_time_entry_transfer REFERENCES time_transfer (id),
        account_id uuid NOT NULL CONSTRAINT fk_time_entry_account REFERENCES time_account (id),
        minutes int NOT NULL CONSTRAINT ck_time_entry_minutes CHECK (minutes <> 0),
        CONSTRAINT pk_time_entry PRIMARY KEY (transfer_id, account_id)
      )`);
    await q.query('CREATE INDEX ix_time_entry_account ON time_entry (account_id)');

    // Runs at commit (DEFERRABLE INITIALLY DEFERRED), once per inserted header or entry, so a
    // transfer left with one entry, three entries, or entries that do not match its header (the
    // payer debited, the payee credited, by the header's minutes) cannot be committed. Earnings,
    // and only earnings, come from the issuer.
    await q.query(`
      CREATE FUNCTION time_transfer_is_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tid uuid;
        n int;
        total bigint;
        matches boolean;
        shape_ok boolean;
      BEGIN
        IF TG_TABLE_NAME = 'time_transfer' THEN
          tid := NEW.id;
        ELSE
          tid := NEW.transfer_id;
        END IF;
        SELECT count(e.account_id), coalesce(sum(e.minutes), 0),
               coalesce(bool_and((e.account_id = t.from_account_id AND e.minutes = -t.minutes)
                              OR (e.account_id = t.to_account_id AND e.minutes = t.minutes)), false)
          INTO n, total, matches
          FROM time_transfer t LEFT JOIN time_entry e ON e.transfer_id = t.id
         WHERE t.id = tid;
        IF n <> 2 OR total <> 0 OR NOT matches THEN
          RAISE EXCEPTION 'time transfer % is unbalanced: % entries summing to % minutes', tid, n, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_time_transfer_balanced', TABLE = 'time_entry';
        END IF;
        SELECT (t.purpose = 'earning') = (f.kind = 'issuer') AND p.kind = 'volunteer'
          INTO shape_ok
          FROM time_transfer t JOIN time_account f ON f.id = t.from_account_id JOIN time_account p ON p.id = t.to_account_id
         WHERE t.id = tid;
        IF NOT shape_ok THEN
          RAISE EXCEPTION 'time transfer %: only earnings come from the issuer, and credits only go to volunteers', tid
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_time_transfer_issuer', TABLE = 'time_transfer';
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER tr_time_transfer_balanced AFTER INSERT ON time_transfer
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION time_transfer_is_balanced()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER tr_time_entry_balanced AFTER INSERT ON time_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION time_transfer_is_balanced()`);

    await q.query(`
      CREATE FUNCTION time_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the time-credit ledger is append-only: % on % refused (post a reversing transfer instead)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(
      'CREATE TRIGGER tr_time_transfer_append_only BEFORE UPDATE OR DELETE ON time_transfer FOR EACH ROW EXECUTE FUNCTION time_ledger_is_append_only()',
    );
    await q.query(
      'CREATE TRIGGER tr_time_entry_append_only BEFORE UPDATE OR DELETE ON time_entry FOR EACH ROW EXECUTE FUNCTION time_ledger_is_append_only()',
    );

    await q.query(`
      CREATE TABLE expense_claim (
        id uuid PRIMARY KEY,
        volunteer_id uuid NOT NULL CONSTRAINT fk_expense_volunteer REFERENCES volunteer (id),
        kind text NOT NULL CONSTRAINT ck_expense_kind CHECK (kind IN ('mileage', 'childcare', 'meals', 'travel', 'other')),
        amount_pence int NOT NULL CONSTRAINT ck_expense_amount CHECK (amount_pence > 0),
        miles numeric(7, 1),
        rate_pence_per_mile int,
        incurred_on date NOT NULL,
        description text NOT NULL CONSTRAINT ck_expense_description CHECK (length(description) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'submitted' CONSTRAINT ck_expense_status CHECK (status IN ('submitted', 'approved', 'paid', 'rejected')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        approval_note text,
        rejected_at timestamptz,
        rejection_reason text,
        paid_at timestamptz,
        payment_reference text,
        CONSTRAINT ck_expense_mileage CHECK (
          (kind = 'mileage' AND miles IS NOT NULL AND rate_pence_per_mile IS NOT NULL AND miles > 0 AND rate_pence_per_mile > 0
            AND amount_pence = ceil(miles * rate_pence_per_mile))
          OR (kind <> 'mileage' AND miles IS NULL AND rate_pence_per_mile IS NULL)),
        CONSTRAINT ck_expense_approved CHECK ((approved_at IS NOT NULL) = (status IN ('approved', 'paid'))),
        CONSTRAINT ck_expense_rejected CHECK ((rejected_at IS NOT NULL AND rejection_reason IS NOT NULL) = (status = 'rejected')),
        CONSTRAINT ck_expense_paid CHECK ((paid_at IS NOT NULL) = (status = 'paid'))
      )`);
    await q.query('CREATE INDEX ix_expense_volunteer ON expense_claim (volunteer_id)');
    await q.query('CREATE INDEX ix_expense_status ON expense_claim (status, submitted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expense_claim');
    await q.query('DROP TABLE time_entry');
    await q.query('DROP TABLE time_transfer');
    await q.query('DROP FUNCTION time_ledger_is_append_only()');
    await q.query('DROP FUNCTION time_transfer_is_balanced()');
    await q.query('DROP TABLE time_account');
    await q.query('DROP TABLE volunteer_hours');
    await q.query('DROP TABLE volunteer');
  }
}
