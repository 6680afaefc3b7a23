import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return cycles of any period type (return-period.ts): a month, a calendar quarter, a quarter of the
 * financial year (April to March), a calendar year or a financial year. Every cycle opened before
 * was a calendar quarter. The type is kept beside the label so trends can line up like with like
 * without parsing labels in SQL; the check keeps the two in step.
 */
export class ReturnPeriodTypes1764000000850 implements MigrationInterface {
  name = 'ReturnPeriodTypes1764000000850';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE return_cycle ADD COLUMN period_type text NOT NULL DEFAULT 'quarter'`);
    await q.query('ALTER TABLE return_cycle ALTER COLUMN period_type DROP DEFAULT');
    await q.query(`
      ALTER TABLE return_cycle ADD CONSTRAINT ck_return_cycle_period_type CHECK (
        (period_type = 'month' AND period_label ~ '^20[0-9]{2}-(0[1-9]|1[0-2])$')
        OR (period_type = 'quarter' AND period_label ~ '^20[0-9]{2}-Q[1-4]$')
        OR (period_type = 'fy-quarter' AND period_label ~ '^20[0-9]{2}/[0-9]{2}-Q[1-4]$')
        OR (period_type = 'year' AND period_label ~ '^20[0-9]{2}$')
        OR (period_type = 'fy-year' AND period_label ~ '^20[0-9]{2}/[0-9]{2}$')
      )`);
    await q.query('CREATE INDEX ix_return_cycle_period_type ON return_cycle (period_type, period_start)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_return_cycle_period_type');
    await q.query('ALTER TABLE return_cycle DROP CONSTRAINT ck_return_cycle_period_type, DROP COLUMN period_type');
  }
}
