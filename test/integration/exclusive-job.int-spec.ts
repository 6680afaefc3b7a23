import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ensureDatabase, ExclusiveJob, ExclusiveRun, postgresOptions, runExclusively } from '@app/platform';

import { dropTestDatabase, PG, queryDb } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';
import { waitFor } from '../support/wait-for';

/** A promise the test settles when it chooses: a job's work that holds on until told. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The lock that makes a scheduled job run once however many processes run it, against the real
 * PostgreSQL: two data sources on one database stand for two hub instances.
 */
describe('a scheduled job runs in one process at a time (PostgreSQL advisory lock)', () => {
  const database = `ccm_test_exclusive_${uniqueSuffix()}`;
  const connect = (applicationName: string) =>
    new DataSource(postgresOptions({ ...PG, database }, { entities: [], migrations: [], applicationName })).initialize();
  let one: DataSource;
  let two: DataSource;
  let n = 0;
  /** A job name of this test's own. */
  const jobName = () => `test.job-${++n}`;

  /** The backends holding the job's lock now. */
  const holders = (name: string) =>
    queryDb<{ pid: number; application_name: string }>(
      database,
      `SELECT l.pid, a.application_name
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid, (SELECT hashtextextended('ccm-job:' || $1, 0) AS k) h
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = $2)
          AND l.classid::bigint = ((h.k >> 32) & 4294967295) AND l.objid::bigint = (h.k & 4294967295)`,
      [name, database],
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await ensureDatabase({ ...PG, database });
    [one, two] = await Promise.all([connect('test-hub-one'), connect('test-hub-two')]);
  });

  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await dropTestDatabase(database);
  });

  it('runs the work once when two processes start the same job at the same moment; the other is skipped', async () => {
    const name = jobName();
    const held = gate();
    let runs = 0;
    const work = async () => {
      runs++;
      await held.opened;
      return 'swept';
    };
    const attempts = [runExclusively(one, name, work), runExclusively(two, name, work)];
    // The winner holds on until the gate opens, so whichever answers first is the one skipped.
    expect(await Promise.race(attempts)).toEqual({ ran: false, reason: 'busy-elsewhere' });
    expect(await holders(name)).toHaveLength(1);
    held.open();
    const results = await Promise.all(attempts);
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, result: 'swept' }]);
    expect(await holders(name)).toEqual([]);
    // Released: the next sweep, from either process, runs.
    expect(await runExclusively(two, name, async () => 'next')).toEqual({ ran: true, result: 'next' });
  });

  it('runs two different jobs at the same time', async () => {
    const [a, b] = [jobName(), jobName()];
    const held = gate();
    let inside = 0;
    const work = async () => {
      inside++;
      await held.opened;
      return inside;
    };
    const attempts = [runExclusively(one, a, work), runExclusively(two, b, work)];
    await waitFor(
      'both jobs inside their work',
      () => inside,
      (i) => i === 2,
    );
    held.open();
    expect(await Promise.all(attempts)).toEqual([
      { ran: true, result: 2 },
      { ran: true, result: 2 },
    ]);
  });

  it('releases the lock when the work fails, and passes the failure on', async () => {
    const name = jobName();
    await expect(
      runExclusively(one, name, async () => {
        throw new Error('deadlock detected');
      }),
    ).rejects.toThrow('deadlock detected');
    expect(await holders(name)).toEqual([]);
    expect(await runExclusively(two, name, async () => 'after the failure')).toEqual({ ran: true, result: 'after the failure' });
  });

  it("answers a timer's tick that failed with null and one warning naming it, and runs again on the next", async () => {
    const job = new ExclusiveJob(one, jobName());
    const warnings: unknown[] = [];
    const logger = { warn: (entry: unknown) => warnings.push(entry) } as unknown as Logger;
    const failed = await job.tick(
      async () => {
        throw new Error('deadlock detected');
      },
      logger,
      'closing due things failed; will retry',
    );
    expect(failed).toBeNull();
    expect(warnings).toEqual([{ msg: 'closing due things failed; will retry', reason: 'deadlock detected' }]);
    expect(await job.tick(async () => 3, logger, 'unused')).toEqual({ ran: true, result: 3 });
    expect(warnings).toHaveLength(1);
  });

  it('frees the job when the process holding it loses its connection mid-run (as when it dies)', async () => {
    const name = jobName();
    const held = gate();
    const dying = runExclusively(one, name, async () => {
      await held.opened;
      return 'finished late';
    });
    const [holder] = await waitFor(
      'the first process to hold the lock',
      () => holders(name),
      (h) => h.length === 1,
    );
    expect(holder.application_name).toBe('test-hub-one');
    expect(await runExclusively(two, name, async () => 'too soon')).toEqual({ ran: false, reason: 'busy-elsewhere' });

    await queryDb(database, 'SELECT pg_terminate_backend($1)', [holder.pid]);
    await waitFor(
      'the lock to go with the connection',
      () => holders(name),
      (h) => h.length === 0,
    );
    expect(await runExclusively(two, name, async () => 'taken over')).toEqual({ ran: true, result: 'taken over' });

    // The cut-off run still ends without an error (its work was done), and its pool recovers.
    held.open();
    expect(await dying).toEqual({ ran: true, result: 'finished late' });
    expect(await runExclusively(one, name, async () => 'again')).toEqual({ ran: true, result: 'again' });
  });

  it('skips a tick that comes while the same process is still running the job, and lets shutdown wait for it', async () => {
    const job = new ExclusiveJob(one, jobName());
    const held = gate();
    let finished = false;
    const first = job.run(async () => {
      await held.opened;
      finished = true;
      return 1;
    });
    expect(await job.run(async () => 2)).toEqual({ ran: false, reason: 'busy-here' });
    const settled = job.settled();
    held.open();
    await settled;
    expect(finished).toBe(true);
    expect(await first).toEqual({ ran: true, result: 1 } satisfies ExclusiveRun<number>);
    expect(await job.run(async () => 3)).toEqual({ ran: true, result: 3 });
  });
});
