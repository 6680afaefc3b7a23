import { MigrationInterface, QueryRunner } from 'typeorm';

export class Care1764000000700 implements MigrationInterface {
  name = 'Care1764000000700';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the care feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the care feature
  }
}
