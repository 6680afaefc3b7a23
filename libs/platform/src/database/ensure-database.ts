import { Client } from 'pg';

export interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** PostgreSQL did not answer: the message says where and what to run. */
export class DatabaseUnreachable extends Error {
  constructor(target: PgTarget, cause: Error) {
    super(
      `PostgreSQL is not reachable at ${target.host}:${target.port} as ${target.user} (${cause.message}). ` +
        'Start it with "docker compose up -d postgres", or install Debian\'s postgresql package, and check DB_HOST, DB_PORT, DB_USER and DB_PASSWORD.',
    );
    this.name = 'DatabaseUnreachable';
  }
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the app's own database if it does not exist yet (one database per co-op node, one for the hub). */
export async function ensureDatabase(target: PgTarget): Promise<boolean> {
  if (!DATABASE_NAME.test(target.database))
    throw new Error(`database name "${target.database}" must be lower-case letters, digits and underscores`);
  const admin = new Client({ ...target, database: 'postgres', connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new DatabaseUnreachable(target, error as Error);
  }
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]);
    if (found.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE "${target.database}"`);
      return true;
    } catch (error) {
      // Another process created it between our look and our create (42P04; or 23505 when both
      // CREATE DATABASE statements ran at once, as two instances starting together do).
      if (['42P04', '23505'].includes((error as { code?: string }).code ?? '')) return false;
      throw error;
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(target: PgTarget): Promise<void> {
  if (!DATABASE_NAME.test(target.database)) throw new Error(`bad database name ${target.database}`);
  const admin = new Client({ ...target, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${target.database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
