import { randomUUID } from 'node:crypto';

import { INestApplication } from '@nestjs/common';

import { startHub } from '../../apps/consortium-hub/src/bootstrap';
import { CandidateRetentionJob } from '../../apps/consortium-hub/src/recruitment/candidate-retention.job';
import { changedTables, DatabaseSnapshots } from '../support/db-snapshot';
import { TestMesh } from '../support/mesh';
import { latestCode, sentReminders } from '../support/one-time-codes';
import { waitFor } from '../support/wait-for';

const DAY_MS = 86_400_000;

/**
 * Retention of candidates on a real hub: a candidate inactive for RETENTION − REMINDER days (166 by
 * default) is reminded once, and one inactive for RETENTION days (180) and reminded at least REMINDER days
 * (14) ago is purged to a tombstone; the job runs twice, and on two hub instances at once, to the same end.
 * Candidates are made through the real sign-in, then aged by moving their times back in the database.
 */
describe('recruitment: retention of candidates', () => {
  const mesh = new TestMesh();
  const COOP = 'holme-valley';
  let second: INestApplication;
  const job = () => mesh.hubApp!.get(CandidateRetentionJob);

  const sentTo = new Map<string, number>();
  /** Signs an address in through the real code path (asking as if the minute had passed) and answers the candidate's id. */
  const signIn = async (email: string) => {
    await mesh.hubQuery(
      "UPDATE candidate_sign_in_code SET requested_at = requested_at - interval '2 minutes', expires_at = expires_at - interval '2 minutes' WHERE email = $1",
      [email],
    );
    await mesh.hub().anonymous().post('/recruitment/sign-in', { email }).expect(202);
    const n = (sentTo.get(email) ?? 0) + 1;
    sentTo.set(email, n);
    const code = await latestCode(mesh.codeDir, email, n);
    const res = await mesh.hub().anonymous().post('/recruitment/sign-in/verify', { email, code }).expect(200);
    return res.body.candidateId as string;
  };
  const address = (name: string) => `${name}.${mesh.id}@example.org`;
  /** Last active `activeDaysAgo` days ago, reminded `remindedDaysAgo` days ago (null: never). */
  const age = (id: string, activeDaysAgo: number, remindedDaysAgo: number | null) =>
    mesh.hubQuery(
      `UPDATE candidate SET last_active_at = now() - make_interval(secs => $2::float8 * 86400),
              reminded_at = CASE WHEN $3::float8 IS NULL THEN NULL ELSE now() - make_interval(secs => $3::float8 * 86400) END
        WHERE id = $1`,
      [id, activeDaysAgo, remindedDaysAgo],
    );
  const candidate = async (id: string) =>
    (
      await mesh.hubQuery<{
        email: string | null;
        last_active_at: Date | null;
        reminded_at: Date | null;
        erased_at: Date | null;
        ended_as: string | null;
        signed_up_at: Date | null;
        signed_up_month: string;
      }>('SELECT email, last_active_at, reminded_at, erased_at, ended_as, signed_up_at, signed_up_month FROM candidate WHERE id = $1', [id])
    )[0];
  const remindersTo = async (email: string) => (await sentReminders(mesh.codeDir)).filter((r) => r.email === email);

  /** A pooled vacancy of the co-op and a request for the candidate, as the hiring slice stores them. */
  const requestFor = async (candidateId: string, status: 'waiting' | 'declined' = 'waiting') => {
    const vacancyId = randomUUID();
    const requestId = randomUUID();
    await mesh.hubQuery(
      `INSERT INTO pooled_vacancy (coop_id, vacancy_id, revision, state, role, contract_type, minutes_per_week, hourly_pay_pence,
                                   pays_real_living_wage, locality, starts_on, first_pooled_at, changed_at)
       VALUES ($1, $2, 1, 'pooled', 'care-worker', 'permanent', 1500, 1290, true, 'Holmfirth', '2031-03-01', now(), now())`,
      [COOP, vacancyId],
    );
    await mesh.hubQuery(
      `INSERT INTO hire_request (id, coop_id, vacancy_id, candidate_id, status, role, locality, requested_at, answered_at)
       VALUES ($1, $2, $3, $4, $5, 'care-worker', 'Holmfirth', now() - interval '30 days', CASE WHEN $5 = 'waiting' THEN NULL ELSE now() - interval '29 days' END)`,
      [requestId, COOP, vacancyId, candidateId, status],
    );
    return requestId;
  };
  const answersQueued = (requestId: string) =>
    mesh.hubQuery<{ coop_id: string; outcome: string }>(
      `SELECT coop_id, envelope->'payload'->>'outcome' AS outcome FROM outbox_message
        WHERE type = 'recruitment.hire-answered' AND envelope->'payload'->>'requestId' = $1`,
      [requestId],
    );

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.provision(COOP);
    // A second hub instance on the same database, NATS and code directory: what a hub run twice for availability is.
    second = await startHub(mesh.hubConfig());
  }, 90_000);
  afterAll(async () => {
    await second?.close();
    await mesh.dispose();
  });

  it('reminds a candidate inactive for 166 days once, however often the job runs, and leaves a recent one alone', async () => {
    const idle = await signIn(address('idle'));
    const recent = await signIn(address('recent'));
    await age(idle, 170, null);
    await age(recent, 100, null);
    const now = new Date();

    expect(await job().execute(now)).toEqual({ reminded: 1, purged: 0, requestsEnded: 0, codesDeleted: 0, failed: 0 });
    expect(await job().execute(now)).toEqual({ reminded: 0, purged: 0, requestsEnded: 0, codesDeleted: 0, failed: 0 });
    expect(await job().execute(new Date(now.getTime() + 60_000))).toMatchObject({ reminded: 0, purged: 0 });

    const sent = await remindersTo(address('idle'));
    // 170 days idle: 180 days would be in 10, but the reminder promises 14.
    const removeAfter = new Date(now.getTime() + 14 * DAY_MS);
    expect(sent).toEqual([
      {
        reminderId: expect.stringContaining(idle),
        email: address('idle'),
        removeOn: removeAfter.toISOString().slice(0, 10),
        removeAfter: removeAfter.toISOString(),
        text: `your record will be removed on ${removeAfter.toISOString().slice(0, 10)} unless you sign in before then`,
        sentAt: expect.any(String),
      },
    ]);
    expect((await candidate(idle)).reminded_at).toEqual(now);
    expect(await remindersTo(address('recent'))).toEqual([]);
    expect((await candidate(recent)).reminded_at).toBeNull();
  });

  it('does not purge a candidate who signed in after the reminder, and reminds them afresh when they go quiet again', async () => {
    const email = address('returner');
    const id = await signIn(email);
    await age(id, 170, null);
    await job().execute();
    expect(await remindersTo(email)).toHaveLength(1);

    // The candidate signs in after the reminder, then nothing for 200 days: the old reminder does not count.
    await signIn(email);
    await mesh.hubQuery(
      "UPDATE candidate SET last_active_at = last_active_at - interval '200 days', reminded_at = reminded_at - interval '200 days' WHERE id = $1",
      [id],
    );
    expect(await job().execute()).toMatchObject({ reminded: 1, purged: 0 });
    const sent = await remindersTo(email);
    expect(sent).toHaveLength(2);
    expect(sent[1].reminderId).not.toBe(sent[0].reminderId);
    expect((await candidate(id)).email).toBe(email);
  });

  it('sends a reminder once when the hub stopped between sending it and committing, and warns before any purge', async () => {
    const email = address('crash');
    const id = await signIn(email);
    await age(id, 250, null);
    expect(await job().execute()).toMatchObject({ reminded: 1, purged: 0 });
    // As if the hub died after the mail went and before its transaction committed: the reminder is not recorded.
    await mesh.hubQuery('UPDATE candidate SET reminded_at = NULL WHERE id = $1', [id]);
    expect(await job().execute()).toMatchObject({ reminded: 1, purged: 0 });
    expect(await remindersTo(email)).toHaveLength(1);
    expect((await candidate(id)).reminded_at).not.toBeNull();
  });

  it('reminds nobody and so purges nobody on a hub with no sender, then reminds them first', async () => {
    const email = address('no-sender');
    const id = await signIn(email);
    await age(id, 250, null);
    // An empty setting is an unset one.
    const mute = await startHub(mesh.hubConfig({ RECRUITMENT_CODE_DIR: '' }));
    try {
      const swept = await mute.get(CandidateRetentionJob).execute();
      expect(swept).toMatchObject({ reminded: 0, purged: 0, failed: 1 });
    } finally {
      await mute.close();
    }
    expect(await candidate(id)).toMatchObject({ email, reminded_at: null, ended_as: null });
    expect(await remindersTo(email)).toEqual([]);
    // The hub with a sender reminds them now, and purges them no sooner than 14 days later.
    expect(await job().execute()).toMatchObject({ reminded: 1, purged: 0 });
    await age(id, 250, 13.99);
    expect(await job().execute()).toMatchObject({ reminded: 0, purged: 0 });
    expect((await candidate(id)).ended_as).toBeNull();
    await age(id, 250, 14.01);
    expect(await job().execute()).toMatchObject({ reminded: 0, purged: 1 });
    expect((await candidate(id)).ended_as).toBe('purged');
  });

  describe('the purge', () => {
    const NAME = 'Perpetua Wintergreen-Oddsock';
    const PHONE = '07700 900777';
    const APPLICATION = {
      fullName: NAME,
      phone: PHONE,
      localities: ['Netherthong', 'Hepworth'],
      rolesSought: ['care-worker'],
      minutesPerWeek: 1200,
      contractTypes: ['permanent'],
      earliestStart: '2031-05-06',
      rightToWork: { evidence: 'share-code', expiresOn: '2034-07-08' },
      dbs: { status: 'clear', certificateDate: '2022-09-10', onUpdateService: true },
      drivingLicence: false,
      hasCar: false,
      languages: ['Manx'],
      statement: 'Thirty years of bell-ringing at Jackson Bridge made me punctual.',
    };
    const NEEDLES = () => [address('purged-full'), address('purged-bare'), NAME, PHONE, 'Netherthong', 'Hepworth', 'Manx', 'bell-ringing'];
    const DATES = ['2031-05-06', '2034-07-08', '2022-09-10'];
    const ids: Record<string, string> = {};
    let waiting: string;
    let declined: string;
    let now: Date;
    const untouched = new Map<string, unknown>();

    /** Every text, json, array and date column of every hub table searched for the purged candidates' data. */
    const findAnywhere = async (): Promise<string[]> => {
      const columns = await mesh.hubQuery<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
          WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'date', 'uuid')`,
      );
      expect(columns.length).toBeGreaterThan(30);
      const purged = [ids.full, ids.bare];
      const hits: string[] = [];
      for (const { table_name: table, column_name: column, data_type: type } of columns) {
        // The tombstone keeps its id, and only that.
        if (table === 'candidate' && column === 'id') continue;
        const [sql, values] =
          type === 'date'
            ? [`"${column}" = ANY($1::date[])`, DATES]
            : type === 'uuid'
              ? [`"${column}" = ANY($1::uuid[])`, purged]
              : [`"${column}"::text ILIKE ANY($1::text[])`, NEEDLES().map((n) => `%${n}%`)];
        const [{ n }] = await mesh.hubQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${sql}`, [values]);
        if (n > 0) hits.push(`${table}.${column}`);
      }
      return hits.sort();
    };

    beforeAll(async () => {
      // Inactive 200 days and reminded 20 days ago, with everything a candidate can leave behind.
      ids.full = await signIn(address('purged-full'));
      const full = mesh.hub().candidate(ids.full);
      await full.put('/recruitment/me/application', APPLICATION).expect(200);
      await full.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(201);
      waiting = await requestFor(ids.full, 'waiting');
      declined = await requestFor(ids.full, 'declined');
      await mesh.hubQuery('INSERT INTO pool_profile (candidate_id, coop_id, profile_id) VALUES ($1, $2, $3)', [
        ids.full,
        COOP,
        randomUUID(),
      ]);
      await mesh.hubQuery(
        `INSERT INTO candidate_consent (id, candidate_id, kind, wording_version, coop_id, request_id, given_at)
         VALUES ($1, $2, 'hire', 'hire-2026-01', $3, $4, now() - interval '29 days')`,
        [randomUUID(), ids.full, COOP, declined],
      );
      // A code they asked for and never used is waiting for their address.
      await mesh.hubQuery(
        "UPDATE candidate_sign_in_code SET requested_at = requested_at - interval '2 minutes', expires_at = expires_at - interval '2 minutes' WHERE email = $1",
        [address('purged-full')],
      );
      await mesh
        .hub()
        .anonymous()
        .post('/recruitment/sign-in', { email: address('purged-full') })
        .expect(202);
      await age(ids.full, 200, 20);
      // Just past both limits, with nothing else.
      ids.bare = await signIn(address('purged-bare'));
      await age(ids.bare, 180.01, 14.01);
      // Kept: reminded only 5 days ago; never reminded (the hub was off); reminded before their last activity; active yesterday.
      ids.recentlyReminded = await signIn(address('recently-reminded'));
      await age(ids.recentlyReminded, 200, 5);
      ids.neverReminded = await signIn(address('never-reminded'));
      await age(ids.neverReminded, 300, null);
      ids.remindedBefore = await signIn(address('reminded-before'));
      await age(ids.remindedBefore, 200, 250);
      ids.active = await signIn(address('active'));
      await age(ids.active, 1, null);
      const active = mesh.hub().candidate(ids.active);
      await active
        .put('/recruitment/me/application', {
          ...APPLICATION,
          fullName: 'Active Person',
          phone: '07700 900001',
          localities: ['Marsden'],
          earliestStart: '2031-06-07',
          rightToWork: { evidence: 'british-or-irish-passport', expiresOn: null },
          dbs: { status: 'none' },
          languages: ['English'],
          statement: 'Still looking.',
        })
        .expect(200);
      await age(ids.active, 1, null);
      for (const key of ['recentlyReminded', 'active'])
        untouched.set(
          key,
          await mesh.hubQuery(
            'SELECT c.*, a.full_name FROM candidate c LEFT JOIN candidate_application a ON a.candidate_id = c.id WHERE c.id = $1',
            [ids[key]],
          ),
        );
      now = new Date();
    });

    it('removes exactly the candidates inactive for 180 days and reminded at least 14 days ago, and reminds the unwarned', async () => {
      // The month each signed up in, read before the purge: a suite run across midnight at a month's end keeps its own.
      const months = new Map(
        (
          await mesh.hubQuery<{ id: string; signed_up_month: string }>(
            'SELECT id, signed_up_month FROM candidate WHERE id = ANY($1::uuid[])',
            [[ids.full, ids.bare]],
          )
        ).map((r) => [r.id, r.signed_up_month]),
      );
      expect(await job().execute(now)).toEqual({ reminded: 2, purged: 2, requestsEnded: 1, codesDeleted: 0, failed: 0 });

      for (const key of ['full', 'bare'])
        expect(await candidate(ids[key])).toEqual({
          email: null,
          last_active_at: null,
          reminded_at: null,
          signed_up_at: null,
          erased_at: now,
          ended_as: 'purged',
          signed_up_month: months.get(ids[key]),
        });
      for (const [key, name] of [
        ['neverReminded', 'never-reminded'],
        ['remindedBefore', 'reminded-before'],
      ]) {
        expect(await candidate(ids[key])).toMatchObject({ ended_as: null, reminded_at: now, email: address(name) });
        expect(await remindersTo(address(name))).toHaveLength(1);
      }
      for (const key of ['recentlyReminded', 'active'])
        expect(
          await mesh.hubQuery(
            'SELECT c.*, a.full_name FROM candidate c LEFT JOIN candidate_application a ON a.candidate_id = c.id WHERE c.id = $1',
            [ids[key]],
          ),
        ).toEqual(untouched.get(key));
      expect(await remindersTo(address('recently-reminded'))).toEqual([]);
      expect(await remindersTo(address('purged-full'))).toEqual([]);
    });

    it('leaves no personal field of a purged candidate in any table, and their old token finds nothing', async () => {
      expect(await findAnywhere()).toEqual([]);
      for (const table of ['candidate_application', 'candidate_consent', 'candidate_sign_in', 'pool_profile'])
        expect(await mesh.hubQuery(`SELECT 1 FROM ${table} WHERE candidate_id = ANY($1::uuid[])`, [[ids.full, ids.bare]])).toEqual([]);
      expect(await mesh.hubQuery('SELECT 1 FROM candidate_sign_in_code WHERE email = $1', [address('purged-full')])).toEqual([]);
      expect((await mesh.hub().candidate(ids.full).get('/recruitment/me/export').expect(404)).body.code).toBe(
        'RECRUITMENT.CANDIDATE_NOT_FOUND',
      );
    });

    it("ends the purged candidate's waiting request as withdrawn and tells its co-op, keeping the declined one as it was", async () => {
      expect(
        await mesh.hubQuery('SELECT id, status, candidate_id, answered_at FROM hire_request WHERE id = ANY($1::uuid[]) ORDER BY status', [
          [waiting, declined],
        ]),
      ).toEqual([
        { id: declined, status: 'declined', candidate_id: null, answered_at: expect.any(Date) },
        { id: waiting, status: 'withdrawn', candidate_id: null, answered_at: now },
      ]);
      expect(await answersQueued(waiting)).toEqual([{ coop_id: COOP, outcome: 'withdrawn' }]);
      expect(await answersQueued(declined)).toEqual([]);
    });

    it('changes nothing when run again', async () => {
      const snapshots = new DatabaseSnapshots(mesh.hubDb, [
        'outbox_message.status',
        'outbox_message.attempts',
        'outbox_message.next_attempt_at',
        'outbox_message.published_at',
        'outbox_message.settled_at',
        'outbox_message.last_error',
        'coop.last_heartbeat_at',
        'audit_event',
      ]);
      try {
        const before = await snapshots.take();
        const remindersBefore = await sentReminders(mesh.codeDir);
        expect(await job().execute(new Date(now.getTime() + 1000))).toEqual({
          reminded: 0,
          purged: 0,
          requestsEnded: 0,
          codesDeleted: 0,
          failed: 0,
        });
        expect(changedTables(before, await snapshots.take())).toEqual([]);
        expect(await sentReminders(mesh.codeDir)).toEqual(remindersBefore);
      } finally {
        await snapshots.close();
      }
    });
  });

  it('purges and reminds each candidate once when two hub instances sweep at the same moment', async () => {
    const due = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => signIn(address(`racing-purge-${i}`))));
    const quiet = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => signIn(address(`racing-remind-${i}`))));
    const requests: string[] = [];
    for (const id of due) {
      await age(id, 190, 15);
      requests.push(await requestFor(id));
    }
    for (const id of quiet) await age(id, 170, null);
    const now = new Date();

    const runs = await Promise.all([job().execute(now), second.get(CandidateRetentionJob).execute(now), job().execute(now)]);
    const total = (k: 'reminded' | 'purged' | 'requestsEnded' | 'failed') => runs.reduce((n, r) => n + r[k], 0);
    expect([total('purged'), total('requestsEnded'), total('reminded'), total('failed')]).toEqual([6, 6, 6, 0]);

    for (const id of due) expect((await candidate(id)).ended_as).toBe('purged');
    for (const r of requests) expect(await answersQueued(r)).toEqual([{ coop_id: COOP, outcome: 'withdrawn' }]);
    for (let i = 0; i < 6; i++) expect(await remindersTo(address(`racing-remind-${i}`))).toHaveLength(1);
    for (let i = 0; i < 6; i++) expect(await remindersTo(address(`racing-purge-${i}`))).toEqual([]);
  });

  it('deletes sign-in codes expired more than a day ago, and keeps the others', async () => {
    const ask = (email: string) => mesh.hub().anonymous().post('/recruitment/sign-in', { email }).expect(202);
    const move = (email: string, hours: number) =>
      mesh.hubQuery(
        `UPDATE candidate_sign_in_code SET requested_at = requested_at - make_interval(hours => $2), expires_at = expires_at - make_interval(hours => $2)
          WHERE email = $1`,
        [email, hours],
      );
    for (const who of ['code-old', 'code-yesterday', 'code-fresh']) await ask(address(who));
    await move(address('code-old'), 25);
    await move(address('code-yesterday'), 23);

    expect(await job().execute()).toMatchObject({ codesDeleted: 1, failed: 0 });
    const left = await mesh.hubQuery<{ email: string }>(
      'SELECT email FROM candidate_sign_in_code WHERE email = ANY($1::text[]) ORDER BY email',
      [['code-old', 'code-yesterday', 'code-fresh'].map(address)],
    );
    expect(left.map((r) => r.email)).toEqual([address('code-fresh'), address('code-yesterday')]);
  });

  it('sweeps on its own every RECRUITMENT_RETENTION_SWEEP_MS', async () => {
    const email = address('timer');
    const id = await signIn(email);
    await age(id, 170, null);
    const eager = await startHub(mesh.hubConfig({ RECRUITMENT_RETENTION_SWEEP_MS: '1000' }));
    try {
      await waitFor(
        'the sweep to remind the candidate',
        () => remindersTo(email),
        (sent) => sent.length === 1,
        { timeoutMs: 10_000 },
      );
    } finally {
      await eager.close();
    }
    expect((await candidate(id)).reminded_at).not.toBeNull();
  });
});
