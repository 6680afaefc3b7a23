import { MigrationInterface, QueryRunner } from 'typeorm';

export class Volunteering1764000000800 implements MigrationInterface {
  name = 'Volunteering1764000000800';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the volunteering feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the volunteering feature
  }
}
