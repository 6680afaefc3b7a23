import { MigrationInterface, QueryRunner } from 'typeorm';

export class Governance1764000000500 implements MigrationInterface {
  name = 'Governance1764000000500';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the governance feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the governance feature
  }
}
