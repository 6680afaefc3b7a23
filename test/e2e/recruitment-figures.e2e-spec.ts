import { randomUUID } from 'node:crypto';

import { lineLeaks, OwnPart, PublishedLine } from '../../apps/consortium-hub/src/reporting/disclosure-attacks.testing';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { ukDay } from '../support/uk-day';

/**
 * The pool's figures for consortium staff and commissioners, and staff's views of the pool, on a real
 * hub whose recruitment tables are filled with SQL. Each figure is checked against the tables read
 * here in SQL of the test's own, every small count of people is suppressed, and no reader -- a
 * commissioner, or up to two co-ops pooling what they know of their own hires and requests -- can
 * work a suppressed one out from what is shown.
 */
describe('recruitment: figures and what staff see of the pool', () => {
  const mesh = new TestMesh();
  const staff = () => mesh.hub().as('consortium-staff');
  const commissioner = () => mesh.hub().as('commissioner');
  const THRESHOLD = 4;
  const COOPS = ['holme-fig', 'marsden-fig', 'colne-fig', 'kirk-fig'];
  const [HOLME, MARSDEN, COLNE, KIRK] = COOPS;

  const DAY = 86_400_000;
  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * DAY);

  const candidateIds: string[] = [];

  async function candidate(o: { localities: string[]; roles: string[]; consent?: 'live' | 'withdrawn' | 'none' }): Promise<string> {
    const id = randomUUID();
    await mesh.hubQuery(
      `INSERT INTO candidate (id, email, signed_up_month, signed_up_at, last_active_at) VALUES ($1, $2, to_char(now(), 'YYYY-MM'), now(), now())`,
      [id, `c-${id}@example.org`],
    );
    await mesh.hubQuery(
      `INSERT INTO candidate_application (candidate_id, full_name, phone, localities, roles_sought, minutes_per_week, contract_types,
         earliest_start, right_to_work_evidence, dbs_status, driving_licence, has_car, languages, statement, created_at, updated_at)
       VALUES ($1, 'Figure Person', '07700 900000', $2, $3, 1200, ARRAY['permanent'], '2027-01-01', 'share-code', 'none', true, false,
         ARRAY['English'], '', now(), now())`,
      [id, o.localities, o.roles],
    );
    if ((o.consent ?? 'live') !== 'none')
      await mesh.hubQuery(
        `INSERT INTO candidate_consent (id, candidate_id, kind, wording_version, given_at, withdrawn_at)
         VALUES ($1, $2, 'pool', 'pool-v1', now() - interval '1 day', ${o.consent === 'withdrawn' ? 'now()' : 'NULL'})`,
        [randomUUID(), id],
      );
    candidateIds.push(id);
    return id;
  }

  async function vacancy(o: { coop: string; role: string; locality: string; state?: string; firstPooledAt?: Date }): Promise<string> {
    const id = randomUUID();
    const state = o.state ?? 'pooled';
    await mesh.hubQuery(
      `INSERT INTO pooled_vacancy (coop_id, vacancy_id, revision, state, role, contract_type, minutes_per_week, hourly_pay_pence,
         pays_real_living_wage, locality, starts_on, first_pooled_at, changed_at, closed_at)
       VALUES ($1, $2, 1, $3, $4, 'permanent', 1500, 1290, true, $5, '2027-02-01', $6, $6, $7)`,
      [o.coop, id, state, o.role, o.locality, o.firstPooledAt ?? daysAgo(30), state === 'pooled' ? null : (o.firstPooledAt ?? daysAgo(30))],
    );
    return id;
  }

  async function request(o: { coop: string; vacancyId: string; status: string; requestedAt: Date; hiredAt?: Date; candidateId?: string }) {
    const v = (
      await mesh.hubQuery<{ role: string; locality: string }>('SELECT role, locality FROM pooled_vacancy WHERE vacancy_id = $1', [
        o.vacancyId,
      ])
    )[0];
    const answered = o.status === 'waiting' ? null : (o.hiredAt ?? new Date(o.requestedAt.getTime() + DAY));
    const sent = ['accepted', 'hired'].includes(o.status) ? randomUUID() : null;
    await mesh.hubQuery(
      `INSERT INTO hire_request (id, coop_id, vacancy_id, candidate_id, status, role, locality, requested_at, answered_at,
         application_message_id, hired_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        o.coop,
        o.vacancyId,
        o.candidateId ?? null,
        o.status,
        v.role,
        v.locality,
        o.requestedAt,
        answered,
        sent,
        o.hiredAt ?? null,
      ],
    );
  }

  /** A hire `days` days after its vacancy was first pooled, `ago` days before now. */
  async function hire(coop: string, role: string, locality: string, days: number, ago: number | Date) {
    const hiredAt = typeof ago === 'number' ? daysAgo(ago) : ago;
    const vacancyId = await vacancy({ coop, role, locality, state: 'filled', firstPooledAt: new Date(hiredAt.getTime() - days * DAY) });
    await request({ coop, vacancyId, status: 'hired', requestedAt: new Date(hiredAt.getTime() - DAY), hiredAt });
  }

  beforeAll(async () => {
    await mesh.startHub();
    for (const coop of COOPS) await mesh.provision(coop);

    // Candidates in the pool: 6 in Marsden, 2 in Slaithwaite, 7 in Holmfirth of whom 3 reach Marsden too.
    for (let i = 0; i < 6; i++) await candidate({ localities: ['Marsden'], roles: ['care-worker'] });
    for (let i = 0; i < 2; i++) await candidate({ localities: ['Slaithwaite'], roles: ['senior-carer'] });
    for (let i = 0; i < 7; i++)
      await candidate({
        localities: i < 3 ? ['Holmfirth', 'Marsden'] : ['Holmfirth'],
        roles: i < 3 ? ['care-worker', 'coordinator'] : ['care-worker'],
      });
    // Not in the pool: withdrawn, never consented, and a record ended with its pool consent still on file.
    for (let i = 0; i < 2; i++) await candidate({ localities: ['Slaithwaite'], roles: ['manager'], consent: 'withdrawn' });
    await candidate({ localities: ['Slaithwaite'], roles: ['manager'], consent: 'none' });
    const ended = randomUUID();
    await mesh.hubQuery(
      `INSERT INTO candidate (id, email, signed_up_month, signed_up_at, last_active_at, erased_at, ended_as) VALUES ($1, NULL, '2026-01', NULL, NULL, now(), 'erased')`,
      [ended],
    );
    await mesh.hubQuery(
      `INSERT INTO candidate_consent (id, candidate_id, kind, wording_version, given_at) VALUES ($1, $2, 'pool', 'pool-v1', now() - interval '1 day')`,
      [randomUUID(), ended],
    );

    // Vacancies in the pool now, and some that are not.
    for (let i = 0; i < 3; i++) await vacancy({ coop: HOLME, role: 'care-worker', locality: 'Holmfirth' });
    await vacancy({ coop: HOLME, role: 'senior-carer', locality: 'Marsden' });
    for (let i = 0; i < 2; i++) await vacancy({ coop: MARSDEN, role: 'care-worker', locality: 'Marsden' });
    await vacancy({ coop: MARSDEN, role: 'manager', locality: 'Marsden', state: 'withdrawn' });
    await vacancy({ coop: COLNE, role: 'admin', locality: 'Colne', state: 'unpooled' });

    // Hires in the last 12 months: Holmfirth 12 + 8, Marsden 5 + 5 + 7, Colne 2; all care workers.
    for (let i = 0; i < 12; i++) await hire(HOLME, 'care-worker', 'Holmfirth', 10 + i * 3, 20 + i);
    for (let i = 0; i < 5; i++) await hire(HOLME, 'care-worker', 'Marsden', 12 + i, 30 + i);
    for (let i = 0; i < 8; i++) await hire(KIRK, 'care-worker', 'Holmfirth', 7 + i, 40 + i);
    for (let i = 0; i < 5; i++) await hire(KIRK, 'care-worker', 'Marsden', 9 + i * 2, 50 + i);
    for (let i = 0; i < 7; i++) await hire(MARSDEN, 'care-worker', 'Marsden', 20 + i * 5, 60 + i);
    for (let i = 0; i < 2; i++) await hire(COLNE, 'care-worker', 'Colne', 50, 100 + i);
    // Hires long ago, and two either side of midnight at the end of 31 March 2024 (UTC).
    for (let i = 0; i < 3; i++) await hire(HOLME, 'coordinator', 'Holmfirth', 15, 700 + i);
    // The last millisecond of 31 March 2024 in the UK (BST began that morning), and the first of 1 April.
    await hire(HOLME, 'care-worker', 'Holmfirth', 12, new Date('2024-03-31T22:59:59.999Z'));
    await hire(HOLME, 'care-worker', 'Holmfirth', 12, new Date('2024-03-31T23:00:00.000Z'));

    // Requests that did not end in a hire, in the last 12 months, some for candidates still in the pool.
    const open = await vacancy({ coop: HOLME, role: 'care-worker', locality: 'Holmfirth', state: 'pooled' });
    for (let i = 0; i < 6; i++) await request({ coop: HOLME, vacancyId: open, status: 'declined', requestedAt: daysAgo(10 + i) });
    for (let i = 0; i < 3; i++)
      await request({ coop: HOLME, vacancyId: open, status: 'waiting', requestedAt: daysAgo(2), candidateId: candidateIds[i] });
    const other = await vacancy({ coop: MARSDEN, role: 'care-worker', locality: 'Marsden', state: 'pooled' });
    await request({ coop: MARSDEN, vacancyId: other, status: 'withdrawn', requestedAt: daysAgo(5), candidateId: undefined });
    await request({ coop: MARSDEN, vacancyId: other, status: 'accepted', requestedAt: daysAgo(3), candidateId: candidateIds[7] });
    for (let i = 0; i < 5; i++) await request({ coop: MARSDEN, vacancyId: other, status: 'closed', requestedAt: daysAgo(20 + i) });
  }, 120_000);
  afterAll(() => mesh.dispose());

  // ---------------------------------------------------------------------------------------------
  // What the tables say, in SQL of the test's own
  // ---------------------------------------------------------------------------------------------

  type Figure = number | { suppressed: true };
  type Cell = { category: string; value: Figure };
  const isHidden = (f: Figure): f is { suppressed: true } => typeof f === 'object' && f !== null && f.suppressed === true;

  const inPool = `candidate c WHERE c.ended_as IS NULL AND c.erased_at IS NULL
     AND c.id IN (SELECT candidate_id FROM candidate_consent WHERE kind = 'pool' AND withdrawn_at IS NULL)
     AND c.id IN (SELECT candidate_id FROM candidate_application)`;

  const counts = async (sql: string, params: unknown[] = []) =>
    new Map((await mesh.hubQuery<{ k: string; n: number }>(sql, params)).map((r) => [r.k, Number(r.n)]));

  /** Each co-op's part of each category, for the readers who know their own. */
  const partsByCoop = async (sql: string, params: unknown[]) => {
    const own = new Map<string, OwnPart>();
    for (const r of await mesh.hubQuery<{ coop: string; k: string; n: number }>(sql, params)) {
      const part = own.get(r.coop) ?? { cells: new Map<string, number>(), withheld: [], withheldSum: 0 };
      (part.cells as Map<string, number>).set(r.k, Number(r.n));
      own.set(r.coop, part);
    }
    return own;
  };

  const line = (name: string, cells: Cell[], total: Figure | null, own: Map<string, OwnPart>): PublishedLine => ({
    name,
    cells: new Map(cells.map((c) => [c.category, isHidden(c.value) ? null : c.value])),
    total: total === null || isHidden(total) ? null : total,
    own,
  });

  /** Shown figures equal the tables'; every count from 1 to the threshold is suppressed; a category the tables lack is 0. */
  function expectControlled(cells: Cell[], truth: Map<string, number>) {
    for (const c of cells) {
      const real = truth.get(c.category) ?? 0;
      if (isHidden(c.value)) expect({ category: c.category, real: real > 0 }).toEqual({ category: c.category, real: true });
      else expect({ category: c.category, value: c.value }).toEqual({ category: c.category, value: real });
      if (real >= 1 && real <= THRESHOLD)
        expect({ category: c.category, value: c.value }).toEqual({ category: c.category, value: { suppressed: true } });
    }
    for (const [category, n] of truth) if (n > 0) expect(cells.map((c) => c.category)).toContain(category);
  }

  const periodSql = (column: string) =>
    `${column} >= ($1::date)::timestamp AT TIME ZONE 'Europe/London' AND ${column} < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'`;

  // ---------------------------------------------------------------------------------------------

  describe('GET /recruitment/figures', () => {
    it('counts the candidates in the pool now by locality and role, suppressing the small ones', async () => {
      const body = (await commissioner().get('/recruitment/figures').expect(200)).body;
      const total = Number((await mesh.hubQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${inPool}`))[0].n);
      expect(total).toBe(15);
      expect(body.candidatesInPool.total).toBe(total);
      const byLocality = await counts(
        `SELECT l AS k, count(DISTINCT c.id) AS n FROM ${inPool.replace('WHERE', ', unnest((SELECT localities FROM candidate_application WHERE candidate_id = c.id)) l WHERE')} GROUP BY l`,
      );
      const byRole = await counts(
        `SELECT r AS k, count(DISTINCT c.id) AS n FROM ${inPool.replace('WHERE', ', unnest((SELECT roles_sought FROM candidate_application WHERE candidate_id = c.id)) r WHERE')} GROUP BY r`,
      );
      expect(Object.fromEntries(byLocality)).toEqual({ Marsden: 9, Slaithwaite: 2, Holmfirth: 7 });
      expectControlled(body.candidatesInPool.byLocality, byLocality);
      expectControlled(body.candidatesInPool.byRole, byRole);
      expect(body.candidatesInPool.byLocality).toEqual([
        { category: 'Holmfirth', value: { suppressed: true } },
        { category: 'Marsden', value: 9 },
        { category: 'Slaithwaite', value: { suppressed: true } },
      ]);
      expect(body.candidatesInPool.byRole.map((c: Cell) => c.category)).toEqual([
        'care-worker',
        'senior-carer',
        'coordinator',
        'manager',
        'admin',
      ]);
      expect(body.candidatesInPool.description).toContain('each locality they reach');
      // Nobody learns a small count from a breakdown with its sum, the stricter reading of its total.
      for (const [name, cells] of [
        ['locality', body.candidatesInPool.byLocality],
        ['role', body.candidatesInPool.byRole],
      ] as [string, Cell[]][]) {
        const sum = (name === 'locality' ? [...byLocality.values()] : [...byRole.values()]).reduce((a, b) => a + b, 0);
        expect(lineLeaks(line(name, cells, sum, new Map()), THRESHOLD, 2)).toEqual([]);
      }
    });

    it('counts the vacancies in the pool now by locality and role, as they are: posts, not people', async () => {
      const body = (await staff().get('/recruitment/figures').expect(200)).body;
      const byLocality = await counts("SELECT locality AS k, count(*) AS n FROM pooled_vacancy WHERE state = 'pooled' GROUP BY locality");
      const byRole = await counts("SELECT role AS k, count(*) AS n FROM pooled_vacancy WHERE state = 'pooled' GROUP BY role");
      expect(body.vacanciesInPool.total).toBe([...byLocality.values()].reduce((a, b) => a + b, 0));
      expect(body.vacanciesInPool.byLocality).toEqual(
        [...byLocality].sort(([a], [b]) => a.localeCompare(b)).map(([category, value]) => ({ category, value })),
      );
      for (const c of body.vacanciesInPool.byRole) expect(c.value).toBe(byRole.get(c.category) ?? 0);
      // A single senior-carer post is shown: vacancies are not suppressed.
      expect(body.vacanciesInPool.byRole.find((c: Cell) => c.category === 'senior-carer').value).toBe(1);
    });

    it('counts the vacancies filled from the pool in the last 12 months, with no small count shown or recoverable', async () => {
      const body = (await commissioner().get('/recruitment/figures').expect(200)).body;
      const today = ukDay();
      const from = body.period.from;
      expect(body.period.to).toBe(today);
      const params = [from, today];
      const hired = `FROM hire_request WHERE status = 'hired' AND ${periodSql('hired_at')}`;
      const byLocality = await counts(`SELECT locality AS k, count(*) AS n ${hired} GROUP BY locality`, params);
      const byRole = await counts(`SELECT role AS k, count(*) AS n ${hired} GROUP BY role`, params);
      expect(Object.fromEntries(byLocality)).toEqual({ Holmfirth: 20, Marsden: 17, Colne: 2 });
      const f = body.filledFromPool;
      expectControlled(f.byLocality, byLocality);
      expectControlled(f.byRole, byRole);
      expect(f.byLocality.find((c: Cell) => c.category === 'Colne').value).toEqual({ suppressed: true });
      expect(f.byLocality.filter((c: Cell) => isHidden(c.value)).length).toBeGreaterThanOrEqual(2);
      expect(f.total).toBe(39);
      expect(f.byLocality.find((c: Cell) => c.category === 'Holmfirth').value).toBe(20);
      const ownLocality = await partsByCoop(
        `SELECT coop_id AS coop, locality AS k, count(*) AS n ${hired} GROUP BY coop_id, locality`,
        params,
      );
      const ownRole = await partsByCoop(`SELECT coop_id AS coop, role AS k, count(*) AS n ${hired} GROUP BY coop_id, role`, params);
      expect(lineLeaks(line('locality', f.byLocality, f.total, ownLocality), THRESHOLD, 2)).toEqual([]);
      expect(lineLeaks(line('role', f.byRole, f.total, ownRole), THRESHOLD, 2)).toEqual([]);
      // The total is one figure in both breakdowns: suppressed in one, suppressed in the other.
      expect(body.disclosure).toMatchObject({ threshold: THRESHOLD, suppressedFigures: expect.any(Number) });
    });

    it('answers the median days to hire by role beside its count, withheld for few hires', async () => {
      const body = (await staff().get('/recruitment/figures').expect(200)).body;
      const params = [body.period.from, body.period.to];
      const medians = await mesh.hubQuery<{ role: string; n: number; median: number }>(
        `SELECT h.role, count(*)::int AS n,
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.hired_at - v.first_pooled_at) / 86400))::numeric, 1)::float AS median
           FROM hire_request h JOIN pooled_vacancy v USING (coop_id, vacancy_id)
          WHERE h.status = 'hired' AND ${periodSql('h.hired_at')} GROUP BY h.role`,
        params,
      );
      const care = medians.find((m) => m.role === 'care-worker')!;
      const careView = body.timeToHire.byRole.find((r: { role: string }) => r.role === 'care-worker');
      const filledCare = body.filledFromPool.byRole.find((c: Cell) => c.category === 'care-worker').value;
      expect(careView.hires).toEqual(filledCare);
      expect(filledCare).toBe(care.n);
      expect(careView.medianDays).toBe(care.median);
      expect(body.timeToHire.byRole.find((r: { role: string }) => r.role === 'manager')).toEqual({
        role: 'manager',
        hires: 0,
        medianDays: null,
      });
      const all = (
        await mesh.hubQuery<{ median: number }>(
          `SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.hired_at - v.first_pooled_at) / 86400))::numeric, 1)::float AS median
             FROM hire_request h JOIN pooled_vacancy v USING (coop_id, vacancy_id) WHERE h.status = 'hired' AND ${periodSql('h.hired_at')}`,
          params,
        )
      )[0];
      expect(body.timeToHire.overall).toEqual({ hires: 39, medianDays: all.median });
      // Three coordinators hired long ago: a count and a median of few hires are withheld.
      const long = (await staff().get('/recruitment/figures?from=2024-03-01').expect(200)).body;
      expect(long.timeToHire.byRole.find((r: { role: string }) => r.role === 'coordinator')).toEqual({
        role: 'coordinator',
        hires: { suppressed: true },
        medianDays: { suppressed: true },
      });
    });

    it('counts the requests made in the period by outcome, every status listed', async () => {
      const body = (await commissioner().get('/recruitment/figures').expect(200)).body;
      const params = [body.period.from, body.period.to];
      const where = `FROM hire_request WHERE ${periodSql('requested_at')}`;
      const byOutcome = await counts(`SELECT status AS k, count(*) AS n ${where} GROUP BY status`, params);
      expect(Object.fromEntries(byOutcome)).toEqual({ hired: 39, declined: 6, waiting: 3, withdrawn: 1, accepted: 1, closed: 5 });
      const r = body.requests;
      expect(r.byOutcome.map((c: Cell) => c.category)).toEqual(['waiting', 'accepted', 'hired', 'declined', 'withdrawn', 'closed']);
      expectControlled(r.byOutcome, byOutcome);
      if (!isHidden(r.total)) expect(r.total).toBe(55);
      const own = await partsByCoop(`SELECT coop_id AS coop, status AS k, count(*) AS n ${where} GROUP BY coop_id, status`, params);
      expect(lineLeaks(line('outcome', r.byOutcome, r.total, own), THRESHOLD, 2)).toEqual([]);
    });

    it('takes the period asked for, both days included, to the last millisecond of the last day (UK time)', async () => {
      const march = (await staff().get('/recruitment/figures?from=2024-03-01&to=2024-03-31').expect(200)).body;
      expect(march.period).toEqual({ from: '2024-03-01', to: '2024-03-31' });
      // One hire in the period: suppressed, and the figures count it (the one a millisecond later is April's).
      expect(march.filledFromPool.total).toEqual({ suppressed: true });
      const april = (await staff().get('/recruitment/figures?from=2024-04-01&to=2024-04-01').expect(200)).body;
      expect(april.filledFromPool.total).toEqual({ suppressed: true });
      const neither = (await staff().get('/recruitment/figures?from=2024-04-02&to=2024-06-30').expect(200)).body;
      expect(neither.filledFromPool.total).toBe(0);
      expect(neither.timeToHire.overall).toEqual({ hires: 0, medianDays: null });
      // The pool now does not depend on the period.
      expect(neither.candidatesInPool).toEqual(march.candidatesInPool);
      // A period reaching back past the old hires counts them.
      const from = '2024-03-01';
      const long = (await staff().get(`/recruitment/figures?from=${from}`).expect(200)).body;
      const all = Number(
        (
          await mesh.hubQuery<{ n: number }>(
            `SELECT count(*)::int AS n FROM hire_request WHERE status = 'hired' AND ${periodSql('hired_at')}`,
            [from, ukDay()],
          )
        )[0].n,
      );
      expect(all).toBe(44);
      expect(long.filledFromPool.total).toBe(all);
      expect(long.filledFromPool.byRole.find((c: Cell) => c.category === 'coordinator').value).toEqual({ suppressed: true });
    });

    it('refuses bad periods with a 400 naming the field', async () => {
      const refuse = async (query: string) => (await staff().get(`/recruitment/figures?${query}`).expect(400)).body;
      expect(JSON.stringify(await refuse('from=2026-02-30'))).toContain('from must be a date');
      expect(JSON.stringify(await refuse('to=yesterday'))).toContain('to must be a date');
      expect(JSON.stringify(await refuse('from=2026-01-01&from=2026-02-01'))).toContain('from');
      expect(JSON.stringify(await refuse('colour=blue'))).toContain('colour');
      expect(await refuse('from=2026-03-02&to=2026-03-01')).toMatchObject({
        code: 'RECRUITMENT.FIGURES_PERIOD',
        details: { fields: ['to'] },
        message: expect.stringContaining('to (2026-03-01) must not be before from (2026-03-02)'),
      });
      expect(await refuse('from=2020-01-01&to=2025-01-01')).toMatchObject({
        code: 'RECRUITMENT.FIGURES_PERIOD',
        details: { fields: ['from', 'to'] },
      });
      await staff().get('/recruitment/figures?from=2020-01-02&to=2025-01-01').expect(200);
    });
  });

  describe('what staff see of the pool', () => {
    it('lists every pooled vacancy with its co-op, terms, times and its requests by status, never a candidate', async () => {
      const res = await staff().get('/recruitment/pool/vacancies?limit=500').expect(200);
      const rows = await mesh.hubQuery<{ vacancy_id: string; state: string; coop_id: string }>(
        'SELECT vacancy_id, state, coop_id FROM pooled_vacancy',
      );
      expect(res.body.total).toBe(rows.length);
      expect(res.body.items).toHaveLength(rows.length);
      const open = res.body.items.find(
        (v: { coopId: string; requests: { declined: number } }) => v.coopId === HOLME && v.requests.declined === 6,
      );
      expect(open).toEqual({
        coopId: HOLME,
        coopName: `${HOLME} care co-op`,
        vacancyId: expect.any(String),
        revision: 1,
        state: 'pooled',
        role: 'care-worker',
        contractType: 'permanent',
        minutesPerWeek: 1500,
        hourlyPayPence: 1290,
        paysRealLivingWage: true,
        locality: 'Holmfirth',
        startsOn: '2027-02-01',
        firstPooledAt: expect.any(String),
        changedAt: expect.any(String),
        closedAt: null,
        requests: { waiting: 3, accepted: 0, hired: 0, declined: 6, withdrawn: 0, closed: 0 },
      });
      const text = JSON.stringify(res.body);
      for (const id of candidateIds) expect(text).not.toContain(id);
    });

    it('filters vacancies by state, co-op, role and locality, and pages them', async () => {
      const filtered = (
        await staff().get(`/recruitment/pool/vacancies?state=pooled&coopId=${HOLME}&role=care-worker&locality=Holmfirth`).expect(200)
      ).body;
      const [{ n }] = await mesh.hubQuery<{ n: number }>(
        "SELECT count(*)::int AS n FROM pooled_vacancy WHERE state = 'pooled' AND coop_id = $1 AND role = 'care-worker' AND locality = 'Holmfirth'",
        [HOLME],
      );
      expect(filtered.total).toBe(n);
      expect(filtered.items.every((v: { state: string; coopId: string }) => v.state === 'pooled' && v.coopId === HOLME)).toBe(true);
      const page = (await staff().get('/recruitment/pool/vacancies?limit=2&offset=1').expect(200)).body;
      const all = (await staff().get('/recruitment/pool/vacancies?limit=3').expect(200)).body;
      expect(page.items.map((v: { vacancyId: string }) => v.vacancyId)).toEqual(
        all.items.slice(1, 3).map((v: { vacancyId: string }) => v.vacancyId),
      );
      const past = (await staff().get('/recruitment/pool/vacancies?offset=10000').expect(200)).body;
      expect(past).toEqual({ items: [], total: all.total, limit: 50, offset: 10000 });
    });

    it('lists requests with their co-op, vacancy, status and times, never the candidate, filtered', async () => {
      const res = await staff().get(`/recruitment/pool/requests?status=waiting&coopId=${HOLME}`).expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        coopId: HOLME,
        coopName: `${HOLME} care co-op`,
        vacancyId: expect.any(String),
        role: 'care-worker',
        locality: 'Holmfirth',
        status: 'waiting',
        requestedAt: expect.any(String),
        answeredAt: null,
        hiredAt: null,
      });
      const everything = (await staff().get('/recruitment/pool/requests?limit=500').expect(200)).body;
      const [{ n }] = await mesh.hubQuery<{ n: number }>('SELECT count(*)::int AS n FROM hire_request');
      expect(everything.total).toBe(n);
      const text = JSON.stringify(everything);
      for (const id of candidateIds) expect(text).not.toContain(id);
      const vacancyId = res.body.items[0].vacancyId;
      const byVacancy = (
        await staff().get(`/recruitment/pool/requests?vacancyId=${vacancyId}&role=care-worker&locality=Holmfirth`).expect(200)
      ).body;
      expect(byVacancy.total).toBe(9);
    });

    it('refuses bad filters with a 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['/recruitment/pool/vacancies?state=open', 'state'],
        ['/recruitment/pool/vacancies?coopId=Not_A_Coop', 'coopId'],
        ['/recruitment/pool/vacancies?role=nurse', 'role'],
        ['/recruitment/pool/vacancies?locality=x', 'locality'],
        ['/recruitment/pool/vacancies?limit=0', 'limit'],
        ['/recruitment/pool/vacancies?offset=-1', 'offset'],
        ['/recruitment/pool/vacancies?status=waiting', 'status'],
        ['/recruitment/pool/requests?status=hiring', 'status'],
        ['/recruitment/pool/requests?vacancyId=12', 'vacancyId'],
        ['/recruitment/pool/requests?candidateId=x', 'candidateId'],
        ['/recruitment/pool/requests?limit=501', 'limit'],
      ];
      for (const [path, field] of cases) {
        const res = await staff().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
    });
  });

  describe('who may read', () => {
    it('lets commissioners read the figures but not the pool, and no co-op or candidate either', async () => {
      const hub = mesh.hub();
      for (const path of ['/recruitment/figures', '/recruitment/pool/vacancies', '/recruitment/pool/requests']) {
        await hub.as('coop', HOLME).get(path).expect(403);
        await hub.candidate(candidateIds[0]).get(path).expect(403);
        await hub.anonymous().get(path).expect(401);
      }
      await commissioner().get('/recruitment/pool/vacancies').expect(403);
      await commissioner().get('/recruitment/pool/requests').expect(403);
    });
  });

  it('answers exactly as its OpenAPI document describes', async () => {
    const schemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const answers: [string, unknown][] = [
      ['GET /recruitment/figures', (await commissioner().get('/recruitment/figures').expect(200)).body],
      ['GET /recruitment/figures', (await staff().get('/recruitment/figures?from=2024-04-02&to=2024-06-30').expect(200)).body],
      ['GET /recruitment/pool/vacancies', (await staff().get('/recruitment/pool/vacancies').expect(200)).body],
      ['GET /recruitment/pool/requests', (await staff().get('/recruitment/pool/requests').expect(200)).body],
    ];
    for (const [route, body] of answers) expect({ route, problems: schemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
  });
});
