import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workforce1764000000600 implements MigrationInterface {
  name = 'Workforce1764000000600';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the workforce feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the workforce feature
  }
}
