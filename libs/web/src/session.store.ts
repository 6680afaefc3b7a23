import { createHash } from 'node:crypto';

import { SessionData, Store } from 'express-session';
import { DataSource } from 'typeorm';

const key = (sid: string) => createHash('sha256').update(sid).digest('hex');

/**
 * express-session's store in the app's PostgreSQL (table web_session). Rows are keyed by a hash of
 * the session id, so a copy of the table signs nobody in; a row past its expiry is never read, and
 * is deleted when a new session is written.
 */
export class PgSessionStore extends Store {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hours: number,
  ) {
    super();
  }

  override get(sid: string, done: (err: unknown, session?: SessionData | null) => void): void {
    this.dataSource
      .query('SELECT data FROM web_session WHERE id = $1 AND expires_at > now()', [key(sid)])
      .then((rows: { data: SessionData }[]) => done(null, rows[0]?.data ?? null), done);
  }

  override set(sid: string, session: SessionData, done?: (err?: unknown) => void): void {
    this.dataSource
      .query(
        `WITH gone AS (DELETE FROM web_session WHERE expires_at <= now())
         INSERT INTO web_session (id, data, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))
         ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`,
        [key(sid), JSON.stringify(session), this.hours],
      )
      .then(
        () => done?.(),
        (error: unknown) => done?.(error),
      );
  }

  override destroy(sid: string, done?: (err?: unknown) => void): void {
    this.dataSource.query('DELETE FROM web_session WHERE id = $1', [key(sid)]).then(
      () => done?.(),
      (error: unknown) => done?.(error),
    );
  }
}

/** The web_session table, for each app's migrations. */
export const WEB_SESSION_UP = `CREATE TABLE web_session (
  id text PRIMARY KEY CONSTRAINT web_session_id_is_hash CHECK (id ~ '^[0-9a-f]{64}$'),
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX web_session_expires_at ON web_session (expires_at)`;
export const WEB_SESSION_DOWN = 'DROP TABLE web_session';
