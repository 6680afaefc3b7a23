import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consortium's clearing ledger of time credits (issue 17): between co-ops only, never people.
 * Each payment across co-ops is one clearing_transfer (its id made by the paying node) with two
 * entries, the paying co-op debited and the receiving co-op credited; one refused by the receiving
 * node gets two reversing entries. A co-op's balance is the sum of its entries: negative, it owes the
 * consortium hours; positive, it is owed. The database keeps every pair balanced at commit, each kind
 * at most once per transfer, and the ledger append-only.
 */
export class TimeClearing1764000001100 implements MigrationInterface {
  name = 'TimeClearing1764000001100';

  async up(q: QueryRunner): Promise<void> {
    // One row: the consortium's limit on any co-op's debt in hours, set by its staff.
    await q.query(`
      CREATE TABLE clearing_setting (
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_clearing_setting_one CHECK (id),
        limit_minutes int NOT NULL CONSTRAINT ck_clearing_limit CHECK (limit_minutes BETWEEN 0 AND 6000000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await q.query(`INSERT INTO clearing_setting (limit_minutes) VALUES (6000)`);

    // A co-op's row is the lock its clearing takes: the limit is checked and the entry written under it.
    await q.query(`
      CREATE TABLE clearing_account (
        coop_id text PRIMARY KEY CONSTRAINT fk_clearing_account_coop REFERENCES coop (id)
      )`);

    await q.query(`
      CREATE TABLE clearing_transfer (
        id uuid PRIMARY KEY,
        paying_coop_id text NOT NULL CONSTRAINT fk_clearing_transfer_paying REFERENCES coop (id),
        receiving_coop_id text NOT NULL CONSTRAINT fk_clearing_transfer_receiving REFERENCES coop (id),
        minutes int NOT NULL CONSTRAINT ck_clearing_transfer_minutes CHECK (minutes BETWEEN 1 AND 100000),
        status text NOT NULL CONSTRAINT ck_clearing_transfer_status CHECK (status IN ('forwarded', 'completed', 'reversed')),
        refusal_reason text CONSTRAINT ck_clearing_transfer_reason CHECK (length(refusal_reason) <= 2000),
        sent_message_id uuid NOT NULL CONSTRAINT uq_clearing_transfer_sent UNIQUE,
        forward_message_id uuid NOT NULL CONSTRAINT uq_clearing_transfer_forward UNIQUE,
        received_at timestamptz NOT NULL,
        settled_at timestamptz,
        CONSTRAINT ck_clearing_transfer_coops CHECK (paying_coop_id <> receiving_coop_id),
        CONSTRAINT ck_clearing_transfer_settled CHECK ((status = 'forwarded') = (settled_at IS NULL)),
        CONSTRAINT ck_clearing_transfer_refused CHECK ((status = 'reversed') = (refusal_reason IS NOT NULL))
      )`);
    await q.query('CREATE INDEX ix_clearing_transfer_settled ON clearing_transfer (settled_at, paying_coop_id, receiving_coop_id)');

    await q.query(`
      CREATE TABLE clearing_entry (
        transfer_id uuid NOT NULL CONSTRAINT fk_clearing_entry_transfer REFERENCES clearing_transfer (id),
        coop_id text NOT NULL CONSTRAINT fk_clearing_entry_account REFERENCES clearing_account (coop_id),
        kind text NOT NULL CONSTRAINT ck_clearing_entry_kind CHECK (kind IN ('transfer', 'reversal')),
        minutes int NOT NULL CONSTRAINT ck_clearing_entry_minutes CHECK (minutes <> 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_clearing_entry PRIMARY KEY (transfer_id, kind, coop_id)
      )`);
    await q.query('CREATE INDEX ix_clearing_entry_coop ON clearing_entry (coop_id)');

    // At commit, once per entry: a transfer's entries of a kind are two, the paying co-op's and the
    // receiving co-op's, by the transfer's minutes with opposite signs (debited by the transfer,
    // credited back by its reversal), and a reversal only of a reversed transfer.
    await q.query(`
      CREATE FUNCTION clearing_entry_is_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        n int;
        total bigint;
        matches boolean;
      BEGIN
        SELECT count(*), coalesce(sum(e.minutes), 0),
               coalesce(bool_and(
                 (e.coop_id = t.paying_coop_id AND e.minutes = CASE e.kind WHEN 'transfer' THEN -t.minutes ELSE t.minutes END)
                 OR (e.coop_id = t.receiving_coop_id AND e.minutes = CASE e.kind WHEN 'transfer' THEN t.minutes ELSE -t.minutes END)), false)
                 AND (NEW.kind = 'transfer' OR bool_and(t.status = 'reversed'))
          INTO n, total, matches
          FROM clearing_entry e JOIN clearing_transfer t ON t.id = e.transfer_id
         WHERE e.transfer_id = NEW.transfer_id AND e.kind = NEW.kind;
        IF n <> 2 OR total <> 0 OR NOT matches THEN
          RAISE EXCEPTION 'clearing % of transfer % is unbalanced: % entries summing to % minutes', NEW.kind, NEW.transfer_id, n, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_clearing_entry_balanced', TABLE = 'clearing_entry';
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER tr_clearing_entry_balanced AFTER INSERT ON clearing_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION clearing_entry_is_balanced()`);
    await q.query(`
      CREATE FUNCTION clearing_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the clearing ledger is append-only: % on clearing_entry refused (post a reversal instead)', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(
      'CREATE TRIGGER tr_clearing_entry_append_only BEFORE UPDATE OR DELETE ON clearing_entry FOR EACH ROW EXECUTE FUNCTION clearing_entry_is_append_only()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clearing_entry');
    await q.query('DROP FUNCTION clearing_entry_is_append_only()');
    await q.query('DROP FUNCTION clearing_entry_is_balanced()');
    await q.query('DROP TABLE clearing_transfer');
    await q.query('DROP TABLE clearing_account');
    await q.query('DROP TABLE clearing_setting');
  }
}
