import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time credits paid across co-ops (issue 17). The ledger gains the co-op's consortium clearing
 * account: a member paying a member of another co-op is debited to it, a member paid from another
 * co-op is credited from it, and a payment the other co-op refused is given back from it. So the
 * clearing account holds what the co-op owes the consortium (positive) or, below zero, is owed: the
 * hub's clearing ledger keeps the same figure for the co-op with its sign turned.
 *
 * Each cross-co-op transfer is one row here on each node it touches (its id made by the paying node
 * and carried through the hub), and each of its ledger movements is unique by (transfer, purpose): a
 * transfer is debited once, credited once and given back at most once, whatever is delivered twice.
 */
export class TimeCreditsAcrossCoops1764000002100 implements MigrationInterface {
  name = 'TimeCreditsAcrossCoops1764000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE time_account DROP CONSTRAINT ck_time_account_kind,
        ADD CONSTRAINT ck_time_account_kind CHECK (kind IN ('issuer', 'volunteer', 'clearing'))`);
    await q.query(`CREATE UNIQUE INDEX uq_time_account_clearing ON time_account (kind) WHERE kind = 'clearing'`);
    await q.query(`INSERT INTO time_account (id, kind) VALUES (gen_random_uuid(), 'clearing')`);

    await q.query(`
      CREATE TABLE time_credit_transfer (
        id uuid PRIMARY KEY,
        direction text NOT NULL CONSTRAINT ck_tct_direction CHECK (direction IN ('outgoing', 'incoming')),
        volunteer_id uuid NOT NULL CONSTRAINT fk_tct_volunteer REFERENCES volunteer (id),
        other_coop_id text NOT NULL CONSTRAINT ck_tct_other_coop CHECK (other_coop_id ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'),
        minutes int NOT NULL CONSTRAINT ck_tct_minutes CHECK (minutes BETWEEN 1 AND 100000),
        purpose text CONSTRAINT ck_tct_purpose CHECK (purpose IN ('respite', 'help')),
        note text CONSTRAINT ck_tct_note CHECK (length(note) <= 500),
        status text NOT NULL CONSTRAINT ck_tct_status CHECK (status IN ('sent', 'forwarded', 'completed', 'refused')),
        refusal_reason text CONSTRAINT ck_tct_reason CHECK (length(refusal_reason) <= 2000),
        message_id uuid CONSTRAINT uq_tct_message UNIQUE,
        occurred_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        completed_on date,
        CONSTRAINT ck_tct_outgoing CHECK ((direction = 'outgoing') = (purpose IS NOT NULL AND message_id IS NOT NULL)),
        CONSTRAINT ck_tct_incoming CHECK (direction = 'outgoing' OR status = 'completed'),
        CONSTRAINT ck_tct_refused CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
        CONSTRAINT ck_tct_settled CHECK ((status IN ('completed', 'refused')) = (settled_at IS NOT NULL)),
        CONSTRAINT ck_tct_completed CHECK ((status = 'completed') = (completed_on IS NOT NULL))
      )`);
    await q.query('CREATE INDEX ix_tct_volunteer ON time_credit_transfer (volunteer_id)');
    await q.query('CREATE INDEX ix_tct_completed ON time_credit_transfer (completed_on, direction)');

    await q.query(`
      CREATE TABLE time_payment_code (
        id uuid PRIMARY KEY,
        code_hash text NOT NULL CONSTRAINT uq_time_payment_code_hash UNIQUE,
        volunteer_id uuid NOT NULL CONSTRAINT fk_time_payment_code_volunteer REFERENCES volunteer (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        transfer_id uuid CONSTRAINT fk_time_payment_code_transfer REFERENCES time_credit_transfer (id) CONSTRAINT uq_time_payment_code_transfer UNIQUE,
        CONSTRAINT ck_time_payment_code_expiry CHECK (expires_at > created_at),
        CONSTRAINT ck_time_payment_code_used CHECK ((used_at IS NULL) = (transfer_id IS NULL))
      )`);
    await q.query('CREATE INDEX ix_time_payment_code_volunteer ON time_payment_code (volunteer_id, created_at)');

    await q.query(`
      ALTER TABLE time_transfer DROP CONSTRAINT ck_time_transfer_purpose,
        ADD CONSTRAINT ck_time_transfer_purpose
          CHECK (purpose IN ('earning', 'respite', 'help', 'sent-to-coop', 'received-from-coop', 'returned-by-coop')),
        ADD COLUMN time_credit_transfer_id uuid CONSTRAINT fk_time_transfer_across REFERENCES time_credit_transfer (id),
        ADD CONSTRAINT ck_time_transfer_across
          CHECK ((purpose IN ('sent-to-coop', 'received-from-coop', 'returned-by-coop')) = (time_credit_transfer_id IS NOT NULL)),
        ADD CONSTRAINT uq_time_transfer_across UNIQUE (time_credit_transfer_id, purpose)`);

    await replaceShapeRule(q, [
      [SHAPE_BEFORE, SHAPE_WITH_CLEARING],
      [MESSAGE_BEFORE, MESSAGE_WITH_CLEARING],
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await replaceShapeRule(q, [
      [SHAPE_WITH_CLEARING, SHAPE_BEFORE],
      [MESSAGE_WITH_CLEARING, MESSAGE_BEFORE],
    ]);
    // The ledger is append-only: its triggers are set aside only to take out what this migration added.
    await q.query('ALTER TABLE time_entry DISABLE TRIGGER tr_time_entry_append_only');
    await q.query('ALTER TABLE time_transfer DISABLE TRIGGER tr_time_transfer_append_only');
    await q.query(`DELETE FROM time_entry WHERE transfer_id IN (SELECT id FROM time_transfer WHERE time_credit_transfer_id IS NOT NULL)`);
    await q.query('DELETE FROM time_transfer WHERE time_credit_transfer_id IS NOT NULL');
    await q.query('ALTER TABLE time_transfer ENABLE TRIGGER tr_time_transfer_append_only');
    await q.query('ALTER TABLE time_entry ENABLE TRIGGER tr_time_entry_append_only');
    await q.query(`
      ALTER TABLE time_transfer DROP CONSTRAINT uq_time_transfer_across, DROP CONSTRAINT ck_time_transfer_across,
        DROP COLUMN time_credit_transfer_id, DROP CONSTRAINT ck_time_transfer_purpose,
        ADD CONSTRAINT ck_time_transfer_purpose CHECK (purpose IN ('earning', 'respite', 'help'))`);
    await q.query('DROP TABLE time_payment_code');
    await q.query('DROP TABLE time_credit_transfer');
    await q.query(`DELETE FROM time_account WHERE kind = 'clearing'`);
    await q.query('DROP INDEX uq_time_account_clearing');
    await q.query(`
      ALTER TABLE time_account DROP CONSTRAINT ck_time_account_kind,
        ADD CONSTRAINT ck_time_account_kind CHECK (kind IN ('issuer', 'volunteer'))`);
  }
}

/** The shape rule of the ledger's commit-time check as Volunteering1764000000800 wrote it: earnings from the issuer, credits only to volunteers. */
const SHAPE_BEFORE = `(t.purpose = 'earning') = (f.kind = 'issuer') AND p.kind = 'volunteer'`;

/**
 * With clearing: earnings from the issuer to a volunteer; exchanges between volunteers; a payment to
 * another co-op from a volunteer to the clearing account; one from another co-op, or one given back,
 * from the clearing account to a volunteer.
 */
export const SHAPE_WITH_CLEARING = `CASE t.purpose
            WHEN 'earning' THEN f.kind = 'issuer' AND p.kind = 'volunteer'
            WHEN 'sent-to-coop' THEN f.kind = 'volunteer' AND p.kind = 'clearing'
            WHEN 'received-from-coop' THEN f.kind = 'clearing' AND p.kind = 'volunteer'
            WHEN 'returned-by-coop' THEN f.kind = 'clearing' AND p.kind = 'volunteer'
            ELSE f.kind = 'volunteer' AND p.kind = 'volunteer' END`;

const MESSAGE_BEFORE = 'only earnings come from the issuer, and credits only go to volunteers';
const MESSAGE_WITH_CLEARING =
  'its accounts do not fit its purpose (earnings from the issuer, payments across co-ops through the clearing account)';

/**
 * Rewrites the ledger's commit-time check (time_transfer_is_balanced) with one shape rule in place of
 * another, leaving the rest of it (two entries, summing to nought, matching the header) exactly as it
 * is in the database, so the rule is stated once.
 */
export async function replaceShapeRule(q: QueryRunner, swaps: [from: string, to: string][]): Promise<void> {
  let [{ def }]: { def: string }[] = await q.query(`SELECT pg_get_functiondef('time_transfer_is_balanced()'::regprocedure) AS def`);
  for (const [from, to] of swaps) {
    if (!def.includes(from)) throw new Error(`time_transfer_is_balanced() does not hold what this migration replaces: ${from}`);
    def = def.replace(from, to);
  }
  await q.query(def);
}
