import { aServiceUser, aVisit, aZeroHoursCarer, StaffBody } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** People supported, co-designed care plans with scored goals, visits and continuity on a co-op node. */
describe('care delivery', () => {
  const mesh = new TestMesh();
  const COOP = 'slaithwaite-care';
  const admin = mesh.node(COOP).as('coop-admin');
  const http = () => mesh.nodeHttp(COOP);
  const MISSING = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';

  const register = (overrides: object = {}) =>
    admin.post('/service-users').send({ ...aServiceUser({ locality: 'Slaithwaite', fundingType: 'council-commissioned' }), ...overrides });
  const person = async (overrides: object = {}) => (await register(overrides).expect(201)).body;
  const carer = async (overrides: Partial<StaffBody> = {}) =>
    (
      await admin
        .post('/staff')
        .send(aZeroHoursCarer({ locality: 'Slaithwaite', ...overrides }))
        .expect(201)
    ).body;
  const leave = (staffId: string, leftOn: string) =>
    admin.post(`/staff/${staffId}/leaving`).send({ leftOn, reason: 'moved on' }).expect(200);
  const plan = (body: object) => admin.post('/visits').send({ ...aVisit(), ...body });
  const visit = async (body: object) => (await plan(body).expect(201)).body;
  const outcome = (visitId: string, body: object) => admin.post(`/visits/${visitId}/outcome`).send(body);

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  describe('people supported', () => {
    it('registers a person with their funding type and reads them back', async () => {
      const p = await person({ fullName: 'Edith Holroyd', fundingType: 'direct-payment' });
      expect(p).toEqual({
        id: expect.any(String),
        fullName: 'Edith Holroyd',
        dateOfBirth: '1940-05-01',
        address: '1 Mill Lane',
        locality: 'Slaithwaite',
        fundingType: 'direct-payment',
        startedOn: '2026-01-01',
        endedOn: null,
      });
      expect((await admin.get(`/service-users/${p.id}`).expect(200)).body).toEqual(p);
    });

    it('refuses bad input naming the field, unknown fields, and a birth after the start', async () => {
      const res = await register({ fundingType: 'private', dateOfBirth: '1940-13-01', locality: 'X', extra: true }).expect(400);
      const text = res.body.message.join('; ');
      for (const f of [
        'fundingType must be one of',
        'dateOfBirth must be a date, YYYY-MM-DD',
        'locality must be longer than or equal to 2',
        'property extra should not exist',
      ])
        expect(text).toContain(f);
      expect((await register({ dateOfBirth: '2026-02-01' }).expect(400)).body.code).toBe('CARE.BORN_AFTER_START');
      await admin.get('/service-users/123').expect(400);
      expect((await admin.get(`/service-users/${MISSING}`).expect(404)).body.code).toBe('CARE.SERVICE_USER_NOT_FOUND');
      expect((await admin.patch(`/service-users/${MISSING}`).send({ address: 'x' }).expect(404)).body.code).toBe(
        'CARE.SERVICE_USER_NOT_FOUND',
      );
    });

    it('lists people paginated, by funding type and by whether supported on a date', async () => {
      const locality = 'Scammonden';
      const a = await person({ fullName: 'List A', locality, fundingType: 'self-funder', startedOn: '2026-02-01' });
      const b = await person({ fullName: 'List B', locality, fundingType: 'self-funder', startedOn: '2026-03-01' });
      await person({ fullName: 'List C', locality, fundingType: 'individual-service-fund', startedOn: '2026-02-01' });
      const all = await admin.get(`/service-users?locality=${locality}&fundingType=self-funder`).expect(200);
      expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([a.id, b.id]);
      const onDate = await admin.get(`/service-users?locality=${locality}&supportedOn=2026-02-15`).expect(200);
      expect(onDate.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['List A', 'List C']);
      const page = await admin.get(`/service-users?locality=${locality}&limit=1&offset=1`).expect(200);
      expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ fullName: 'List B' }] });
    });

    it('ends support, never before it started nor while visits remain after the end', async () => {
      const p = await person({ startedOn: '2026-02-01' });
      const c = await carer();
      const before = await admin.patch(`/service-users/${p.id}`).send({ endedOn: '2026-01-31' }).expect(409);
      expect(before.body.code).toBe('CARE.ENDED_BEFORE_START');
      const v = await visit({ serviceUserId: p.id, carerId: c.id, plannedStart: '2026-03-10T10:00:00Z' });
      const blocked = await admin.patch(`/service-users/${p.id}`).send({ endedOn: '2026-03-09' }).expect(409);
      expect(blocked.body).toMatchObject({
        code: 'CARE.VISITS_AFTER_END',
        message: expect.stringContaining('1 planned or delivered visit'),
      });
      await outcome(v.id, { status: 'cancelled' }).expect(200);
      const ended = await admin.patch(`/service-users/${p.id}`).send({ endedOn: '2026-03-09', fundingType: 'self-funder' }).expect(200);
      expect(ended.body).toMatchObject({ endedOn: '2026-03-09', fundingType: 'self-funder' });
      const late = await plan({ serviceUserId: p.id, carerId: c.id, plannedStart: '2026-03-10T10:00:00Z' }).expect(409);
      expect(late.body.code).toBe('CARE.SERVICE_USER_NOT_SUPPORTED');
      const nulled = await admin.patch(`/service-users/${p.id}`).send({ fullName: null }).expect(400);
      expect(nulled.body.message.join('; ')).toContain('fullName must be a string');
    });
  });

  describe('care plans', () => {
    const goals = [
      { description: 'Walk to the shop on my own', importance: 9, performanceAtStart: 3, satisfactionAtStart: 2 },
      { description: 'Cook a meal for my grandchildren', importance: 6, performanceAtStart: 5, satisfactionAtStart: 6 },
      { description: 'Get back to the chapel choir', importance: 8, performanceAtStart: 7, satisfactionAtStart: 7 },
    ];

    it('agrees a plan with the person, then records one review: a goal improved when either score rose by 2 points or more (COPM)', async () => {
      const p = await person();
      const agreed = await admin
        .post(`/service-users/${p.id}/care-plans`)
        .send({ agreedOn: '2026-04-01', reviewDueOn: '2026-10-01', goals })
        .expect(201);
      expect(agreed.body).toMatchObject({
        serviceUserId: p.id,
        agreedOn: '2026-04-01',
        reviewDueOn: '2026-10-01',
        reviewedOn: null,
        goalsImproved: null,
      });
      expect(
        agreed.body.goals.map((g: { position: number; importance: number; improved: unknown }) => [g.position, g.importance, g.improved]),
      ).toEqual([
        [1, 9, null],
        [2, 6, null],
        [3, 8, null],
      ]);
      const [g1, g2, g3] = agreed.body.goals.map((g: { id: string }) => g.id);

      const partial = await admin
        .post(`/care-plans/${agreed.body.id}/review`)
        .send({ reviewedOn: '2026-09-20', goals: [{ goalId: g1, performance: 5, satisfaction: 5 }] })
        .expect(409);
      expect(partial.body.code).toBe('CARE.REVIEW_GOALS_MISMATCH');
      const early = await admin
        .post(`/care-plans/${agreed.body.id}/review`)
        .send({ reviewedOn: '2026-03-31', goals: [g1, g2, g3].map((goalId) => ({ goalId, performance: 5, satisfaction: 5 })) })
        .expect(409);
      expect(early.body.code).toBe('CARE.REVIEW_BEFORE_AGREEMENT');

      const reviewed = await admin
        .post(`/care-plans/${agreed.body.id}/review`)
        .send({
          reviewedOn: '2026-09-20',
          goals: [
            { goalId: g1, performance: 6, satisfaction: 2 },
            { goalId: g2, performance: 6, satisfaction: 7 },
            { goalId: g3, performance: 6, satisfaction: 9 },
          ],
        })
        .expect(200);
      expect(reviewed.body).toMatchObject({ reviewedOn: '2026-09-20', goalsImproved: 2 });
      expect(reviewed.body.goals.map((g: { improved: boolean }) => g.improved)).toEqual([true, false, true]);
      expect(reviewed.body.goals[0]).toMatchObject({
        performanceAtStart: 3,
        performanceAtReview: 6,
        satisfactionAtStart: 2,
        satisfactionAtReview: 2,
      });
      expect((await admin.get(`/care-plans/${agreed.body.id}`).expect(200)).body).toEqual(reviewed.body);

      const again = await admin
        .post(`/care-plans/${agreed.body.id}/review`)
        .send({ reviewedOn: '2026-09-21', goals: [g1, g2, g3].map((goalId) => ({ goalId, performance: 9, satisfaction: 9 })) })
        .expect(409);
      expect(again.body.code).toBe('CARE.PLAN_ALREADY_REVIEWED');
    });

    it('refuses scores outside 1 to 10 and a review not due after agreement, naming the field', async () => {
      const p = await person();
      const bad = await admin
        .post(`/service-users/${p.id}/care-plans`)
        .send({
          agreedOn: '2026-04-01',
          reviewDueOn: '2026-10-01',
          goals: [{ description: 'x', performanceAtStart: 0, satisfactionAtStart: 11 }],
        })
        .expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          'goals.0.importance must be an integer number',
          'goals.0.performanceAtStart must not be less than 1',
          'goals.0.satisfactionAtStart must not be greater than 10',
        ]),
      );
      const none = await admin
        .post(`/service-users/${p.id}/care-plans`)
        .send({ agreedOn: '2026-04-01', reviewDueOn: '2026-10-01', goals: [] })
        .expect(400);
      expect(none.body.message.join('; ')).toContain('goals must contain at least 1 elements');
      const dates = await admin
        .post(`/service-users/${p.id}/care-plans`)
        .send({ agreedOn: '2026-04-01', reviewDueOn: '2026-04-01', goals })
        .expect(400);
      expect(dates.body).toMatchObject({ code: 'CARE.REVIEW_DUE_NOT_AFTER_AGREEMENT', message: expect.stringContaining('reviewDueOn') });
      expect(
        (
          await admin
            .post(`/service-users/${MISSING}/care-plans`)
            .send({ agreedOn: '2026-04-01', reviewDueOn: '2026-10-01', goals })
            .expect(404)
        ).body.code,
      ).toBe('CARE.SERVICE_USER_NOT_FOUND');
      expect((await admin.get(`/care-plans/${MISSING}`).expect(404)).body.code).toBe('CARE.CARE_PLAN_NOT_FOUND');
      const review = await admin
        .post(`/care-plans/${MISSING}/review`)
        .send({ reviewedOn: '2026-09-21', goals: [{ goalId: MISSING, performance: 5, satisfaction: 5 }] })
        .expect(404);
      expect(review.body.code).toBe('CARE.CARE_PLAN_NOT_FOUND');
    });

    it('lists plans by person and by whether they await review', async () => {
      const p = await person();
      for (const agreedOn of ['2026-01-10', '2026-02-10']) {
        await admin
          .post(`/service-users/${p.id}/care-plans`)
          .send({ agreedOn, reviewDueOn: '2026-08-01', goals: goals.slice(0, 1) })
          .expect(201);
      }
      const mine = await admin.get(`/care-plans?serviceUserId=${p.id}&state=awaiting-review&limit=1`).expect(200);
      expect(mine.body).toMatchObject({ total: 2, limit: 1, items: [{ serviceUserId: p.id, reviewedOn: null }] });
      expect((await admin.get(`/care-plans?serviceUserId=${p.id}&state=reviewed`).expect(200)).body.total).toBe(0);
    });
  });

  describe('visits', () => {
    it('plans a visit, delivers it once, and refuses a second delivery', async () => {
      const p = await person();
      const c = await carer();
      const v = await visit({
        serviceUserId: p.id,
        carerId: c.id,
        serviceType: 'befriending',
        plannedStart: '2026-03-02T10:00:00+00:00',
        plannedMinutes: 60,
      });
      expect(v).toEqual({
        id: expect.any(String),
        serviceUserId: p.id,
        carerId: c.id,
        serviceType: 'befriending',
        plannedStart: '2026-03-02T10:00:00.000Z',
        plannedMinutes: 60,
        status: 'planned',
        deliveredMinutes: null,
        contractId: null,
      });
      const delivered = await outcome(v.id, { status: 'delivered', deliveredMinutes: 55 }).expect(200);
      expect(delivered.body).toMatchObject({ status: 'delivered', deliveredMinutes: 55 });
      const again = await outcome(v.id, { status: 'delivered', deliveredMinutes: 60 }).expect(409);
      expect(again.body.code).toBe('CARE.VISIT_ALREADY_DELIVERED');
      expect((await outcome(v.id, { status: 'cancelled' }).expect(409)).body.code).toBe('CARE.VISIT_ALREADY_DELIVERED');
      expect((await admin.get(`/visits/${v.id}`).expect(200)).body.deliveredMinutes).toBe(55);
    });

    it('lets only one of two simultaneous deliveries through', async () => {
      const v = await visit({ serviceUserId: (await person()).id, carerId: (await carer()).id });
      const results = await Promise.all([
        outcome(v.id, { status: 'delivered', deliveredMinutes: 30 }),
        outcome(v.id, { status: 'delivered', deliveredMinutes: 35 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('CARE.VISIT_ALREADY_DELIVERED');
      const stored = await mesh.nodeQuery<{ delivered_minutes: number }>(COOP, 'SELECT delivered_minutes FROM visit WHERE id = $1', [v.id]);
      expect(stored).toEqual([{ delivered_minutes: results.find((r) => r.status === 200)?.body.deliveredMinutes }]);
    });

    it('refuses to deliver a cancelled or missed visit', async () => {
      const p = await person();
      const c = await carer();
      const cancelled = await visit({ serviceUserId: p.id, carerId: c.id });
      await outcome(cancelled.id, { status: 'cancelled' }).expect(200);
      expect((await outcome(cancelled.id, { status: 'delivered', deliveredMinutes: 30 }).expect(409)).body.code).toBe(
        'CARE.VISIT_CANCELLED',
      );
      const missed = await visit({ serviceUserId: p.id, carerId: c.id });
      expect((await outcome(missed.id, { status: 'missed' }).expect(200)).body).toMatchObject({ status: 'missed', deliveredMinutes: null });
      expect((await outcome(missed.id, { status: 'delivered', deliveredMinutes: 30 }).expect(409)).body.code).toBe(
        'CARE.VISIT_ALREADY_MISSED',
      );
    });

    it('needs delivered minutes above zero for a delivery and none otherwise, naming the field; the database holds the same rule', async () => {
      const v = await visit({ serviceUserId: (await person()).id, carerId: (await carer()).id });
      for (const body of [
        { status: 'delivered' },
        { status: 'delivered', deliveredMinutes: 0 },
        { status: 'delivered', deliveredMinutes: 12.5 },
        { status: 'missed', deliveredMinutes: 20 },
      ]) {
        const res = await outcome(v.id, body).expect(400);
        expect(res.body.message.join('; ')).toContain('deliveredMinutes');
      }
      expect((await outcome(v.id, { status: 'finished' }).expect(400)).body.message.join('; ')).toContain('status must be one of');
      await expect(mesh.nodeQuery(COOP, "UPDATE visit SET status = 'delivered' WHERE id = $1", [v.id])).rejects.toThrow(
        /ck_visit_delivered_minutes/,
      );
      await expect(mesh.nodeQuery(COOP, 'UPDATE visit SET delivered_minutes = 10 WHERE id = $1', [v.id])).rejects.toThrow(
        /ck_visit_delivered_minutes/,
      );
      expect((await admin.get(`/visits/${v.id}`).expect(200)).body).toMatchObject({
        status: 'planned',
        deliveredMinutes: null,
      });
    });

    it("needs a carer employed on the visit's day, by the co-op's clock", async () => {
      const p = await person();
      // 23:30 UTC on 15 June is 00:30 on 16 June in Great Britain (summer time).
      const starter = await carer({ startedOn: '2026-06-16' });
      await visit({ serviceUserId: p.id, carerId: starter.id, plannedStart: '2026-06-15T23:30:00Z' });
      const leaver = await carer({ startedOn: '2026-01-01' });
      await leave(leaver.id, '2026-06-15');
      const refused = await plan({ serviceUserId: p.id, carerId: leaver.id, plannedStart: '2026-06-15T23:30:00Z' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CARE.CARER_NOT_EMPLOYED', message: expect.stringContaining('2026-06-16') });
      await visit({ serviceUserId: p.id, carerId: leaver.id, plannedStart: '2026-06-15T22:59:00Z' });
      expect((await plan({ serviceUserId: p.id, carerId: starter.id, plannedStart: '2026-06-15T22:30:00Z' }).expect(409)).body.code).toBe(
        'CARE.CARER_NOT_EMPLOYED',
      );
      expect((await plan({ serviceUserId: p.id, carerId: MISSING }).expect(404)).body.code).toBe('WORKFORCE.STAFF_NOT_FOUND');
      expect((await plan({ serviceUserId: MISSING, carerId: starter.id }).expect(404)).body.code).toBe('CARE.SERVICE_USER_NOT_FOUND');
      expect(
        (await plan({ serviceUserId: p.id, carerId: starter.id, plannedStart: '2026-07-01T09:00:00' }).expect(400)).body.message.join('; '),
      ).toContain('plannedStart must be a date and time with a zone offset');
    });

    it('reschedules a planned visit to a carer employed on the day, and only a planned one', async () => {
      const p = await person();
      const first = await carer();
      const second = await carer({ startedOn: '2026-05-01' });
      const v = await visit({ serviceUserId: p.id, carerId: first.id, plannedStart: '2026-04-20T09:00:00Z' });
      expect((await admin.patch(`/visits/${v.id}`).send({ carerId: second.id }).expect(409)).body.code).toBe('CARE.CARER_NOT_EMPLOYED');
      const moved = await admin
        .patch(`/visits/${v.id}`)
        .send({ carerId: second.id, plannedStart: '2026-05-04T09:00:00Z', plannedMinutes: 45 })
        .expect(200);
      expect(moved.body).toMatchObject({
        carerId: second.id,
        plannedStart: '2026-05-04T09:00:00.000Z',
        plannedMinutes: 45,
        status: 'planned',
      });
      await outcome(v.id, { status: 'delivered', deliveredMinutes: 45 }).expect(200);
      expect((await admin.patch(`/visits/${v.id}`).send({ plannedMinutes: 30 }).expect(409)).body.code).toBe(
        'CARE.VISIT_ALREADY_DELIVERED',
      );
      expect((await admin.patch(`/visits/${MISSING}`).send({ plannedMinutes: 30 }).expect(404)).body.code).toBe('CARE.VISIT_NOT_FOUND');
      expect((await outcome(MISSING, { status: 'missed' }).expect(404)).body.code).toBe('CARE.VISIT_NOT_FOUND');
      expect((await admin.patch(`/visits/${v.id}`).send({ serviceUserId: MISSING }).expect(400)).body.message).toContain(
        'property serviceUserId should not exist',
      );
    });

    it('lists visits paginated, by person, status and days', async () => {
      const p = await person();
      const c = await carer();
      const a = await visit({ serviceUserId: p.id, carerId: c.id, plannedStart: '2026-02-01T09:00:00Z' });
      const b = await visit({ serviceUserId: p.id, carerId: c.id, plannedStart: '2026-02-02T09:00:00Z' });
      const d = await visit({ serviceUserId: p.id, carerId: c.id, plannedStart: '2026-02-03T09:00:00Z' });
      await outcome(b.id, { status: 'delivered', deliveredMinutes: 30 }).expect(200);
      const all = await admin.get(`/visits?serviceUserId=${p.id}&limit=2`).expect(200);
      expect(all.body).toMatchObject({ total: 3, limit: 2, items: [{ id: a.id }, { id: b.id }] });
      const planned = await admin.get(`/visits?serviceUserId=${p.id}&status=planned`).expect(200);
      expect(planned.body.items.map((v: { id: string }) => v.id)).toEqual([a.id, d.id]);
      const days = await admin.get(`/visits?serviceUserId=${p.id}&from=2026-02-02&to=2026-02-03`).expect(200);
      expect(days.body.items.map((v: { id: string }) => v.id)).toEqual([b.id, d.id]);
      expect((await admin.get('/visits?status=done&carerId=nope').expect(400)).body.message.join('; ')).toMatch(
        /carerId must be a UUID.*status must be one of|status must be one of.*carerId must be a UUID/,
      );
    });
  });

  describe('continuity', () => {
    it('counts distinct carers per person in a month, leaving out missed and cancelled visits and other months', async () => {
      const p = await person({ fullName: 'Continuity One', startedOn: '2025-01-01' });
      const q = await person({ fullName: 'Continuity Two', startedOn: '2025-01-01' });
      const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => carer({ startedOn: '2025-01-01' })));
      await visit({ serviceUserId: p.id, carerId: a.id, plannedStart: '2025-11-03T09:00:00Z' });
      const delivered = await visit({ serviceUserId: p.id, carerId: a.id, plannedStart: '2025-11-10T09:00:00Z' });
      await outcome(delivered.id, { status: 'delivered', deliveredMinutes: 30 }).expect(200);
      await visit({ serviceUserId: p.id, carerId: b.id, plannedStart: '2025-11-30T23:30:00Z' }); // still 30 November in winter
      await outcome((await visit({ serviceUserId: p.id, carerId: c.id, plannedStart: '2025-11-12T09:00:00Z' })).id, {
        status: 'cancelled',
      }).expect(200);
      await outcome((await visit({ serviceUserId: p.id, carerId: d.id, plannedStart: '2025-11-13T09:00:00Z' })).id, {
        status: 'missed',
      }).expect(200);
      await visit({ serviceUserId: p.id, carerId: e.id, plannedStart: '2025-12-01T00:00:00Z' });
      await visit({ serviceUserId: p.id, carerId: e.id, plannedStart: '2025-10-31T23:59:00Z' });
      await visit({ serviceUserId: q.id, carerId: e.id, plannedStart: '2025-11-05T09:00:00Z' });

      const one = await admin.get(`/service-users/${p.id}/continuity?month=2025-11`).expect(200);
      expect(one.body).toEqual({ serviceUserId: p.id, fullName: 'Continuity One', month: '2025-11', distinctCarers: 2, visits: 3 });
      const quiet = await admin.get(`/service-users/${p.id}/continuity?month=2025-09`).expect(200);
      expect(quiet.body).toMatchObject({ distinctCarers: 0, visits: 0 });

      const everyone = await admin.get('/care/continuity?month=2025-11').expect(200);
      expect(everyone.body).toEqual({
        total: 2,
        limit: 50,
        offset: 0,
        items: [
          { serviceUserId: p.id, fullName: 'Continuity One', month: '2025-11', distinctCarers: 2, visits: 3 },
          { serviceUserId: q.id, fullName: 'Continuity Two', month: '2025-11', distinctCarers: 1, visits: 1 },
        ],
      });
      const second = await admin.get('/care/continuity?month=2025-11&limit=1&offset=1').expect(200);
      expect(second.body).toMatchObject({ total: 2, items: [{ serviceUserId: q.id }] });
    });

    it('refuses a month that is not YYYY-MM, and answers 404 for a person who does not exist', async () => {
      expect((await admin.get('/care/continuity?month=2025-13').expect(400)).body.message).toContain('month must be a month, YYYY-MM');
      expect((await admin.get('/care/continuity').expect(400)).body.message).toContain('month must be a month, YYYY-MM');
      expect((await admin.get(`/service-users/${MISSING}/continuity?month=2025-11`).expect(404)).body.code).toBe(
        'CARE.SERVICE_USER_NOT_FOUND',
      );
    });
  });

  describe('summary', () => {
    // A period years before the other tests' records, so its figures are exactly what this test inserts.
    it('gives people by funding type, visits and minutes by service type, and goals improved, equal to the records', async () => {
      const c = await carer({ startedOn: '2014-01-01' });
      const council = await person({ fundingType: 'council-commissioned', startedOn: '2014-06-01' });
      const isf = await person({ fundingType: 'individual-service-fund', startedOn: '2015-03-01' });
      const ended = await person({ fundingType: 'council-commissioned', startedOn: '2014-01-01' });
      await admin.patch(`/service-users/${ended.id}`).send({ endedOn: '2015-01-01' }).expect(200);
      const gone = await person({ fundingType: 'self-funder', startedOn: '2014-01-01' });
      await admin.patch(`/service-users/${gone.id}`).send({ endedOn: '2014-12-31' }).expect(200);
      await person({ fundingType: 'direct-payment', startedOn: '2016-01-01' });

      const deliver = async (body: object, minutes: number) =>
        outcome((await visit({ carerId: c.id, ...body })).id, { status: 'delivered', deliveredMinutes: minutes }).expect(200);
      await deliver(
        { serviceUserId: council.id, serviceType: 'personal-care', plannedStart: '2015-02-01T08:00:00Z', plannedMinutes: 45 },
        40,
      );
      await deliver(
        { serviceUserId: council.id, serviceType: 'personal-care', plannedStart: '2015-02-02T08:00:00Z', plannedMinutes: 45 },
        50,
      );
      await visit({
        carerId: c.id,
        serviceUserId: council.id,
        serviceType: 'personal-care',
        plannedStart: '2015-02-03T08:00:00Z',
        plannedMinutes: 30,
      });
      await outcome(
        (
          await visit({
            carerId: c.id,
            serviceUserId: isf.id,
            serviceType: 'befriending',
            plannedStart: '2015-04-01T14:00:00Z',
            plannedMinutes: 120,
          })
        ).id,
        { status: 'missed' },
      ).expect(200);
      await outcome(
        (
          await visit({
            carerId: c.id,
            serviceUserId: isf.id,
            serviceType: 'befriending',
            plannedStart: '2015-04-02T14:00:00Z',
            plannedMinutes: 60,
          })
        ).id,
        { status: 'cancelled' },
      ).expect(200);
      await deliver({ serviceUserId: council.id, serviceType: 'transport', plannedStart: '2014-12-31T10:00:00Z', plannedMinutes: 90 }, 90);

      const agreed = (
        await admin
          .post(`/service-users/${council.id}/care-plans`)
          .send({
            agreedOn: '2014-06-01',
            reviewDueOn: '2014-12-01',
            goals: [1, 2, 3].map((n) => ({ description: `Goal ${n}`, importance: 5, performanceAtStart: 5, satisfactionAtStart: 5 })),
          })
          .expect(201)
      ).body;
      // A 1-point rise (the first goal) is within COPM's noise and is not an improvement.
      const scores = [
        [6, 5],
        [7, 5],
        [4, 7],
      ];
      await admin
        .post(`/care-plans/${agreed.id}/review`)
        .send({
          reviewedOn: '2015-01-15',
          goals: agreed.goals.map((g: { id: string }, i: number) => ({
            goalId: g.id,
            performance: scores[i][0],
            satisfaction: scores[i][1],
          })),
        })
        .expect(200);

      const res = await admin.get('/care/summary?from=2015-01-01&to=2015-12-31').expect(200);
      const none = { visitsPlanned: 0, minutesPlanned: 0, visitsDelivered: 0, minutesDelivered: 0, visitsMissed: 0, visitsCancelled: 0 };
      expect(res.body).toEqual({
        from: '2015-01-01',
        to: '2015-12-31',
        peopleSupported: 3,
        peopleByFundingType: { 'council-commissioned': 2, 'direct-payment': 0, 'individual-service-fund': 1, 'self-funder': 0 },
        visitsByServiceType: {
          'personal-care': {
            visitsPlanned: 3,
            minutesPlanned: 120,
            visitsDelivered: 2,
            minutesDelivered: 90,
            visitsMissed: 0,
            visitsCancelled: 0,
          },
          'domestic-help': none,
          gardening: none,
          transport: none,
          befriending: {
            visitsPlanned: 1,
            minutesPlanned: 120,
            visitsDelivered: 0,
            minutesDelivered: 0,
            visitsMissed: 1,
            visitsCancelled: 1,
          },
          'meals-and-shopping': none,
          advocacy: none,
        },
        goalsReviewed: 3,
        goalsImproved: 2,
        goalsImprovedPercent: 66.7,
      });
    });

    it('refuses a period that ends before it starts, naming the fields', async () => {
      const res = await admin.get('/care/summary?from=2015-12-31&to=2015-01-01').expect(400);
      expect(res.body).toMatchObject({ code: 'CARE.PERIOD_INVERTED', message: expect.stringContaining('to (2015-01-01)') });
      expect((await admin.get('/care/summary?from=2015-01-01&to=31/12/2015').expect(400)).body.message).toContain(
        'to must be a date, YYYY-MM-DD',
      );
    });
  });

  it('is for the admin only: a member gets 403 on every care endpoint', async () => {
    const member = `Bearer ${mesh.nodeToken(COOP, 'member', MISSING)}`;
    const calls = [
      http().post('/service-users').send({}),
      http().get('/service-users'),
      http().get(`/service-users/${MISSING}`),
      http().patch(`/service-users/${MISSING}`).send({}),
      http().post(`/service-users/${MISSING}/care-plans`).send({}),
      http().get(`/service-users/${MISSING}/continuity?month=2026-01`),
      http().get('/care-plans'),
      http().get(`/care-plans/${MISSING}`),
      http().post(`/care-plans/${MISSING}/review`).send({}),
      http().post('/visits').send({}),
      http().get('/visits'),
      http().get(`/visits/${MISSING}`),
      http().patch(`/visits/${MISSING}`).send({}),
      http().post(`/visits/${MISSING}/outcome`).send({}),
      http().get('/care/continuity?month=2026-01'),
      http().get('/care/summary?from=2026-01-01&to=2026-12-31'),
    ];
    for (const call of calls) expect((await call.set('Authorization', member)).status).toBe(403);
  });

  it('keeps care records on the node: nothing about people or visits goes to the outbox', async () => {
    const rows = await mesh.nodeQuery(
      COOP,
      "SELECT id FROM outbox_message WHERE envelope::text ~* '(service.user|visit|care.plan|Continuity One)'",
    );
    expect(rows).toHaveLength(0);
  });
});
