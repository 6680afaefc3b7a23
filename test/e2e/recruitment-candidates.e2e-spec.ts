import request from 'supertest';

import { AppProcess, freePort } from '../support/app-process';
import { forgeToken, nowSeconds } from '../support/forge-token';
import { TestMesh } from '../support/mesh';
import { latestCode, sentCodes } from '../support/one-time-codes';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

/**
 * The recruitment pool's first slice on a real hub: a candidate signs up with a one-time code, keeps
 * an application, consents to the pool and withdraws, exports and erases what the hub holds.
 */
describe('recruitment: candidates on the hub', () => {
  const mesh = new TestMesh();
  const hub = () => mesh.hub();
  const anonymous = () => mesh.hub().anonymous();

  const ask = (email: string) => anonymous().post('/recruitment/sign-in', { email });
  const verify = (email: string, code: string) => anonymous().post('/recruitment/sign-in/verify', { email, code });
  /** Lets the same address ask again at once, as if the minute had passed. */
  const forgetLastRequest = (email: string) =>
    mesh.hubQuery(
      "UPDATE candidate_sign_in_code SET requested_at = requested_at - interval '2 minutes', expires_at = expires_at - interval '2 minutes' WHERE email = $1",
      [email],
    );
  /** Signs an address in through the real code path and answers the candidate's id and client. */
  const signIn = async (email: string) => {
    await forgetLastRequest(email.toLowerCase());
    await ask(email).expect(202);
    const code = await latestCode(mesh.codeDir, email, countFor(email));
    const res = await verify(email, code).expect(200);
    return { id: res.body.candidateId as string, client: hub().candidate(res.body.candidateId), token: res.body.token as string };
  };
  const sentTo = new Map<string, number>();
  const countFor = (email: string) => {
    const n = (sentTo.get(email.toLowerCase()) ?? 0) + 1;
    sentTo.set(email.toLowerCase(), n);
    return n;
  };

  const SAM = {
    fullName: 'Samphire Quillfeather',
    phone: '07700 900431',
    localities: ['Wessenden Head', 'Marsden'],
    rolesSought: ['care-worker', 'senior-carer'],
    minutesPerWeek: 1500,
    contractTypes: ['permanent', 'bank'],
    earliestStart: '2031-02-17',
    rightToWork: { evidence: 'share-code', expiresOn: '2032-03-19' },
    dbs: { status: 'clear', certificateDate: '2024-05-23', onUpdateService: true },
    drivingLicence: true,
    hasCar: true,
    languages: ['English', 'Gujarati'],
    statement: 'Nine winters of caring for my grandfather at Butterley reservoir taught me patience.',
    requiresRealLivingWage: true,
  };
  const SAM_EMAIL = 'samphire.quillfeather@example.org';

  /** Everything the candidate tables hold, to show a refusal changed none of it. */
  const stored = async () =>
    (
      await mesh.hubQuery(
        `SELECT (SELECT json_agg(a ORDER BY candidate_id) FROM candidate_application a) AS applications,
                (SELECT json_agg(c ORDER BY id) FROM candidate c) AS candidates,
                (SELECT json_agg(k ORDER BY id) FROM candidate_consent k) AS consents,
                (SELECT json_agg(s ORDER BY id) FROM candidate_sign_in s) AS sign_ins,
                (SELECT json_agg(k ORDER BY email) FROM candidate_sign_in_code k) AS codes`,
      )
    )[0];

  beforeAll(() => mesh.startHub(), 60_000);
  afterAll(() => mesh.dispose());

  describe('signing in', () => {
    it('signs a new address up with the code sent to it, and answers a candidate token for its record', async () => {
      const asked = await ask('New.Person@Example.org').expect(202);
      expect(asked.body).toEqual({ message: expect.stringContaining('code'), expiresInSeconds: 600 });
      const [sent] = (await sentCodes(mesh.codeDir)).filter((c) => c.email === 'new.person@example.org');
      expect(sent.code).toMatch(/^\d{6}$/);
      const row = await mesh.hubQuery<{ code_hash: string; salt: string }>(
        "SELECT code_hash, salt FROM candidate_sign_in_code WHERE email = 'new.person@example.org'",
      );
      expect(JSON.stringify(row)).not.toContain(sent.code);

      const res = await verify('new.person@example.org', sent.code).expect(200);
      expect(res.body).toEqual({
        token: expect.any(String),
        candidateId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        expiresAt: expect.any(String),
      });
      sentTo.set('new.person@example.org', 1);
      const me = hub().candidate(res.body.candidateId);
      expect((await me.get('/recruitment/me/application').expect(404)).body.code).toBe('RECRUITMENT.NO_APPLICATION');
      // The token the hub answered is a real one: it reaches the record as itself.
      await request(mesh.hubApp!.getHttpServer())
        .get('/recruitment/me/consents')
        .set('Authorization', `Bearer ${res.body.token}`)
        .expect(200, []);
      // A spent code does not work twice.
      expect((await verify('new.person@example.org', sent.code).expect(400)).body.code).toBe('RECRUITMENT.CODE_INVALID');
    });

    it('answers a known address exactly as a new one, and signs it in to the same record', async () => {
      const first = await signIn('known@example.org');
      await forgetLastRequest('known@example.org');
      const known = await ask('known@example.org').expect(202);
      const unknown = await ask('never-seen@example.org').expect(202);
      expect(known.body).toEqual(unknown.body);
      const code = await latestCode(mesh.codeDir, 'known@example.org', countFor('known@example.org'));
      expect((await verify('known@example.org', code).expect(200)).body.candidateId).toBe(first.id);
    });

    it('refuses a wrong code, counting each try, and ends the code after five', async () => {
      const email = 'tries@example.org';
      await ask(email).expect(202);
      const code = await latestCode(mesh.codeDir, email, countFor(email));
      const wrong = code === '000000' ? '111111' : '000000';
      for (const left of [4, 3, 2, 1, 0]) {
        const res = await verify(email, wrong).expect(400);
        expect(res.body).toMatchObject({ code: 'RECRUITMENT.CODE_INVALID', details: { triesLeft: left } });
      }
      expect((await verify(email, code).expect(400)).body.code).toBe('RECRUITMENT.TOO_MANY_TRIES');
      expect(await mesh.hubQuery('SELECT 1 FROM candidate WHERE email = $1', [email])).toEqual([]);
    });

    it('refuses an expired code', async () => {
      const email = 'late@example.org';
      await ask(email).expect(202);
      const code = await latestCode(mesh.codeDir, email, countFor(email));
      // The clock, moved on 11 minutes for this code alone.
      await mesh.hubQuery(
        "UPDATE candidate_sign_in_code SET requested_at = requested_at - interval '11 minutes', expires_at = expires_at - interval '11 minutes' WHERE email = $1",
        [email],
      );
      expect((await verify(email, code).expect(400)).body.code).toBe('RECRUITMENT.CODE_EXPIRED');
    });

    it('refuses a second request within the minute, and lets a new request replace the old code', async () => {
      const email = 'hasty@example.org';
      await ask(email).expect(202);
      const first = await latestCode(mesh.codeDir, email, countFor(email));
      const again = await ask(email).expect(429);
      expect(again.body).toMatchObject({ code: 'RECRUITMENT.TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
      expect(await sentCodes(mesh.codeDir).then((c) => c.filter((x) => x.email === email).length)).toBe(1);
      await forgetLastRequest(email);
      await ask(email).expect(202);
      const second = await latestCode(mesh.codeDir, email, countFor(email));
      if (first !== second) expect((await verify(email, first).expect(400)).body.code).toBe('RECRUITMENT.CODE_INVALID');
      await verify(email, second).expect(200);
    });

    it('refuses a code for another address', async () => {
      await ask('alice.code@example.org').expect(202);
      const code = await latestCode(mesh.codeDir, 'alice.code@example.org', countFor('alice.code@example.org'));
      expect((await verify('mallory.code@example.org', code).expect(400)).body.code).toBe('RECRUITMENT.CODE_INVALID');
    });
  });

  describe('the application', () => {
    let sam: Awaited<ReturnType<typeof signIn>>;
    beforeAll(async () => {
      sam = await signIn(SAM_EMAIL);
    });

    it('is made whole by PUT, read back with the signed-in address, and corrected by PATCH', async () => {
      const put = await sam.client.put('/recruitment/me/application', SAM).expect(200);
      expect(put.body).toEqual({ ...SAM, email: SAM_EMAIL, updatedAt: expect.any(String) });
      expect((await sam.client.get('/recruitment/me/application').expect(200)).body).toEqual(put.body);
      const patched = await sam.client
        .patch('/recruitment/me/application', { phone: '07700 900432', dbs: { status: 'applied' } })
        .expect(200);
      expect(patched.body).toMatchObject({
        phone: '07700 900432',
        dbs: { status: 'applied', certificateDate: null, onUpdateService: null },
      });
      await sam.client.put('/recruitment/me/application', SAM).expect(200);
    });

    it('is reached only by its own candidate: other candidates, other roles and other keys cannot', async () => {
      const other = await signIn('other.candidate@example.org');
      expect((await other.client.get('/recruitment/me/application').expect(404)).body.code).toBe('RECRUITMENT.NO_APPLICATION');
      await other.client.put('/recruitment/me/application', { ...SAM, fullName: 'Someone Else' }).expect(200);
      expect((await sam.client.get('/recruitment/me/application').expect(200)).body.fullName).toBe(SAM.fullName);
      for (const role of ['consortium-staff', 'commissioner', 'coop'] as const)
        await hub().as(role, 'some-coop').get('/recruitment/me/application').expect(403);
      // A token for Sam's id, signed with any key but the hub's, is refused outright.
      const forged = forgeToken(
        { sub: sam.id, role: 'candidate', iss: 'ccm-hub', aud: 'ccm-hub', iat: nowSeconds(), exp: nowSeconds() + 600 },
        { alg: 'ES256', privateKey: mesh.authKeysOf('elsewhere').AUTH_PRIVATE_KEY },
      );
      await anonymous().get('/recruitment/me/application').set('Authorization', `Bearer ${forged}`).expect(401);
      // A candidate token must carry a candidate's id: any other subject is refused.
      const notAnId = forgeToken(
        { sub: 'test-candidate', role: 'candidate', iss: 'ccm-hub', aud: 'ccm-hub', iat: nowSeconds(), exp: nowSeconds() + 600 },
        { alg: 'ES256', privateKey: mesh.hubAuth.AUTH_PRIVATE_KEY },
      );
      await anonymous().get('/recruitment/me/application').set('Authorization', `Bearer ${notAnId}`).expect(401);
      expect((await hub().candidate('7d1c8f5e-0b6a-4f3e-9d2c-1a2b3c4d5e6f').get('/recruitment/me/export').expect(404)).body.code).toBe(
        'RECRUITMENT.CANDIDATE_NOT_FOUND',
      );
    });

    const yesterday = ukDay(-1);
    /** [field, bad value] pairs; the refusal must name the field (for rules across fields: the field the rule is about). */
    const BAD: [string, unknown][] = [
      ['fullName', 'A'],
      ['fullName', 'x'.repeat(121)],
      ['fullName', 5],
      ['phone', 'call me'],
      ['phone', '12'],
      ['phone', 7700900431],
      ['localities', []],
      ['localities', 'Marsden'],
      ['localities', ['M']],
      ['localities', ['Marsden', 'Marsden']],
      ['localities', Array.from({ length: 21 }, (_, i) => `Place ${i}`)],
      ['rolesSought', []],
      ['rolesSought', ['surgeon']],
      ['rolesSought', 'care-worker'],
      ['minutesPerWeek', 59],
      ['minutesPerWeek', 3601],
      ['minutesPerWeek', 90.5],
      ['minutesPerWeek', '600'],
      ['contractTypes', []],
      ['contractTypes', ['salaried']],
      ['earliestStart', '2031-02-30'],
      ['earliestStart', 'soon'],
      ['earliestStart', yesterday],
      ['rightToWork', 'yes'],
      ['rightToWork', { evidence: 'visa' }],
      ['rightToWork', { evidence: 'share-code', expiresOn: '2020-01-01' }],
      ['rightToWork', { evidence: 'british-or-irish-passport', expiresOn: '2033-01-01' }],
      ['rightToWork', { evidence: 'share-code', expiresOn: '31/01/2033' }],
      ['rightToWork', { evidence: 'share-code', shareCode: 'W4K 9XJ PLM' }],
      ['dbs', { status: 'clear' }],
      ['dbs', { status: 'none', certificateDate: '2024-01-01' }],
      ['dbs', { status: 'applied', onUpdateService: false }],
      ['dbs', { status: 'pending' }],
      ['dbs', { status: 'clear', certificateDate: '2099-01-01', onUpdateService: true }],
      ['dbs', { status: 'clear', certificateDate: '2024-01-01', onUpdateService: 'yes' }],
      ['dbs', []],
      ['drivingLicence', 'yes'],
      ['hasCar', 1],
      ['languages', []],
      ['languages', ['']],
      ['languages', Array.from({ length: 11 }, (_, i) => `Language ${i}`)],
      ['statement', 'x'.repeat(1001)],
      ['statement', 5],
    ];

    it.each(BAD)('PUT refuses %s = %j, naming it, and changes nothing', async (field, value) => {
      const before = await stored();
      const res = await sam.client.put('/recruitment/me/application', { ...SAM, [field]: value }).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it.each([...BAD, ...Object.keys(SAM).map((f): [string, unknown] => [f, null])])(
      'PATCH refuses %s = %j, naming it, and changes nothing',
      async (field, value) => {
        const before = await stored();
        const res = await sam.client.patch('/recruitment/me/application', { [field]: value }).expect(400);
        expect(JSON.stringify(res.body)).toContain(field);
        expect(await stored()).toEqual(before);
      },
    );

    it('refuses a field it does not know, a missing field, and a car without a licence', async () => {
      const before = await stored();
      expect(JSON.stringify((await sam.client.put('/recruitment/me/application', { ...SAM, nickname: 'Sam' }).expect(400)).body)).toContain(
        'nickname',
      );
      const { phone: _phone, ...withoutPhone } = SAM;
      expect(JSON.stringify((await sam.client.put('/recruitment/me/application', withoutPhone).expect(400)).body)).toContain('phone');
      const noLicence = await sam.client.patch('/recruitment/me/application', { drivingLicence: false }).expect(400);
      expect(noLicence.body).toMatchObject({ code: 'RECRUITMENT.APPLICATION_RULES', details: { fields: ['hasCar'] } });
      expect(await stored()).toEqual(before);
    });

    it('lets a PATCH through when an old date has passed but the request does not touch it', async () => {
      await mesh.hubQuery("UPDATE candidate_application SET earliest_start = '2020-01-06' WHERE candidate_id = $1", [sam.id]);
      await sam.client.patch('/recruitment/me/application', { minutesPerWeek: 1200 }).expect(200);
      await sam.client.put('/recruitment/me/application', SAM).expect(200);
    });
  });

  describe('signing in: bad input', () => {
    it.each<[string, string, Record<string, unknown>, string]>([
      ['sign-in', '/recruitment/sign-in', { email: 'not-an-email' }, 'email'],
      ['sign-in', '/recruitment/sign-in', { email: '' }, 'email'],
      ['sign-in', '/recruitment/sign-in', { email: 5 }, 'email'],
      ['sign-in', '/recruitment/sign-in', { email: `${'a'.repeat(250)}@example.org` }, 'email'],
      ['sign-in', '/recruitment/sign-in', {}, 'email'],
      ['sign-in', '/recruitment/sign-in', { email: 'x@example.org', password: 'hunter2' }, 'password'],
      ['verify', '/recruitment/sign-in/verify', { email: SAM_EMAIL, code: '12345' }, 'code'],
      ['verify', '/recruitment/sign-in/verify', { email: SAM_EMAIL, code: '1234567' }, 'code'],
      ['verify', '/recruitment/sign-in/verify', { email: SAM_EMAIL, code: 'abcdef' }, 'code'],
      ['verify', '/recruitment/sign-in/verify', { email: SAM_EMAIL, code: 123456 }, 'code'],
      ['verify', '/recruitment/sign-in/verify', { email: SAM_EMAIL }, 'code'],
      ['verify', '/recruitment/sign-in/verify', { email: 'nobody', code: '123456' }, 'email'],
      ['verify', '/recruitment/sign-in/verify', { code: '123456' }, 'email'],
    ])('%s refuses %j, naming %s, and changes nothing', async (_name, path, body, field) => {
      const before = await stored();
      const res = await anonymous().post(path, body).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
      expect(await stored()).toEqual(before);
    });
  });

  describe('consent', () => {
    let cara: Awaited<ReturnType<typeof signIn>>;
    beforeAll(async () => {
      cara = await signIn('cara.consent@example.org');
    });

    it('lists the current wordings with their versions, to anyone', async () => {
      const res = await anonymous().get('/recruitment/consent-wordings').expect(200);
      expect(res.body).toEqual([
        { kind: 'pool', version: 'pool-2026-01', text: expect.stringContaining('withdraw'), current: true },
        { kind: 'hire', version: 'hire-2026-01', text: expect.stringContaining('sealed so that only that co-op'), current: true },
      ]);
    });

    it('needs an application and the current wording; is recorded with its version; withdrawn at once and kept', async () => {
      expect((await cara.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(409)).body.code).toBe(
        'RECRUITMENT.APPLICATION_REQUIRED',
      );
      await cara.client.put('/recruitment/me/application', { ...SAM, fullName: 'Cara Consent' }).expect(200);
      const old = await cara.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2025-07' }).expect(400);
      expect(old.body).toMatchObject({ code: 'RECRUITMENT.WORDING_NOT_CURRENT', details: { currentVersion: 'pool-2026-01' } });

      const given = await cara.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(201);
      expect(given.body).toEqual({
        kind: 'pool',
        wordingVersion: 'pool-2026-01',
        givenAt: expect.any(String),
        withdrawnAt: null,
        coopId: null,
        requestId: null,
      });
      expect((await cara.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(409)).body.code).toBe(
        'RECRUITMENT.ALREADY_IN_POOL',
      );

      await cara.client.delete('/recruitment/me/consents/pool').expect(204);
      const [withdrawn] = (await cara.client.get('/recruitment/me/consents').expect(200)).body;
      expect(withdrawn).toMatchObject({ kind: 'pool', wordingVersion: 'pool-2026-01', withdrawnAt: expect.any(String) });
      expect(Date.parse(withdrawn.withdrawnAt)).toBeGreaterThanOrEqual(Date.parse(withdrawn.givenAt));
      const live = await mesh.hubQuery(
        "SELECT 1 FROM candidate_consent WHERE kind = 'pool' AND withdrawn_at IS NULL AND candidate_id = $1",
        [cara.id],
      );
      expect(live).toEqual([]);
      expect((await cara.client.delete('/recruitment/me/consents/pool').expect(409)).body.code).toBe('RECRUITMENT.NOT_IN_POOL');

      await cara.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(201);
      const all = (await cara.client.get('/recruitment/me/consents').expect(200)).body;
      expect(all.map((c: { withdrawnAt: string | null }) => c.withdrawnAt === null)).toEqual([false, true]);
    });

    it.each<[Record<string, unknown>, string]>([
      [{ wordingVersion: '' }, 'wordingVersion'],
      [{ wordingVersion: 'x'.repeat(41) }, 'wordingVersion'],
      [{ wordingVersion: 5 }, 'wordingVersion'],
      [{}, 'wordingVersion'],
      [{ wordingVersion: 'pool-2026-01', coopId: 'holme-valley' }, 'coopId'],
    ])('refuses %j, naming %s, and changes nothing', async (body, field) => {
      const before = await stored();
      const res = await cara.client.post('/recruitment/me/consents/pool', body).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
      expect(await stored()).toEqual(before);
    });
  });

  describe("the candidate's rights", () => {
    const EMAIL = 'erin.erasure@example.org';
    const ERIN = {
      ...SAM,
      fullName: 'Erin Marrowbone-Tiddle',
      phone: '07700 900917',
      localities: ['Scammonden Dam'],
      statement: 'Happiest out on the Tiddlesworth moors with a flask of tea.',
      earliestStart: '2031-03-21',
      rightToWork: { evidence: 'share-code', expiresOn: '2033-04-22' },
      dbs: { status: 'clear', certificateDate: '2023-06-24', onUpdateService: false },
      languages: ['Cornish'],
    };
    const NEEDLES = [EMAIL, 'Marrowbone', '900917', 'Scammonden', 'Tiddlesworth', 'Cornish'];
    const DATES = ['2031-03-21', '2033-04-22', '2023-06-24'];

    /** Every text, json and array column of every hub table searched for the needles, and each date column for the dates. */
    const findAnywhere = async (): Promise<string[]> => {
      const columns = await mesh.hubQuery<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
          WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'date')`,
      );
      expect(columns.length).toBeGreaterThan(30);
      const hits: string[] = [];
      for (const { table_name: table, column_name: column, data_type: type } of columns) {
        const [sql, values] =
          type === 'date'
            ? [`"${column}" = ANY($1::date[])`, DATES]
            : [`"${column}"::text ILIKE ANY($1::text[])`, NEEDLES.map((n) => `%${n}%`)];
        const [{ n }] = await mesh.hubQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${sql}`, [values]);
        if (n > 0) hits.push(`${table}.${column}`);
      }
      return hits.sort();
    };

    it('exports everything held, erases every personal field to a tombstone, and lets the address start afresh', async () => {
      const erin = await signIn(EMAIL);
      await erin.client.put('/recruitment/me/application', ERIN).expect(200);
      await erin.client.post('/recruitment/me/consents/pool', { wordingVersion: 'pool-2026-01' }).expect(201);
      await erin.client.delete('/recruitment/me/consents/pool').expect(204);
      await signIn(EMAIL);

      const exported = (await erin.client.get('/recruitment/me/export').expect(200)).body;
      expect(exported).toEqual({
        exportedAt: expect.any(String),
        candidate: { id: erin.id, email: EMAIL, signedUpAt: expect.any(String), lastActiveAt: expect.any(String) },
        application: { ...ERIN, email: EMAIL, updatedAt: expect.any(String) },
        consents: [
          {
            kind: 'pool',
            wordingVersion: 'pool-2026-01',
            wording: expect.stringContaining('recruitment pool'),
            givenAt: expect.any(String),
            withdrawnAt: expect.any(String),
            coopId: null,
            requestId: null,
          },
        ],
        signIns: [{ signedInAt: expect.any(String) }, { signedInAt: expect.any(String) }],
      });
      const codes = (await sentCodes(mesh.codeDir)).filter((c) => c.email === EMAIL).map((c) => c.code);
      for (const code of codes) expect(JSON.stringify(exported)).not.toContain(code);
      expect(await findAnywhere()).toEqual(
        [
          'candidate.email',
          'candidate_application.full_name',
          'candidate_application.languages',
          'candidate_application.localities',
          'candidate_application.phone',
          'candidate_application.statement',
          'candidate_application.dbs_certificate_date',
          'candidate_application.earliest_start',
          'candidate_application.right_to_work_expires_on',
          'candidate_sign_in_code.email',
        ].sort(),
      );

      await erin.client.delete('/recruitment/me').expect(204);

      expect(await findAnywhere()).toEqual([]);
      const [tombstone] = await mesh.hubQuery('SELECT * FROM candidate WHERE id = $1', [erin.id]);
      expect(tombstone).toEqual({
        id: erin.id,
        email: null,
        signed_up_month: expect.stringMatching(/^\d{4}-\d{2}$/),
        signed_up_at: null,
        last_active_at: null,
        reminded_at: null,
        erased_at: expect.any(Date),
        ended_as: 'erased',
      });
      for (const table of ['candidate_application', 'candidate_consent', 'candidate_sign_in', 'pool_profile'])
        expect(await mesh.hubQuery(`SELECT 1 FROM ${table} WHERE candidate_id = $1`, [erin.id])).toEqual([]);
      expect((await erin.client.get('/recruitment/me/export').expect(404)).body.code).toBe('RECRUITMENT.CANDIDATE_NOT_FOUND');
      expect((await erin.client.patch('/recruitment/me/application', { minutesPerWeek: 600 }).expect(404)).body.code).toBe(
        'RECRUITMENT.CANDIDATE_NOT_FOUND',
      );

      const again = await signIn(EMAIL);
      expect(again.id).not.toBe(erin.id);
      expect((await again.client.get('/recruitment/me/application').expect(404)).body.code).toBe('RECRUITMENT.NO_APPLICATION');
      expect((await again.client.get('/recruitment/me/export').expect(200)).body.signIns).toHaveLength(1);
    });
  });

  describe('a hub that cannot sign candidates in', () => {
    afterAll(() => mesh.startHub(), 60_000);

    it('answers 503 naming the missing setting, and stores nothing', async () => {
      await mesh.stopHub();
      await mesh.startHub({ AUTH_PRIVATE_KEY: '' });
      const before = await stored();
      const res = await ask('no-key@example.org').expect(503);
      expect(res.body).toMatchObject({ code: 'RECRUITMENT.SIGN_IN_UNAVAILABLE', details: { setting: 'AUTH_PRIVATE_KEY' } });
      expect((await verify('no-key@example.org', '123456').expect(503)).body.details).toEqual({ setting: 'AUTH_PRIVATE_KEY' });
      await mesh.stopHub();
      await mesh.startHub({ RECRUITMENT_CODE_DIR: '' });
      const noSender = await ask('no-sender@example.org').expect(503);
      expect(noSender.body).toMatchObject({ code: 'RECRUITMENT.SIGN_IN_UNAVAILABLE', details: { setting: 'RECRUITMENT_CODE_DIR' } });
      expect(await stored()).toEqual(before);
      await mesh.stopHub();
    }, 60_000);
  });
});

/** The hub as its own process, every byte it writes kept: a candidate's sign-up, application and erasure leave no personal value in it. */
describe('recruitment: the hub log', () => {
  const mesh = new TestMesh();
  let hub: AppProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    hub = new AppProcess('consortium-hub', {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DB_NAME: mesh.hubDb,
      NATS_URL: mesh.natsUrl,
      NATS_SUBJECT_ROOT: mesh.root,
      NATS_NKEY_SEED: mesh.hubSeed,
      AUTH_PUBLIC_KEY: mesh.hubAuth.AUTH_PUBLIC_KEY,
      AUTH_PRIVATE_KEY: mesh.hubAuth.AUTH_PRIVATE_KEY,
      RECRUITMENT_CODE_DIR: mesh.codeDir,
    });
    await waitFor(
      'the hub to answer',
      async () => (await request(base).get('/health')).status,
      (s) => s === 200,
      {
        timeoutMs: 90_000,
        intervalMs: 250,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
    await mesh.dispose();
  });

  it('never logs an address, a code or a field of the application', async () => {
    const email = 'loggable.lettice@example.org';
    await request(base).post('/recruitment/sign-in').send({ email }).expect(202);
    const code = await latestCode(mesh.codeDir, email);
    await request(base)
      .post('/recruitment/sign-in/verify')
      .send({ email, code: code === '000000' ? '111111' : '000000' })
      .expect(400);
    const { token } = (await request(base).post('/recruitment/sign-in/verify').send({ email, code }).expect(200)).body;
    const auth = `Bearer ${token}`;
    const application = {
      fullName: 'Lettice Pomfret-Ashworth',
      phone: '07700 900588',
      localities: ['Blackmoorfoot'],
      rolesSought: ['care-worker'],
      minutesPerWeek: 900,
      contractTypes: ['zero-hours'],
      earliestStart: '2031-05-05',
      rightToWork: { evidence: 'british-or-irish-passport' },
      dbs: { status: 'none' },
      drivingLicence: false,
      hasCar: false,
      languages: ['Welsh'],
      statement: 'Weekends at the Pomfret allotments.',
    };
    await request(base).put('/recruitment/me/application').set('Authorization', auth).send(application).expect(200);
    await request(base)
      .put('/recruitment/me/application')
      .set('Authorization', auth)
      .send({ ...application, phone: 'Lettice 900588' })
      .expect(400);
    await request(base).get('/recruitment/me/export').set('Authorization', auth).expect(200);
    await request(base).delete('/recruitment/me').set('Authorization', auth).expect(204);
    const log = await waitFor(
      'the erasure in the log',
      () => hub.log,
      (text) => /"statusCode":204/.test(text),
      { timeoutMs: 15_000 },
    );
    for (const value of [email, 'loggable', 'Lettice', 'Pomfret', '900588', 'Blackmoorfoot', 'allotments'])
      expect({ value, found: log.includes(value) }).toEqual({ value, found: false });
    // The code as a number of its own (a timestamp may hold the same six digits inside it).
    expect(new RegExp(`(?<![0-9])${code}(?![0-9])`).test(log)).toBe(false);
  }, 120_000);
});
