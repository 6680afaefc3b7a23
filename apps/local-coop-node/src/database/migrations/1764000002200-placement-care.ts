import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A placement won through brokerage becomes a person supported: the admin starts their care from it,
 * and the placement keeps which person supported it became (one each), when and by whom. The person's
 * details never leave the node; the placement's terms give their locality and how care is paid for.
 */
export class PlacementCare1764000002200 implements MigrationInterface {
  name = 'PlacementCare1764000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE brokerage_placement
        ADD COLUMN service_user_id uuid
          CONSTRAINT fk_brokerage_placement_service_user REFERENCES service_user (id)
          CONSTRAINT uq_brokerage_placement_service_user UNIQUE,
        ADD COLUMN care_started_at timestamptz,
        ADD COLUMN care_started_by text,
        ADD CONSTRAINT ck_brokerage_placement_care
          CHECK ((service_user_id IS NULL) = (care_started_at IS NULL) AND (service_user_id IS NULL) = (care_started_by IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE brokerage_placement
        DROP CONSTRAINT ck_brokerage_placement_care,
        DROP COLUMN care_started_by,
        DROP COLUMN care_started_at,
        DROP COLUMN service_user_id`);
  }
}
