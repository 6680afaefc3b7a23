import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail, the same on the hub and on every node: append-only. A trigger refuses UPDATE,
 * DELETE and TRUNCATE for every role the application connects as, so the trail cannot be rewritten
 * by the app's own database user; only a migration (DDL by the schema owner) could remove the trigger.
 */
export class AuditTrail1764000000050 implements MigrationInterface {
  name = 'AuditTrail1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        target text,
        outcome text NOT NULL CONSTRAINT ck_audit_outcome CHECK (outcome IN ('succeeded', 'refused', 'failed')),
        status int,
        correlation_id text
      )`);
    await q.query('CREATE INDEX ix_audit_at ON audit_event (at)');
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      'CREATE TRIGGER tg_audit_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()',
    );
    await q.query(
      'CREATE TRIGGER tg_audit_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()',
    );
    await q.query('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_is_append_only()');
  }
}
