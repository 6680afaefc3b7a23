import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit may name the consortium contract it delivers (one the co-op holds, of the visit's service
 * type, running on its day: checked by the node when the visit is planned, rescheduled or recorded),
 * so delivered against contracted hours is measured rather than inferred. Visits made before stay
 * untagged.
 */
export class VisitContracts1764000001840 implements MigrationInterface {
  name = 'VisitContracts1764000001840';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE visit ADD COLUMN contract_id uuid CONSTRAINT fk_visit_contract REFERENCES tender_contract (id)');
    await q.query('CREATE INDEX ix_visit_contract ON visit (contract_id) WHERE contract_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE visit DROP COLUMN contract_id');
  }
}
