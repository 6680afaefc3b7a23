import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of a person's own data where the law allows it. Members, volunteers and people supported
 * get an `erased_at`; the constraints below make "erased" mean something the database keeps: only a
 * member who has withdrawn, or a person whose support has ended, can be erased, and an erased record
 * holds none of the personal details it used to. Free-text fields that may be blanked become nullable.
 *
 * The time-credit ledger stays append-only for everything that counts (accounts, minutes, dates,
 * purpose): the one change now allowed is setting a transfer's free-text note to NULL.
 */
export class Erasure1764000000900 implements MigrationInterface {
  name = 'Erasure1764000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE member
        ADD COLUMN erased_at timestamptz,
        ADD CONSTRAINT ck_member_erased_withdrawn CHECK (erased_at IS NULL OR withdrawn_on IS NOT NULL),
        ADD CONSTRAINT ck_member_erased_blank CHECK (
          erased_at IS NULL OR (email IS NULL AND phone IS NULL AND address IS NULL AND date_of_birth IS NULL AND withdrawal_reason IS NULL))`);

    await q.query(`
      ALTER TABLE volunteer
        ADD COLUMN erased_at timestamptz,
        ADD CONSTRAINT ck_volunteer_erased_blank CHECK (erased_at IS NULL OR leaving_reason IS NULL)`);
    await q.query('ALTER TABLE expense_claim ALTER COLUMN description DROP NOT NULL');
    // A rejection still needs its reason when it is made (the API requires one); erasure may blank it later.
    await q.query('ALTER TABLE expense_claim DROP CONSTRAINT ck_expense_rejected');
    await q.query(`ALTER TABLE expense_claim ADD CONSTRAINT ck_expense_rejected CHECK ((rejected_at IS NOT NULL) = (status = 'rejected'))`);

    await q.query(`
      ALTER TABLE service_user
        ADD COLUMN erased_at timestamptz,
        ALTER COLUMN date_of_birth DROP NOT NULL,
        ALTER COLUMN address DROP NOT NULL,
        ADD CONSTRAINT ck_service_user_erased_ended CHECK (erased_at IS NULL OR ended_on IS NOT NULL),
        ADD CONSTRAINT ck_service_user_erased_blank CHECK (
          CASE WHEN erased_at IS NULL THEN date_of_birth IS NOT NULL AND address IS NOT NULL
               ELSE date_of_birth IS NULL AND address IS NULL END)`);
    await q.query('ALTER TABLE care_goal ALTER COLUMN description DROP NOT NULL');

    await q.query(`
      CREATE OR REPLACE FUNCTION time_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Nested, and read through jsonb, so the test never touches a column time_entry does not have.
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'time_transfer' THEN
          IF (to_jsonb(NEW) ->> 'note') IS NULL AND (to_jsonb(NEW) - 'note') = (to_jsonb(OLD) - 'note') THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'the time-credit ledger is append-only: % on % refused (post a reversing transfer instead)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Putting NOT NULL back on a date of birth would need one invented for every erased person.
    const [{ erased }] = await q.query('SELECT count(*)::int AS erased FROM service_user WHERE erased_at IS NOT NULL');
    if (erased > 0)
      throw new Error(`cannot revert Erasure1764000000900: ${erased} person(s) supported have been erased and their date of birth is gone`);
    await q.query(`
      CREATE OR REPLACE FUNCTION time_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the time-credit ledger is append-only: % on % refused (post a reversing transfer instead)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(`UPDATE care_goal SET description = '(erased)' WHERE description IS NULL`);
    await q.query('ALTER TABLE care_goal ALTER COLUMN description SET NOT NULL');
    await q.query(`
      ALTER TABLE service_user
        DROP CONSTRAINT ck_service_user_erased_blank,
        DROP CONSTRAINT ck_service_user_erased_ended,
        ALTER COLUMN address SET NOT NULL,
        ALTER COLUMN date_of_birth SET NOT NULL,
        DROP COLUMN erased_at`);
    await q.query(`UPDATE expense_claim SET rejection_reason = '(erased)' WHERE status = 'rejected' AND rejection_reason IS NULL`);
    await q.query('ALTER TABLE expense_claim DROP CONSTRAINT ck_expense_rejected');
    await q.query(
      `ALTER TABLE expense_claim ADD CONSTRAINT ck_expense_rejected CHECK ((rejected_at IS NOT NULL AND rejection_reason IS NOT NULL) = (status = 'rejected'))`,
    );
    await q.query(`UPDATE expense_claim SET description = '(erased)' WHERE description IS NULL`);
    await q.query('ALTER TABLE expense_claim ALTER COLUMN description SET NOT NULL');
    await q.query('ALTER TABLE volunteer DROP CONSTRAINT ck_volunteer_erased_blank, DROP COLUMN erased_at');
    await q.query(
      'ALTER TABLE member DROP CONSTRAINT ck_member_erased_blank, DROP CONSTRAINT ck_member_erased_withdrawn, DROP COLUMN erased_at',
    );
  }
}
