import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a sealed application was refused by the hiring node (its receipt's reason), kept on the request. */
export class HireDelivery1764000000520 implements MigrationInterface {
  name = 'HireDelivery1764000000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE hire_request ADD COLUMN delivery_problem text CONSTRAINT ck_hire_request_problem CHECK (length(delivery_problem) <= 2000)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE hire_request DROP COLUMN delivery_problem');
  }
}
