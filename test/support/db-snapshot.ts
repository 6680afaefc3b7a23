import { Client } from 'pg';

import { PG } from './test-database';

/** One table as a snapshot sees it: how many rows, and a digest of them that ignores their order. */
export interface TableState {
  rows: number;
  md5: string;
}
export type DatabaseState = Record<string, TableState>;

/**
 * Every table of a test database as row counts and digests, in one query over one kept connection,
 * cheap enough to take around each request. `ignore` names columns (`table.column`) or whole tables
 * (`table`) that background work changes by design: heartbeats, relay bookkeeping.
 */
export class DatabaseSnapshots {
  private client: Client | null = null;
  private sql = '';

  constructor(
    readonly database: string,
    private readonly ignore: string[] = [],
  ) {}

  async take(): Promise<DatabaseState> {
    if (!this.client) await this.open();
    const { rows } = await this.client!.query<{ t: string; n: number; md5: string }>(this.sql);
    return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, md5: r.md5 }]));
  }

  async close(): Promise<void> {
    await this.client?.end();
    this.client = null;
  }

  private async open(): Promise<void> {
    this.client = new Client({ ...PG, database: this.database });
    // The suite drops the database at the end, which ends this connection too: not an error worth a crash.
    this.client.on('error', () => undefined);
    await this.client.connect();
    const { rows } = await this.client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const parts = rows
      .map((r) => r.table_name)
      .filter((t) => !this.ignore.includes(t))
      .map((t) => {
        const dropped = this.ignore
          .filter((i) => i.startsWith(`${t}.`))
          .map((i) => ` - '${i.slice(t.length + 1)}'`)
          .join('');
        const row = `md5((to_jsonb(x)${dropped})::text)`;
        return `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(${row}, '' ORDER BY ${row}), '')) AS md5 FROM "${t}" x`;
      });
    this.sql = parts.join(' UNION ALL ');
  }
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DatabaseState, after: DatabaseState): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t]?.md5 !== after[t]?.md5 || before[t]?.rows !== after[t]?.rows).sort();
}
