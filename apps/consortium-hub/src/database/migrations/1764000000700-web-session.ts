import { MigrationInterface, QueryRunner } from 'typeorm';

import { WEB_SESSION_DOWN, WEB_SESSION_UP } from '@app/web';

/** The web pages' sessions (libs/web): who is signed in, keyed by a hash of the cookie's id. */
export class WebSession1764000000700 implements MigrationInterface {
  name = 'WebSession1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(WEB_SESSION_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(WEB_SESSION_DOWN);
  }
}
