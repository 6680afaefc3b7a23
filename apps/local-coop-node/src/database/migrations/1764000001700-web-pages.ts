import { MigrationInterface, QueryRunner } from 'typeorm';

import { WEB_SESSION_DOWN, WEB_SESSION_UP } from '@app/web';

/**
 * The node's web pages: sessions of people signed in (libs/web), and each member's sign-in account tied
 * to their member record (made at their first sign-in by their verified email address, deleted when the
 * member is erased), so a member's pages show their own record only.
 */
export class WebPages1764000001700 implements MigrationInterface {
  name = 'WebPages1764000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(WEB_SESSION_UP);
    await q.query(`
      CREATE TABLE member_sign_in (
        subject text PRIMARY KEY CONSTRAINT ck_member_sign_in_subject CHECK (length(subject) BETWEEN 1 AND 255),
        member_id uuid NOT NULL UNIQUE REFERENCES member (id),
        linked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_sign_in');
    await q.query(WEB_SESSION_DOWN);
  }
}
