import { Client } from 'pg';

import { dropDatabase } from '@app/platform';

export const PG = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'postgres',
  password: process.env.DB_PASSWORD ?? '',
};

/** Drops a test database; refuses any name without "test" in it, so a test can never drop a real one. */
export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.includes('test')) throw new Error(`refusing to drop ${name}: not a test database`);
  await dropDatabase({ ...PG, database: name });
}

/** Runs one query against a test database, for assertions on what was stored. */
export async function queryDb<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ ...PG, database });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
