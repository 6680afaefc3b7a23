import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A board seat's first day had the database's `current_date` as its default: the server's time zone's
 * day, not the UK's day every other date on the node is (docs/architecture.md, "Days and instants").
 * Every insert names the day; without a default, one that forgot would fail rather than be a day out.
 */
export class BoardSeatSince1764000002300 implements MigrationInterface {
  name = 'BoardSeatSince1764000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE board_seat ALTER COLUMN since DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE board_seat ALTER COLUMN since SET DEFAULT current_date`);
  }
}
