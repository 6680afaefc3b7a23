import { aMember, aStaffMember, aVacancy } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** Staff, contracts and pay against the Real Living Wage, training and vacancies on a co-op node. */
describe('workforce', () => {
  const mesh = new TestMesh();
  const COOP = 'golcar-workforce';
  const RLW = 1345; // the UK founding rulebook's Real Living Wage
  const admin = mesh.node(COOP).as('coop-admin');
  const http = () => mesh.nodeHttp(COOP);
  const staffBody = (overrides: object = {}) => ({
    ...aStaffMember({ fullName: 'Nadia Shah', hourlyPayPence: RLW, startedOn: '2026-03-01', locality: 'Marsden' }),
    ...overrides,
  });
  const hire = (overrides: object = {}) => admin.post('/staff').send(staffBody(overrides));
  const vacancyBody = (overrides: object = {}) => ({ ...aVacancy(), ...overrides });
  const MISSING = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  describe('staff', () => {
    it('hires staff and flags pay against the Real Living Wage, at the wage itself included', async () => {
      const atWage = (await hire({ fullName: 'At Wage' }).expect(201)).body;
      expect(atWage).toMatchObject({
        fullName: 'At Wage',
        contractType: 'permanent',
        hourlyPayPence: RLW,
        contractedMinutesPerWeek: 1800,
        startedOn: '2026-03-01',
        leftOn: null,
        memberId: null,
        paidAtLeastRealLivingWage: true,
      });
      const below = (await hire({ fullName: 'Below Wage', hourlyPayPence: RLW - 1 }).expect(201)).body;
      expect(below.paidAtLeastRealLivingWage).toBe(false);
      expect((await admin.get(`/staff/${below.id}`).expect(200)).body).toEqual(below);
    });

    it('lets zero-hours and bank contracts guarantee no hours but refuses a permanent contract without any', async () => {
      await hire({ contractType: 'zero-hours', contractedMinutesPerWeek: 0 }).expect(201);
      await hire({ contractType: 'bank', contractedMinutesPerWeek: 0 }).expect(201);
      const refused = await hire({ fullName: 'No Hours Permanent', contractedMinutesPerWeek: 0 }).expect(409);
      expect(refused.body.code).toBe('WORKFORCE.PERMANENT_WITHOUT_HOURS');
      expect(await mesh.nodeQuery(COOP, "SELECT 1 FROM staff WHERE full_name = 'No Hours Permanent'")).toHaveLength(0);
    });

    it('links a staff member who is also a member, and refuses a member that does not exist', async () => {
      const member = (
        await admin
          .post('/members')
          .send(aMember({ fullName: 'Worker Member' }))
          .expect(201)
      ).body;
      const linked = (await hire({ fullName: 'Worker Member', memberId: member.id }).expect(201)).body;
      expect(linked.memberId).toBe(member.id);
      expect((await hire({ memberId: MISSING }).expect(404)).body.code).toBe('MEMBERS.NOT_FOUND');
      const unlinked = await admin.patch(`/staff/${linked.id}`).send({ memberId: null }).expect(200);
      expect(unlinked.body.memberId).toBeNull();
    });

    it('records a leaving, refusing a leave date before the start date and a second leaving', async () => {
      const s = (await hire({ fullName: 'Leaver', startedOn: '2026-04-01' }).expect(201)).body;
      const early = await admin.post(`/staff/${s.id}/leaving`).send({ leftOn: '2026-03-31', reason: 'moved away' }).expect(409);
      expect(early.body).toMatchObject({ code: 'WORKFORCE.LEFT_BEFORE_START', message: expect.stringContaining('leftOn 2026-03-31') });
      expect((await admin.get(`/staff/${s.id}`).expect(200)).body.leftOn).toBeNull();
      const left = await admin.post(`/staff/${s.id}/leaving`).send({ leftOn: '2026-04-01', reason: 'moved away' }).expect(200);
      expect(left.body).toMatchObject({ leftOn: '2026-04-01', leavingReason: 'moved away' });
      const again = await admin.post(`/staff/${s.id}/leaving`).send({ leftOn: '2026-05-01', reason: 'again' }).expect(409);
      expect(again.body.code).toBe('WORKFORCE.ALREADY_LEFT');
      const missingReason = await admin.post(`/staff/${s.id}/leaving`).send({ leftOn: '2026-05-01' }).expect(400);
      expect(missingReason.body.message.join('; ')).toContain('reason');
    });

    it('changes pay and contract, re-checking the Real Living Wage and the contract rule', async () => {
      const s = (
        await hire({ fullName: 'Changing', contractType: 'zero-hours', contractedMinutesPerWeek: 0, hourlyPayPence: 1200 }).expect(201)
      ).body;
      expect(s.paidAtLeastRealLivingWage).toBe(false);
      const raised = await admin.patch(`/staff/${s.id}`).send({ hourlyPayPence: 1400, role: 'senior-carer' }).expect(200);
      expect(raised.body).toMatchObject({
        hourlyPayPence: 1400,
        role: 'senior-carer',
        paidAtLeastRealLivingWage: true,
        fullName: 'Changing',
      });
      const permanent = await admin.patch(`/staff/${s.id}`).send({ contractType: 'permanent' }).expect(409);
      expect(permanent.body.code).toBe('WORKFORCE.PERMANENT_WITHOUT_HOURS');
      await admin.patch(`/staff/${s.id}`).send({ contractType: 'permanent', contractedMinutesPerWeek: 900 }).expect(200);
      const empty = await admin.patch(`/staff/${s.id}`).send({}).expect(400);
      expect(empty.body.code).toBe('WORKFORCE.NOTHING_TO_CHANGE');
    });

    it('refuses bad input naming the field, unknown fields, and a null for a required field', async () => {
      const res = await hire({
        contractType: 'casual',
        hourlyPayPence: 12.5,
        contractedMinutesPerWeek: -1,
        startedOn: '2026-02-30',
        role: 'boss',
        extra: 1,
      }).expect(400);
      const text = res.body.message.join('; ');
      for (const f of [
        'contractType must be one of',
        'hourlyPayPence must be an integer',
        'contractedMinutesPerWeek must not be less than 0',
        'startedOn must be a date, YYYY-MM-DD',
        'role must be one of',
        'property extra should not exist',
      ]) {
        expect(text).toContain(f);
      }
      const s = (await hire().expect(201)).body;
      const nulled = await admin.patch(`/staff/${s.id}`).send({ fullName: null }).expect(400);
      expect(nulled.body.message.join('; ')).toContain('fullName must be a string');
      const startDate = await admin.patch(`/staff/${s.id}`).send({ startedOn: '2020-01-01' }).expect(400);
      expect(startDate.body.message).toContain('property startedOn should not exist');
      await admin.get('/staff/not-a-uuid').expect(400);
    });

    it('answers 404 for staff that do not exist', async () => {
      for (const res of [
        await admin.get(`/staff/${MISSING}`),
        await admin.patch(`/staff/${MISSING}`).send({ fullName: 'X' }),
        await admin.post(`/staff/${MISSING}/leaving`).send({ leftOn: '2026-05-01', reason: 'x' }),
        await admin.post(`/staff/${MISSING}/training`).send({ course: 'First aid', completedOn: '2026-05-01' }),
        await admin.get(`/staff/${MISSING}/training`),
      ]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'WORKFORCE.STAFF_NOT_FOUND' });
      }
    });

    it('lists staff paginated, filtered by contract type, role and employment on a date', async () => {
      await hire({
        fullName: 'Filter Bank A',
        contractType: 'bank',
        contractedMinutesPerWeek: 0,
        role: 'coordinator',
        startedOn: '2026-06-01',
      }).expect(201);
      await hire({
        fullName: 'Filter Bank B',
        contractType: 'bank',
        contractedMinutesPerWeek: 0,
        role: 'coordinator',
        startedOn: '2026-07-01',
      }).expect(201);
      const gone = (
        await hire({
          fullName: 'Filter Bank C',
          contractType: 'bank',
          contractedMinutesPerWeek: 0,
          role: 'coordinator',
          startedOn: '2026-05-01',
        }).expect(201)
      ).body;
      await admin.post(`/staff/${gone.id}/leaving`).send({ leftOn: '2026-06-10', reason: 'retired' }).expect(200);

      const all = await admin.get('/staff?contractType=bank&role=coordinator').expect(200);
      expect(all.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(['Filter Bank A', 'Filter Bank B', 'Filter Bank C']);
      const onDate = await admin.get('/staff?contractType=bank&role=coordinator&activeOn=2026-06-15').expect(200);
      expect(onDate.body).toMatchObject({ total: 1, items: [{ fullName: 'Filter Bank A' }] });
      const page = await admin.get('/staff?role=coordinator&limit=2&offset=2').expect(200);
      expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 2, items: [{ fullName: 'Filter Bank C' }] });
      const bad = await admin.get('/staff?activeOn=15-06-2026&limit=0').expect(400);
      expect(bad.body.message.join('; ')).toMatch(
        /activeOn must be a date.*limit must not be less than 1|limit must not be less than 1.*activeOn must be a date/,
      );
    });
  });

  describe('training', () => {
    it('records training with and without an expiry, and lists it newest first with whether it is current', async () => {
      const s = (await hire({ fullName: 'Trainee' }).expect(201)).body;
      await admin
        .post(`/staff/${s.id}/training`)
        .send({ course: 'Moving and handling', completedOn: '2024-01-10', expiresOn: '2025-01-10' })
        .expect(201);
      const cert = await admin.post(`/staff/${s.id}/training`).send({ course: 'Care Certificate', completedOn: '2026-02-01' }).expect(201);
      expect(cert.body).toMatchObject({ staffId: s.id, course: 'Care Certificate', expiresOn: null, current: true });
      const list = await admin.get(`/staff/${s.id}/training`).expect(200);
      expect(list.body).toMatchObject({
        total: 2,
        items: [
          { course: 'Care Certificate', current: true },
          { course: 'Moving and handling', current: false },
        ],
      });
    });

    it('refuses an expiry on or before completion, naming the field', async () => {
      const s = (await hire({ fullName: 'Trainee Two' }).expect(201)).body;
      const res = await admin
        .post(`/staff/${s.id}/training`)
        .send({ course: 'First aid', completedOn: '2026-02-01', expiresOn: '2026-02-01' })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'WORKFORCE.TRAINING_EXPIRES_BEFORE_COMPLETION',
        message: expect.stringContaining('expiresOn'),
      });
      const bad = await admin.post(`/staff/${s.id}/training`).send({ course: '', completedOn: 'yesterday' }).expect(400);
      expect(bad.body.message.join('; ')).toMatch(/course must be longer.*completedOn must be a date/);
      expect((await admin.get(`/staff/${s.id}/training`).expect(200)).body.total).toBe(0);
    });
  });

  describe('vacancies', () => {
    it('opens vacancies, lists the open ones, and closes one as filled exactly once', async () => {
      const v = (
        await admin
          .post('/vacancies')
          .send(vacancyBody({ locality: 'Slaithwaite' }))
          .expect(201)
      ).body;
      expect(v).toMatchObject({
        status: 'open',
        closedOn: null,
        openedOn: '2026-09-01',
        minutesPerWeek: 1200,
        paidAtLeastRealLivingWage: true,
      });
      const low = (
        await admin
          .post('/vacancies')
          .send(vacancyBody({ locality: 'Slaithwaite', hourlyPayPence: 1300, contractType: 'bank', minutesPerWeek: 0 }))
          .expect(201)
      ).body;
      expect(low.paidAtLeastRealLivingWage).toBe(false);

      const open = await admin.get('/vacancies?locality=Slaithwaite').expect(200);
      expect(open.body.items.map((x: { id: string }) => x.id).sort()).toEqual([v.id, low.id].sort());

      const early = await admin.patch(`/vacancies/${v.id}`).send({ status: 'filled', closedOn: '2026-08-31' }).expect(409);
      expect(early.body.code).toBe('WORKFORCE.CLOSED_BEFORE_OPENED');
      const filled = await admin.patch(`/vacancies/${v.id}`).send({ status: 'filled', closedOn: '2026-10-01' }).expect(200);
      expect(filled.body).toMatchObject({ status: 'filled', closedOn: '2026-10-01' });
      const again = await admin.patch(`/vacancies/${v.id}`).send({ status: 'withdrawn' }).expect(409);
      expect(again.body.code).toBe('WORKFORCE.VACANCY_ALREADY_CLOSED');

      const stillOpen = await admin.get('/vacancies?locality=Slaithwaite').expect(200);
      expect(stillOpen.body).toMatchObject({ total: 1, items: [{ id: low.id }] });
      const filledList = await admin.get('/vacancies?locality=Slaithwaite&status=filled').expect(200);
      expect(filledList.body).toMatchObject({ total: 1, items: [{ id: v.id }] });
    });

    it('refuses a permanent vacancy without hours, bad input naming the field, and answers 404', async () => {
      expect(
        (
          await admin
            .post('/vacancies')
            .send(vacancyBody({ minutesPerWeek: 0 }))
            .expect(409)
        ).body.code,
      ).toBe('WORKFORCE.PERMANENT_WITHOUT_HOURS');
      const bad = await admin
        .post('/vacancies')
        .send(vacancyBody({ hourlyPayPence: '1400', status: 'filled' }))
        .expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining(['property status should not exist', 'hourlyPayPence must be an integer number']),
      );
      const reopen = await admin.patch(`/vacancies/${MISSING}`).send({ status: 'open' }).expect(400);
      expect(reopen.body.message.join('; ')).toContain('status must be one of');
      expect((await admin.patch(`/vacancies/${MISSING}`).send({ status: 'withdrawn' }).expect(404)).body.code).toBe(
        'WORKFORCE.VACANCY_NOT_FOUND',
      );
    });
  });

  describe('summary', () => {
    // A period years before the other tests' records, so its figures are exactly what this test inserts.
    it('gives headcount, starters, leavers, contract mix and pay shares equal to the records', async () => {
      const started = async (body: object) => (await hire({ startedOn: '2010-01-01', ...body }).expect(201)).body;
      await started({ fullName: 'S1' });
      await started({ fullName: 'S2', contractType: 'zero-hours', contractedMinutesPerWeek: 0, hourlyPayPence: 1000 });
      await started({ fullName: 'S3', startedOn: '2011-03-01', contractType: 'bank', contractedMinutesPerWeek: 0 });
      const leaver = await started({ fullName: 'S4', contractType: 'zero-hours', contractedMinutesPerWeek: 0 });
      await admin.post(`/staff/${leaver.id}/leaving`).send({ leftOn: '2011-06-30', reason: 'new job' }).expect(200);
      await started({ fullName: 'S5', startedOn: '2012-01-01' });
      await admin
        .post('/vacancies')
        .send(vacancyBody({ openedOn: '2011-05-01' }))
        .expect(201);
      const closed = (
        await admin
          .post('/vacancies')
          .send(vacancyBody({ openedOn: '2011-05-01' }))
          .expect(201)
      ).body;
      await admin.patch(`/vacancies/${closed.id}`).send({ status: 'withdrawn', closedOn: '2011-12-31' }).expect(200);

      const res = await admin.get('/workforce/summary?from=2011-01-01&to=2011-12-31').expect(200);
      expect(res.body).toEqual({
        from: '2011-01-01',
        to: '2011-12-31',
        headcount: 3,
        headcountAtStart: 3,
        starters: 1,
        leavers: 1,
        leaversLast12Months: 1,
        turnoverPercent: 50,
        byContractType: { permanent: 1, 'zero-hours': 1, bank: 1 },
        onZeroHours: 1,
        zeroHoursPercent: 33.3,
        realLivingWagePencePerHour: RLW,
        paidAtLeastRealLivingWage: 2,
        paidAtLeastRealLivingWagePercent: 66.7,
        openVacancies: 1,
        vacancyRatePercent: 25,
        // The UK rulebook has no Type B rule: the share is given, with no verdict.
        disadvantagedWorkers: { minimumPercent: null, workers: 3, disadvantaged: 0, percent: 0, met: null, rule: null, message: null },
      });
    });

    it('refuses a period that ends before it starts, and a missing bound, naming the field', async () => {
      const inverted = await admin.get('/workforce/summary?from=2011-02-01&to=2011-01-01').expect(400);
      expect(inverted.body).toMatchObject({ code: 'WORKFORCE.PERIOD_INVERTED', message: expect.stringContaining('to (2011-01-01)') });
      const missing = await admin.get('/workforce/summary?from=2011-02-01').expect(400);
      expect(missing.body.message).toContain('to must be a date, YYYY-MM-DD');
    });
  });

  it('is for the admin only: a member gets 403 on every workforce endpoint', async () => {
    const member = `Bearer ${mesh.nodeToken(COOP, 'member', MISSING)}`;
    const s = (await hire({ fullName: 'Private Person' }).expect(201)).body;
    const calls = [
      http().get('/staff'),
      http().post('/staff').send(staffBody()),
      http().get(`/staff/${s.id}`),
      http().patch(`/staff/${s.id}`).send({ fullName: 'X' }),
      http().post(`/staff/${s.id}/leaving`).send({ leftOn: '2026-05-01', reason: 'x' }),
      http().get(`/staff/${s.id}/training`),
      http().post(`/staff/${s.id}/training`).send({ course: 'x', completedOn: '2026-05-01' }),
      http().get('/vacancies'),
      http().post('/vacancies').send(vacancyBody()),
      http().patch(`/vacancies/${MISSING}`).send({ status: 'filled' }),
      http().get('/workforce/summary?from=2026-01-01&to=2026-12-31'),
    ];
    for (const call of calls) expect((await call.set('Authorization', member)).status).toBe(403);
  });

  it('keeps staff records on the node: nothing about them goes to the outbox', async () => {
    const rows = await mesh.nodeQuery(
      COOP,
      "SELECT id FROM outbox_message WHERE envelope::text LIKE '%Private Person%' OR envelope::text LIKE '%staff%'",
    );
    expect(rows).toHaveLength(0);
  });
});
