import { randomUUID } from 'node:crypto';

import { aMember, aVolunteer } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';

/** Volunteers, the double-entry time bank held to the rulebook's overdraft, and expense claims, on a real node. */
describe('volunteering, the time bank and expenses', () => {
  const mesh = new TestMesh();
  const COOP = 'golcar';
  const JOINED = '2025-01-06';
  const TODAY = ukDay();
  const TOMORROW = ukDay(1);
  const OVERDRAFT = 600; // the UK founding rulebook's timeCreditOverdraftMinutes

  const admin = mesh.node(COOP).as('coop-admin');
  const asMember = (id: string) => mesh.node(COOP).as('member', id);
  const http = () => mesh.nodeHttp(COOP);

  const newVolunteer = async (body: object = {}) =>
    (
      await admin
        .post('/volunteers')
        .send({ ...aVolunteer({ fullName: 'Val Hirst', joinedOn: JOINED }), ...body })
        .expect(201)
    ).body;
  const logHours = (id: string, body: object = {}, auth = admin.authorization) =>
    http()
      .post(`/volunteers/${id}/hours`)
      .set('Authorization', auth)
      .send({ workedOn: '2025-02-03', activity: 'befriending', minutes: 60, ...body });
  const transfer = (fromVolunteerId: string, toVolunteerId: string, minutes: number, purpose = 'help') =>
    admin.post('/time-bank/transfers').send({ fromVolunteerId, toVolunteerId, minutes, purpose });
  const account = async (id: string) => (await admin.get(`/time-bank/accounts/${id}`).expect(200)).body;
  const claim = (id: string, body: object, auth = admin.authorization) =>
    http()
      .post(`/volunteers/${id}/expenses`)
      .set('Authorization', auth)
      .send({ incurredOn: '2025-02-03', description: 'To and from a befriending visit', ...body });
  const admitMember = async (fullName: string) =>
    (
      await admin
        .post('/members')
        .send(aMember({ stakeholderClass: 'volunteer', fullName }))
        .expect(201)
    ).body;
  const ledgerTotal = async () =>
    (await mesh.nodeQuery<{ total: number }>(COOP, 'SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry'))[0].total;
  const accountId = async (volunteerId: string) =>
    (await mesh.nodeQuery<{ id: string }>(COOP, 'SELECT id FROM time_account WHERE volunteer_id = $1', [volunteerId]))[0].id;

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  describe('volunteers and their hours', () => {
    it("registers a volunteer with an empty account held to the rulebook's overdraft", async () => {
      const v = await newVolunteer();
      expect(v).toMatchObject({
        fullName: 'Val Hirst',
        memberId: null,
        joinedOn: JOINED,
        leftOn: null,
        movedIntoPaidWorkOn: null,
        paidRole: null,
      });
      expect(await account(v.id)).toEqual({
        volunteerId: v.id,
        balanceMinutes: 0,
        overdraftMinutes: OVERDRAFT,
        availableMinutes: OVERDRAFT,
        entries: { items: [], total: 0, limit: 50, offset: 0 },
      });
    });

    it('earns the same minutes of credit for hours given, issued by the co-op in the same transaction', async () => {
      const v = await newVolunteer();
      const hours = (await logHours(v.id, { minutes: 90, activity: 'transport', note: 'hospital run' }).expect(201)).body;
      expect(hours).toMatchObject({
        volunteerId: v.id,
        workedOn: '2025-02-03',
        activity: 'transport',
        minutes: 90,
        transferId: expect.any(String),
      });
      const acct = await account(v.id);
      expect(acct).toMatchObject({ balanceMinutes: 90, availableMinutes: 90 + OVERDRAFT });
      expect(acct.entries.items).toEqual([
        expect.objectContaining({
          transferId: hours.transferId,
          minutes: 90,
          purpose: 'earning',
          counterpartyVolunteerId: null,
          occurredOn: '2025-02-03',
        }),
      ]);
      const [stored] = await mesh.nodeQuery(
        COOP,
        'SELECT t.purpose, t.minutes, t.volunteer_hours_id, f.kind AS from_kind FROM time_transfer t JOIN time_account f ON f.id = t.from_account_id WHERE t.id = $1',
        [hours.transferId],
      );
      expect(stored).toEqual({ purpose: 'earning', minutes: 90, volunteer_hours_id: hours.id, from_kind: 'issuer' });
      const list = (await admin.get(`/volunteers/${v.id}/hours?activity=transport`).expect(200)).body;
      expect(list).toMatchObject({ total: 1, items: [{ id: hours.id }] });
      expect(await ledgerTotal()).toBe(0);
    });

    it('refuses hours in the future, before joining or after leaving, and stores neither hours nor credits', async () => {
      const v = await newVolunteer();
      const before = await ledgerTotal();
      expect((await logHours(v.id, { workedOn: TOMORROW }).expect(409)).body.code).toBe('VOLUNTEERING.DATE_IN_FUTURE');
      expect((await logHours(v.id, { workedOn: '2025-01-05' }).expect(409)).body.code).toBe('VOLUNTEERING.DATE_BEFORE_JOINING');
      await admin.post(`/volunteers/${v.id}/departure`).send({ leftOn: '2025-03-01', reason: 'moved to Leeds' }).expect(200);
      await logHours(v.id, { workedOn: '2025-03-01' }).expect(201);
      const late = await logHours(v.id, { workedOn: '2025-03-02' }).expect(409);
      expect(late.body).toMatchObject({ code: 'VOLUNTEERING.DATE_AFTER_LEAVING', message: expect.stringContaining('left on 2025-03-01') });
      expect((await account(v.id)).balanceMinutes).toBe(60);
      expect(await ledgerTotal()).toBe(before);
    });

    it('records a departure once, and lists volunteers by status', async () => {
      const v = await newVolunteer({ fullName: 'Leaving Lou' });
      const left = (await admin.post(`/volunteers/${v.id}/departure`).send({}).expect(200)).body;
      expect(left.leftOn).toBe(TODAY);
      expect((await admin.post(`/volunteers/${v.id}/departure`).send({}).expect(409)).body.code).toBe('VOLUNTEERING.ALREADY_LEFT');
      const leftList = (await admin.get('/volunteers?status=left&name=lou').expect(200)).body;
      expect(leftList.items.map((x: { id: string }) => x.id)).toEqual([v.id]);
      const active = (await admin.get('/volunteers?limit=500').expect(200)).body;
      expect(active.items.every((x: { leftOn: string | null }) => x.leftOn === null)).toBe(true);
    });

    it('records the volunteer-to-paid pathway once, and counts it in the summary', async () => {
      const v = await newVolunteer({ fullName: 'Pathway Priya' });
      const before = (await admin.get(`/volunteers/summary?from=${TODAY}&to=${TODAY}`).expect(200)).body;
      const moved = await admin.post(`/volunteers/${v.id}/paid-work`).send({ on: TODAY, role: 'Care worker' }).expect(200);
      expect(moved.body).toMatchObject({ movedIntoPaidWorkOn: TODAY, paidRole: 'Care worker', leftOn: null });
      expect((await admin.post(`/volunteers/${v.id}/paid-work`).send({ on: TODAY, role: 'Again' }).expect(409)).body.code).toBe(
        'VOLUNTEERING.ALREADY_IN_PAID_WORK',
      );
      const other = await newVolunteer();
      expect((await admin.post(`/volunteers/${other.id}/paid-work`).send({ on: '2024-12-31', role: 'Cook' }).expect(409)).body.code).toBe(
        'VOLUNTEERING.DATE_BEFORE_JOINING',
      );
      const after = (await admin.get(`/volunteers/summary?from=${TODAY}&to=${TODAY}`).expect(200)).body;
      expect(after.movedIntoPaidWork).toBe(before.movedIntoPaidWork + 1);
      const inPaidWork = (await admin.get('/volunteers?inPaidWork=true&limit=500').expect(200)).body;
      expect(inPaidWork.items.map((x: { id: string }) => x.id)).toContain(v.id);
      expect(inPaidWork.items.map((x: { id: string }) => x.id)).not.toContain(other.id);
    });

    it('summarises hours given by activity over a period, from SQL aggregates', async () => {
      const v = await newVolunteer();
      await logHours(v.id, { workedOn: '2025-04-07', activity: 'gardening', minutes: 120 }).expect(201);
      await logHours(v.id, { workedOn: '2025-04-08', activity: 'gardening', minutes: 45 }).expect(201);
      await logHours(v.id, { workedOn: '2025-04-08', activity: 'meals-and-shopping', minutes: 30 }).expect(201);
      await logHours(v.id, { workedOn: '2025-04-09', activity: 'admin', minutes: 15 }).expect(201);
      const s = (await admin.get('/volunteers/summary?from=2025-04-07&to=2025-04-08').expect(200)).body;
      expect(s).toMatchObject({ from: '2025-04-07', to: '2025-04-08', minutesGiven: 195 });
      expect(s.minutesByActivity).toMatchObject({ gardening: 165, 'meals-and-shopping': 30, admin: 0, befriending: 0 });
      const earned = (await admin.get('/time-bank/summary?from=2025-04-07&to=2025-04-08').expect(200)).body;
      expect(earned).toMatchObject({ earned: { transfers: 3, minutes: 195 }, exchanged: { transfers: 0, minutes: 0 } });
    });
  });

  describe('the time-credit ledger', () => {
    it('moves credits from the volunteer who received help to the one who gave it, down to the overdraft and no further', async () => {
      const receiver = await newVolunteer({ fullName: 'Carer Cath' });
      const giver = await newVolunteer({ fullName: 'Giver Gita' });
      await logHours(receiver.id, { minutes: 60 }).expect(201);
      const respite = (await transfer(receiver.id, giver.id, 120, 'respite').expect(201)).body;
      expect(respite).toMatchObject({
        purpose: 'respite',
        fromVolunteerId: receiver.id,
        toVolunteerId: giver.id,
        minutes: 120,
        occurredOn: TODAY,
      });
      await transfer(receiver.id, giver.id, 60 + OVERDRAFT - 120, 'help').expect(201);
      const refused = await transfer(receiver.id, giver.id, 1).expect(409);
      expect(refused.body).toMatchObject({
        code: 'TIMEBANK.OVERDRAFT_EXCEEDED',
        details: { balanceMinutes: -OVERDRAFT, overdraftMinutes: OVERDRAFT },
      });
      expect(await account(receiver.id)).toMatchObject({ balanceMinutes: -OVERDRAFT, availableMinutes: 0 });
      const giverAccount = await account(giver.id);
      expect(giverAccount.balanceMinutes).toBe(OVERDRAFT + 60);
      expect(giverAccount.entries.items.map((e: { minutes: number; counterpartyName: string }) => [e.minutes, e.counterpartyName])).toEqual(
        [
          [540, 'Carer Cath'],
          [120, 'Carer Cath'],
        ],
      );
      expect(await ledgerTotal()).toBe(0);
    });

    it('refuses a transfer to oneself, of no minutes, or with a volunteer who has left, each with its reason', async () => {
      const a = await newVolunteer();
      const b = await newVolunteer();
      expect((await transfer(a.id, a.id, 30).expect(409)).body).toMatchObject({
        code: 'TIMEBANK.SELF_TRANSFER',
        message: 'a volunteer cannot transfer credits to themselves',
      });
      const zero = await transfer(a.id, b.id, 0).expect(400);
      expect(zero.body.message).toContain('minutes must not be less than 1');
      await admin.post(`/volunteers/${b.id}/departure`).send({}).expect(200);
      const toLeaver = await transfer(a.id, b.id, 30).expect(409);
      expect(toLeaver.body).toMatchObject({
        code: 'TIMEBANK.VOLUNTEER_LEFT',
        message: expect.stringContaining(`receiving volunteer ${b.id} left on ${TODAY}`),
      });
      expect((await transfer(b.id, a.id, 30).expect(409)).body.message).toContain('the paying volunteer');
      expect((await transfer(a.id, randomUUID(), 30).expect(404)).body.code).toBe('VOLUNTEERING.VOLUNTEER_NOT_FOUND');
      expect((await account(a.id)).entries.total).toBe(0);
    });

    it('never overspends under 20 concurrent transfers from one account: exactly the affordable ones succeed', async () => {
      const payer = await newVolunteer({ fullName: 'Busy Bev' });
      const givers = [await newVolunteer(), await newVolunteer(), await newVolunteer(), await newVolunteer()];
      await logHours(payer.id, { minutes: 60 }).expect(201);
      const affordable = Math.floor((60 + OVERDRAFT) / 60);

      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => transfer(payer.id, givers[i % givers.length].id, 60)));

      const ok = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      expect(ok).toHaveLength(affordable);
      expect(refused).toHaveLength(20 - affordable);
      for (const r of refused)
        expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'TIMEBANK.OVERDRAFT_EXCEEDED' });
      const acct = await account(payer.id);
      expect(acct.balanceMinutes).toBe(60 - affordable * 60);
      expect(acct.balanceMinutes).toBeGreaterThanOrEqual(-OVERDRAFT);
      expect(acct.entries.total).toBe(1 + affordable);
      const received = await Promise.all(givers.map(async (g) => (await account(g.id)).balanceMinutes));
      expect(received.reduce((s, m) => s + m, 0)).toBe(affordable * 60);
      expect(await ledgerTotal()).toBe(0);
    });

    it('does not deadlock when two volunteers pay each other concurrently', async () => {
      const a = await newVolunteer();
      const b = await newVolunteer();
      await logHours(a.id, { minutes: 600 }).expect(201);
      await logHours(b.id, { minutes: 600 }).expect(201);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? transfer(a.id, b.id, 30) : transfer(b.id, a.id, 30))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect((await account(a.id)).balanceMinutes).toBe(600);
      expect((await account(b.id)).balanceMinutes).toBe(600);
      expect(await ledgerTotal()).toBe(0);
    });

    it('lists transfers by volunteer and purpose, paginated, and summarises credits exchanged by purpose', async () => {
      const a = await newVolunteer();
      const b = await newVolunteer();
      const before = (await admin.get(`/time-bank/summary?from=${TODAY}&to=${TODAY}`).expect(200)).body;
      await transfer(a.id, b.id, 45, 'respite').expect(201);
      await transfer(a.id, b.id, 15, 'help').expect(201);
      await transfer(b.id, a.id, 20, 'help').expect(201);
      const after = (await admin.get(`/time-bank/summary?from=${TODAY}&to=${TODAY}`).expect(200)).body;
      expect(after.byPurpose.respite).toEqual({
        transfers: before.byPurpose.respite.transfers + 1,
        minutes: before.byPurpose.respite.minutes + 45,
      });
      expect(after.byPurpose.help).toEqual({ transfers: before.byPurpose.help.transfers + 2, minutes: before.byPurpose.help.minutes + 35 });
      expect(after.exchanged).toEqual({ transfers: before.exchanged.transfers + 3, minutes: before.exchanged.minutes + 80 });
      const page = (await admin.get(`/time-bank/transfers?volunteerId=${a.id}&purpose=help&limit=1`).expect(200)).body;
      expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
      expect(page.items).toHaveLength(1);
      const all = (await admin.get(`/time-bank/transfers?volunteerId=${a.id}`).expect(200)).body;
      expect(all.items.map((t: { minutes: number }) => t.minutes).sort()).toEqual([15, 20, 45]);
    });

    describe('the database itself keeps every transfer to two entries that sum to zero', () => {
      let a: string;
      let b: string;
      const attempt = (transferId: string, entries: [string, number][], headerMinutes = 60) =>
        mesh.nodeQuery(
          COOP,
          `BEGIN;
           INSERT INTO time_transfer (id, purpose, from_account_id, to_account_id, minutes, occurred_on) VALUES ('${transferId}', 'help', '${a}', '${b}', ${headerMinutes}, current_date);
           ${entries.map(([acct, m]) => `INSERT INTO time_entry (transfer_id, account_id, minutes) VALUES ('${transferId}', '${acct}', ${m});`).join('\n')}
           COMMIT;`,
        );
      const stored = async (transferId: string) =>
        (await mesh.nodeQuery(COOP, 'SELECT id FROM time_transfer WHERE id = $1', [transferId])).length;

      beforeAll(async () => {
        a = await accountId((await newVolunteer()).id);
        b = await accountId((await newVolunteer()).id);
      });

      it('refuses at commit a transfer written by hand with only one entry', async () => {
        const id = randomUUID();
        await expect(attempt(id, [[b, 60]])).rejects.toThrow(`time transfer ${id} is unbalanced: 1 entries summing to 60 minutes`);
        expect(await stored(id)).toBe(0);
      });

      it('refuses two entries that do not sum to zero, or that do not match the header', async () => {
        const uneven = randomUUID();
        await expect(
          attempt(uneven, [
            [a, -60],
            [b, 50],
          ]),
        ).rejects.toThrow('is unbalanced: 2 entries summing to -10 minutes');
        const mismatched = randomUUID();
        await expect(
          attempt(mismatched, [
            [a, -30],
            [b, 30],
          ]),
        ).rejects.toThrow('is unbalanced: 2 entries summing to 0 minutes');
        expect(await stored(uneven)).toBe(0);
        expect(await stored(mismatched)).toBe(0);
      });

      it('accepts a balanced pair, and then refuses any change to it: the ledger is append-only', async () => {
        const id = randomUUID();
        await attempt(id, [
          [a, -60],
          [b, 60],
        ]);
        expect(await stored(id)).toBe(1);
        await expect(mesh.nodeQuery(COOP, 'UPDATE time_entry SET minutes = minutes * 2 WHERE transfer_id = $1', [id])).rejects.toThrow(
          'append-only',
        );
        await expect(mesh.nodeQuery(COOP, 'DELETE FROM time_transfer WHERE id = $1', [id])).rejects.toThrow('append-only');
        expect(await ledgerTotal()).toBe(0);
      });
    });
  });

  describe('expense claims', () => {
    it("works out mileage at HMRC's 45p a mile unless another rate is given, storing the rate used", async () => {
      const v = await newVolunteer();
      const car = (await claim(v.id, { kind: 'mileage', miles: 12.3 }).expect(201)).body;
      expect(car).toMatchObject({
        kind: 'mileage',
        miles: 12.3,
        ratePencePerMile: 45,
        amountPence: 554,
        status: 'submitted',
        approvedAt: null,
      });
      const bike = (await claim(v.id, { kind: 'mileage', miles: 10, ratePencePerMile: 20 }).expect(201)).body;
      expect(bike).toMatchObject({ ratePencePerMile: 20, amountPence: 200 });
      const childcare = (await claim(v.id, { kind: 'childcare', amountPence: 2400 }).expect(201)).body;
      expect(childcare).toMatchObject({ kind: 'childcare', amountPence: 2400, miles: null, ratePencePerMile: null });
    });

    it('refuses a claim that states the wrong figures, naming the field', async () => {
      const v = await newVolunteer();
      const both = await claim(v.id, { kind: 'mileage', miles: 10, amountPence: 450 }).expect(400);
      expect(both.body).toMatchObject({ code: 'VOLUNTEERING.EXPENSE_AMOUNT', message: expect.stringMatching(/^amountPence /) });
      expect((await claim(v.id, { kind: 'meals' }).expect(400)).body.message).toMatch(/^amountPence is required/);
      expect((await claim(v.id, { kind: 'travel', amountPence: 500, miles: 3 }).expect(400)).body.message).toMatch(/^miles /);
      const bad = await claim(v.id, { kind: 'uniform', amountPence: -5, miles: 1.25, incurredOn: '2025-13-01', extra: true }).expect(400);
      const text = bad.body.message.join('; ');
      for (const f of [
        'kind must be one of',
        'amountPence must not be less than 1',
        'miles must be a number',
        'incurredOn must be a date, YYYY-MM-DD',
        'property extra should not exist',
      ]) {
        expect(text).toContain(f);
      }
      expect((await claim(v.id, { kind: 'meals', amountPence: 800, incurredOn: TOMORROW }).expect(409)).body.code).toBe(
        'VOLUNTEERING.DATE_IN_FUTURE',
      );
    });

    it('goes submitted → approved → paid, and refuses every other step with 409 and the current state', async () => {
      const v = await newVolunteer();
      const c = (await claim(v.id, { kind: 'travel', amountPence: 640 }).expect(201)).body;
      const payEarly = await admin.post(`/expenses/${c.id}/payment`).send({}).expect(409);
      expect(payEarly.body).toMatchObject({
        code: 'VOLUNTEERING.EXPENSE_TRANSITION_REFUSED',
        details: { currentStatus: 'submitted', allowedActions: ['approve', 'reject'] },
      });
      const approved = (await admin.post(`/expenses/${c.id}/approval`).send({ note: 'ticket seen' }).expect(200)).body;
      expect(approved).toMatchObject({ status: 'approved', approvedAt: expect.any(String), approvalNote: 'ticket seen' });
      const rejectApproved = await admin.post(`/expenses/${c.id}/rejection`).send({ reason: 'too late' }).expect(409);
      expect(rejectApproved.body.details).toEqual({ currentStatus: 'approved', allowedActions: ['pay'] });
      await admin.post(`/expenses/${c.id}/approval`).send({}).expect(409);
      const paid = (await admin.post(`/expenses/${c.id}/payment`).send({ reference: 'BACS 0412' }).expect(200)).body;
      expect(paid).toMatchObject({ status: 'paid', paidAt: expect.any(String), paymentReference: 'BACS 0412' });
      for (const step of ['approval', 'payment']) {
        const res = await admin.post(`/expenses/${c.id}/${step}`).send({}).expect(409);
        expect(res.body).toMatchObject({
          message: expect.stringContaining('a claim that is paid cannot be'),
          details: { currentStatus: 'paid', allowedActions: [] },
        });
      }
    });

    it('goes submitted → rejected with a reason, and nothing after', async () => {
      const v = await newVolunteer();
      const c = (await claim(v.id, { kind: 'other', amountPence: 999 }).expect(201)).body;
      await admin.post(`/expenses/${c.id}/rejection`).send({}).expect(400);
      const rejected = (await admin.post(`/expenses/${c.id}/rejection`).send({ reason: 'no receipt' }).expect(200)).body;
      expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'no receipt', rejectedAt: expect.any(String) });
      for (const step of ['approval', 'payment']) {
        expect((await admin.post(`/expenses/${c.id}/${step}`).send({}).expect(409)).body.details.currentStatus).toBe('rejected');
      }
      await admin.post(`/expenses/${c.id}/approval`).send({ extra: 'x' }).expect(400);
      await admin.post(`/expenses/${randomUUID()}/approval`).send({}).expect(404);
    });

    it('lists claims filtered by status and volunteer, paginated', async () => {
      const v = await newVolunteer();
      const first = (await claim(v.id, { kind: 'meals', amountPence: 700 }).expect(201)).body;
      await claim(v.id, { kind: 'meals', amountPence: 800 }).expect(201);
      await admin.post(`/expenses/${first.id}/approval`).send({}).expect(200);
      const approved = (await admin.get(`/expenses?status=approved&volunteerId=${v.id}`).expect(200)).body;
      expect(approved).toMatchObject({ total: 1, items: [{ id: first.id, status: 'approved' }] });
      const page = (await admin.get(`/expenses?volunteerId=${v.id}&kind=meals&limit=1&offset=1`).expect(200)).body;
      expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(page.items).toHaveLength(1);
      await admin.get('/expenses?status=lost').expect(400);
    });
  });

  describe('access', () => {
    let me: { id: string };
    let someoneElse: { id: string };
    let memberId: string;
    let theirClaim: { id: string };
    const mine = () => asMember(memberId).authorization;

    beforeAll(async () => {
      memberId = (await admitMember('Molly Member')).id;
      me = await newVolunteer({ fullName: 'Molly Member', memberId });
      someoneElse = await newVolunteer({ fullName: 'Other Olu', memberId: (await admitMember('Other Olu')).id });
      theirClaim = (await claim(someoneElse.id, { kind: 'meals', amountPence: 500 }).expect(201)).body;
    });

    it('lets a member read their own volunteer record, account and hours, and log their own hours', async () => {
      expect((await http().get('/volunteers/me').set('Authorization', mine()).expect(200)).body.id).toBe(me.id);
      await http().get(`/volunteers/${me.id}`).set('Authorization', mine()).expect(200);
      await logHours(me.id, { minutes: 30 }, mine()).expect(201);
      expect((await http().get(`/time-bank/accounts/${me.id}`).set('Authorization', mine()).expect(200)).body.balanceMinutes).toBe(30);
      expect((await http().get(`/volunteers/${me.id}/hours`).set('Authorization', mine()).expect(200)).body.total).toBe(1);
    });

    it("gives a member 404 for another volunteer's record, account, hours and claims, as if they did not exist", async () => {
      const other = someoneElse.id;
      for (const res of [
        await http().get(`/volunteers/${other}`).set('Authorization', mine()),
        await http().get(`/time-bank/accounts/${other}`).set('Authorization', mine()),
        await http().get(`/volunteers/${other}/hours`).set('Authorization', mine()),
        await logHours(other, {}, mine()),
        await claim(other, { kind: 'meals', amountPence: 500 }, mine()),
      ]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'VOLUNTEERING.VOLUNTEER_NOT_FOUND' });
      }
      expect((await http().get(`/expenses/${theirClaim.id}`).set('Authorization', mine()).expect(404)).body.code).toBe(
        'VOLUNTEERING.EXPENSE_NOT_FOUND',
      );
      expect((await account(other)).balanceMinutes).toBe(0);
    });

    it('lets a member submit and see only their own claims', async () => {
      const own = (await claim(me.id, { kind: 'childcare', amountPence: 1800 }, mine()).expect(201)).body;
      await http().get(`/expenses/${own.id}`).set('Authorization', mine()).expect(200);
      const listed = (await http().get('/expenses?limit=500').set('Authorization', mine()).expect(200)).body;
      expect(listed.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
      const filtered = (await http().get(`/expenses?volunteerId=${someoneElse.id}`).set('Authorization', mine()).expect(200)).body;
      expect(filtered.total).toBe(0);
    });

    it('keeps to the admin registering, departures, paid work, transfers, decisions on claims and reports', async () => {
      const own = (await claim(me.id, { kind: 'meals', amountPence: 600 }, mine()).expect(201)).body;
      const refused = [
        await http().post('/volunteers').set('Authorization', mine()).send({ fullName: 'Self Made' }),
        await http().get('/volunteers').set('Authorization', mine()),
        await http().get('/volunteers/summary').set('Authorization', mine()),
        await http().post(`/volunteers/${me.id}/departure`).set('Authorization', mine()).send({}),
        await http().post(`/volunteers/${me.id}/paid-work`).set('Authorization', mine()).send({ on: TODAY, role: 'Boss' }),
        await http()
          .post('/time-bank/transfers')
          .set('Authorization', mine())
          .send({ fromVolunteerId: someoneElse.id, toVolunteerId: me.id, minutes: 60, purpose: 'help' }),
        await http().get('/time-bank/transfers').set('Authorization', mine()),
        await http().get('/time-bank/summary').set('Authorization', mine()),
        await http().post(`/expenses/${own.id}/approval`).set('Authorization', mine()).send({}),
        await http().post(`/expenses/${own.id}/payment`).set('Authorization', mine()).send({}),
      ];
      expect(refused.map((r) => r.status)).toEqual(Array(refused.length).fill(403));
      expect((await admin.get(`/expenses/${own.id}`).expect(200)).body.status).toBe('submitted');
    });

    it('links a member to one volunteer record at most, and only a current member', async () => {
      expect((await admin.post('/volunteers').send({ fullName: 'Molly Twice', memberId }).expect(409)).body.code).toBe(
        'VOLUNTEERING.MEMBER_ALREADY_VOLUNTEER',
      );
      expect((await admin.post('/volunteers').send({ fullName: 'Nobody', memberId: randomUUID() }).expect(404)).body.code).toBe(
        'MEMBERS.NOT_FOUND',
      );
      const leaver = await admitMember('Gone Gwen');
      await admin.post(`/members/${leaver.id}/withdrawal`).send({}).expect(200);
      expect((await admin.post('/volunteers').send({ fullName: 'Gone Gwen', memberId: leaver.id }).expect(409)).body.code).toBe(
        'MEMBERS.ALREADY_WITHDRAWN',
      );
    });

    it('gives a member without a volunteer record 404 for /volunteers/me and an empty list of claims', async () => {
      const stranger = (await admitMember('No Volunteer')).id;
      await asMember(stranger).get('/volunteers/me').expect(404);
      expect((await asMember(stranger).get('/expenses').expect(200)).body.total).toBe(0);
    });
  });

  describe('input', () => {
    it('refuses bad volunteer and hours input with 400 naming each field', async () => {
      const res = await admin.post('/volunteers').send({ fullName: '', memberId: 'nope', joinedOn: '31/12/2025', extra: 1 }).expect(400);
      const text = res.body.message.join('; ');
      for (const f of [
        'fullName must be longer than or equal to 1',
        'memberId must be a UUID',
        'joinedOn must be a date, YYYY-MM-DD',
        'property extra should not exist',
      ])
        expect(text).toContain(f);
      const v = await newVolunteer();
      const hours = await logHours(v.id, { workedOn: '2025-02-30', activity: 'knitting', minutes: 1441 }).expect(400);
      const hoursText = hours.body.message.join('; ');
      for (const f of ['workedOn must be a date, YYYY-MM-DD', 'activity must be one of', 'minutes must not be greater than 1440'])
        expect(hoursText).toContain(f);
      expect((await logHours(v.id, { minutes: 1.5 }).expect(400)).body.message).toContain('minutes must be an integer number');
    });

    it('refuses bad transfer input naming the field', async () => {
      const res = await admin
        .post('/time-bank/transfers')
        .send({ fromVolunteerId: 'x', toVolunteerId: randomUUID(), minutes: '60', purpose: 'earning' })
        .expect(400);
      const text = res.body.message.join('; ');
      for (const f of ['fromVolunteerId must be a UUID', 'minutes must be an integer number', 'purpose must be one of'])
        expect(text).toContain(f);
    });

    it('answers 400 for an id that is not a v4 uuid or an inverted period, and 404 for one that does not exist', async () => {
      await admin.get('/volunteers/not-a-uuid').expect(400);
      await admin.get('/time-bank/accounts/123').expect(400);
      await admin.post('/expenses/nope/approval').send({}).expect(400);
      expect((await admin.get(`/volunteers/${randomUUID()}`).expect(404)).body.code).toBe('VOLUNTEERING.VOLUNTEER_NOT_FOUND');
      expect((await admin.get(`/time-bank/accounts/${randomUUID()}`).expect(404)).body.code).toBe('VOLUNTEERING.VOLUNTEER_NOT_FOUND');
      expect((await admin.get(`/expenses/${randomUUID()}`).expect(404)).body.code).toBe('VOLUNTEERING.EXPENSE_NOT_FOUND');
      const inverted = await admin.get('/time-bank/summary?from=2026-02-01&to=2026-01-31').expect(400);
      expect(inverted.body).toMatchObject({ code: 'VOLUNTEERING.PERIOD_INVERTED', message: 'from (2026-02-01) is after to (2026-01-31)' });
      await admin.get('/time-bank/transfers?limit=0').expect(400);
      await admin.get('/volunteers?status=gone').expect(400);
    });
  });
});
