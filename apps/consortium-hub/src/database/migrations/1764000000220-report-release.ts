import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published releases of a cycle's consolidated report: what commissioners read. A release is never
 * changed once published (a trigger refuses it), so what a commissioner saw can always be shown
 * again, and each later release is checked against every earlier one (a commissioner who kept one
 * must not learn a small count by subtracting it).
 */
export class ReportRelease1764000000220 implements MigrationInterface {
  name = 'ReportRelease1764000000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_release (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL CONSTRAINT fk_release_cycle REFERENCES return_cycle (id),
        number int NOT NULL CONSTRAINT ck_release_number CHECK (number >= 1),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL,
        -- [{coopId, name, messageId}]: the approved returns it was made from
        coops jsonb NOT NULL CONSTRAINT ck_release_coops CHECK (jsonb_typeof(coops) = 'array' AND jsonb_array_length(coops) >= 1),
        -- what commissioners see, and why figures were suppressed (consortium staff only)
        report jsonb NOT NULL,
        suppressions jsonb NOT NULL,
        CONSTRAINT uq_release_number UNIQUE (cycle_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION report_release_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published report release is never changed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      'CREATE TRIGGER tg_release_no_change BEFORE UPDATE OR DELETE ON report_release FOR EACH ROW EXECUTE FUNCTION report_release_is_final()',
    );
    await q.query(
      'CREATE TRIGGER tg_release_no_truncate BEFORE TRUNCATE ON report_release FOR EACH STATEMENT EXECUTE FUNCTION report_release_is_final()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_release');
    await q.query('DROP FUNCTION report_release_is_final()');
  }
}
