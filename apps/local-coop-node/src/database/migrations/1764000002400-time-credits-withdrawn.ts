import { MigrationInterface, QueryRunner } from 'typeorm';

import { replaceShapeRule, SHAPE_WITH_CLEARING } from './1764000002100-time-credits-across-coops';

/**
 * A payment from another co-op that the hub gave back because this co-op left before it answered
 * (time-credits.withdrawn): read only if the co-op is taken back. Every such word is kept here, so a
 * forward that reaches the node after it is refused; one credited before it is taken back from the
 * member into the clearing account (`withdrawn-by-hub`), its transfer marked withdrawn with the reason.
 */
export class TimeCreditsWithdrawn1764000002400 implements MigrationInterface {
  name = 'TimeCreditsWithdrawn1764000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE time_credit_withdrawal (
        transfer_id uuid PRIMARY KEY,
        reason text NOT NULL CONSTRAINT ck_tcw_reason CHECK (length(reason) BETWEEN 1 AND 500),
        received_at timestamptz NOT NULL
      )`);
    await q.query(`
      ALTER TABLE time_credit_transfer
        DROP CONSTRAINT ck_tct_status, DROP CONSTRAINT ck_tct_incoming, DROP CONSTRAINT ck_tct_refused, DROP CONSTRAINT ck_tct_settled,
        ADD CONSTRAINT ck_tct_status CHECK (status IN ('sent', 'forwarded', 'completed', 'refused', 'withdrawn')),
        ADD CONSTRAINT ck_tct_incoming CHECK (direction = 'outgoing' OR status IN ('completed', 'withdrawn')),
        ADD CONSTRAINT ck_tct_withdrawn CHECK (status <> 'withdrawn' OR direction = 'incoming'),
        ADD CONSTRAINT ck_tct_refused CHECK ((status IN ('refused', 'withdrawn')) = (refusal_reason IS NOT NULL)),
        ADD CONSTRAINT ck_tct_settled CHECK ((status IN ('completed', 'refused', 'withdrawn')) = (settled_at IS NOT NULL))`);
    await q.query(`
      ALTER TABLE time_transfer DROP CONSTRAINT ck_time_transfer_purpose, DROP CONSTRAINT ck_time_transfer_across,
        ADD CONSTRAINT ck_time_transfer_purpose
          CHECK (purpose IN ('earning', 'respite', 'help', 'sent-to-coop', 'received-from-coop', 'returned-by-coop', 'withdrawn-by-hub')),
        ADD CONSTRAINT ck_time_transfer_across
          CHECK ((purpose IN ('sent-to-coop', 'received-from-coop', 'returned-by-coop', 'withdrawn-by-hub')) = (time_credit_transfer_id IS NOT NULL))`);
    await replaceShapeRule(q, [[SHAPE_WITH_CLEARING, SHAPE_WITH_WITHDRAWAL]]);
  }

  async down(q: QueryRunner): Promise<void> {
    await replaceShapeRule(q, [[SHAPE_WITH_WITHDRAWAL, SHAPE_WITH_CLEARING]]);
    // The ledger is append-only: its triggers are set aside only to take out what this migration added.
    await q.query('ALTER TABLE time_entry DISABLE TRIGGER tr_time_entry_append_only');
    await q.query('ALTER TABLE time_transfer DISABLE TRIGGER tr_time_transfer_append_only');
    await q.query(`DELETE FROM time_entry WHERE transfer_id IN (SELECT id FROM time_transfer WHERE purpose = 'withdrawn-by-hub')`);
    await q.query(`DELETE FROM time_transfer WHERE purpose = 'withdrawn-by-hub'`);
    await q.query('ALTER TABLE time_transfer ENABLE TRIGGER tr_time_transfer_append_only');
    await q.query('ALTER TABLE time_entry ENABLE TRIGGER tr_time_entry_append_only');
    // As it was before it was withdrawn: an incoming payment is completed on the day it was credited, when it was recorded.
    await q.query(
      `UPDATE time_credit_transfer SET status = 'completed', refusal_reason = NULL, completed_on = occurred_on, settled_at = created_at
        WHERE status = 'withdrawn'`,
    );
    await q.query(`
      ALTER TABLE time_transfer DROP CONSTRAINT ck_time_transfer_purpose, DROP CONSTRAINT ck_time_transfer_across,
        ADD CONSTRAINT ck_time_transfer_purpose
          CHECK (purpose IN ('earning', 'respite', 'help', 'sent-to-coop', 'received-from-coop', 'returned-by-coop')),
        ADD CONSTRAINT ck_time_transfer_across
          CHECK ((purpose IN ('sent-to-coop', 'received-from-coop', 'returned-by-coop')) = (time_credit_transfer_id IS NOT NULL))`);
    await q.query(`
      ALTER TABLE time_credit_transfer
        DROP CONSTRAINT ck_tct_status, DROP CONSTRAINT ck_tct_incoming, DROP CONSTRAINT ck_tct_withdrawn,
        DROP CONSTRAINT ck_tct_refused, DROP CONSTRAINT ck_tct_settled,
        ADD CONSTRAINT ck_tct_status CHECK (status IN ('sent', 'forwarded', 'completed', 'refused')),
        ADD CONSTRAINT ck_tct_incoming CHECK (direction = 'outgoing' OR status = 'completed'),
        ADD CONSTRAINT ck_tct_refused CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
        ADD CONSTRAINT ck_tct_settled CHECK ((status IN ('completed', 'refused')) = (settled_at IS NOT NULL))`);
    await q.query('DROP TABLE time_credit_withdrawal');
  }
}

/** As SHAPE_WITH_CLEARING, and a payment taken back from a member into the clearing account. */
const SHAPE_WITH_WITHDRAWAL = SHAPE_WITH_CLEARING.replace(
  `WHEN 'returned-by-coop' THEN f.kind = 'clearing' AND p.kind = 'volunteer'`,
  `WHEN 'returned-by-coop' THEN f.kind = 'clearing' AND p.kind = 'volunteer'
            WHEN 'withdrawn-by-hub' THEN f.kind = 'volunteer' AND p.kind = 'clearing'`,
);
