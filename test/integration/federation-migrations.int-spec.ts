import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  DeadLetterOnce1764000000010,
  FEDERATION_ENTITIES,
  FederationTables1764000000000,
  InboxFairness1764000000020,
} from '@app/federation';
import { ensureDatabase, postgresOptions } from '@app/platform';

import { dropTestDatabase, PG } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';

/** The federation's migrations go down as well as up, and the invariants they add are kept by the database. */
describe('federation migrations', () => {
  const database = `ccm_test_fedmig_${uniqueSuffix()}`;
  let ds: DataSource;
  const tables = async () =>
    (
      await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('inbox_attempt', 'dead_letter_summary') ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await ensureDatabase({ ...PG, database });
    ds = await new DataSource(
      postgresOptions(
        { ...PG, database },
        {
          entities: FEDERATION_ENTITIES,
          migrations: [FederationTables1764000000000, DeadLetterOnce1764000000010, InboxFairness1764000000020],
          applicationName: 'test',
        },
      ),
    ).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await dropTestDatabase(database);
  });

  it('adds the attempt and summary tables, and takes them away again', async () => {
    expect(await tables()).toEqual(['dead_letter_summary', 'inbox_attempt']);
    await ds.undoLastMigration();
    expect(await tables()).toEqual([]);
    await ds.runMigrations();
    expect(await tables()).toEqual(['dead_letter_summary', 'inbox_attempt']);
  });

  it('refuses a summary that counts nothing or ends before it starts', async () => {
    const insert = (suppressed: number, first: string, last: string) =>
      ds.query(
        `INSERT INTO dead_letter_summary (coop_id, window_start, suppressed, first_seen, last_seen, sample_reason) VALUES ('a', now(), $1, $2, $3, 'r')`,
        [suppressed, first, last],
      );
    await expect(insert(0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z')).rejects.toMatchObject({
      driverError: { constraint: 'ck_dead_letter_summary_suppressed' },
    });
    await expect(insert(1, '2026-01-01T00:00:01Z', '2026-01-01T00:00:00Z')).rejects.toMatchObject({
      driverError: { constraint: 'ck_dead_letter_summary_seen' },
    });
  });
});
