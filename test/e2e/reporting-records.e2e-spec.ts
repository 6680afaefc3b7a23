import { INestApplication } from '@nestjs/common';

import {
  CCM_QUARTERLY_V2,
  CCM_QUARTERLY_V3,
  checkAgainst,
  CURRENT_RETURN_DEFINITION,
  quarterOf,
  quarterPeriod,
  ReturnFigure,
  ReturnFigures,
  ReturnFiguresV1,
  SAFEGUARDING_CATEGORIES,
  sameCell,
  validateReturn,
} from '@app/contracts';

import { TenderDeadlineJob } from '../../apps/consortium-hub/src/tendering/tender-deadline.job';
import { ComputeReturn } from '../../apps/local-coop-node/src/reporting';
import { RULEBOOK_TEMPLATES } from '../../apps/local-coop-node/src/rulebook';
import { aGoal, aLot, aSafeguardingConcern, aServiceUser, aStaffMember, aTender, aVisit } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor as waitUntil } from '../support/wait-for';

/** Steps that cross NATS and both inboxes can take seconds on a busy machine. */
const waitFor: typeof waitUntil = (what, probe, accept, options) => waitUntil(what, probe, accept, { timeoutMs: 45_000, ...options });
jest.setTimeout(180_000);

/**
 * What a co-op node records from issue 16 on (COPM goals, safeguarding concerns, its own purchases, the
 * Type B share, visits tagged with their contract), recorded through its API and read back as the
 * return's version 3 figures, each checked against independent SQL over the node's own tables; a
 * return asked under version 2 keeps version 2's meaning.
 */
describe('what a co-op node records, in its return', () => {
  const mesh = new TestMesh();
  const COOP = 'rec-node';
  const LOCALITIES = ['Marsden', 'Slaithwaite'];
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const today = ukDay();
  // A whole quarter well in the past, whatever the day the suite runs.
  const Q = quarterOf(addDays(today, -200))!;
  // Joint rounds are ordered now, so what they feed is in the current quarter.
  const CQ = quarterOf(today)!;
  const inQ = (n: number) => addDays(Q.start, n);
  let node: INestApplication;
  const admin = () => mesh.node(COOP).as('coop-admin');
  type Preview = { figures: ReturnFigures; problems: unknown[]; outgoing: { nodeThreshold: number; return: ReturnFigures } };
  const preview = async (period = Q.label): Promise<Preview> =>
    (await admin().get(`/reporting/returns/preview?period=${period}`).expect(200)).body;
  const underV2 = (period = Q.label) => node.get(ComputeReturn).execute(quarterPeriod(period)!, CCM_QUARTERLY_V2);
  const staff = mesh.hub().as('consortium-staff');
  const figureOf = (figures: ReturnFigure[], metric: string, breakdown: ReturnFigure['breakdown'] = null) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown));
  const valueOf = (figures: ReturnFigure[], metric: string, breakdown: ReturnFigure['breakdown'] = null) => {
    const found = figureOf(figures, metric, breakdown);
    if (!found) throw new Error(`no figure ${metric} ${JSON.stringify(breakdown)}`);
    return found.value;
  };
  const person = async (overrides: Parameters<typeof aServiceUser>[0] = {}) =>
    (
      await admin()
        .post('/service-users')
        .send(aServiceUser({ startedOn: addDays(Q.start, -60), ...overrides }))
        .expect(201)
    ).body;
  const count = async (table: string) => (await mesh.nodeQuery<{ n: number }>(COOP, `SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const messages = (text: { body: { message: string | string[] } }) => [text.body.message].flat().join('; ');

  beforeAll(async () => {
    await mesh.startHub({ TEST_CLOCK: 'true' });
    node = await mesh.startNode(COOP, { TEST_CLOCK: 'true', COOP_LOCALITIES: LOCALITIES.join(',') });
    await mesh.registered(COOP);
  });
  afterAll(() => mesh.dispose());

  it('previews the current definition, version 3, with no problems', async () => {
    const body = await preview();
    expect(body.figures.definitionVersion).toBe(CCM_QUARTERLY_V3.version);
    expect(CURRENT_RETURN_DEFINITION).toBe(CCM_QUARTERLY_V3);
    expect(body.problems).toEqual([]);
  });

  describe('personal goals as COPM means them', () => {
    let planId: string;

    it('needs the importance of every new goal, naming the field, and keeps nothing of a refused plan', async () => {
      const p = await person();
      const before = await count('care_goal');
      const { importance: _left, ...noImportance } = aGoal();
      const res = await admin()
        .post(`/service-users/${p.id}/care-plans`)
        .send({ agreedOn: inQ(1), reviewDueOn: inQ(80), goals: [aGoal(), noImportance, aGoal({ importance: 11 })] })
        .expect(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining(['goals.1.importance must be an integer number', 'goals.2.importance must not be greater than 10']),
      );
      expect(await count('care_goal')).toBe(before);
    });

    it('counts a goal improved at a rise of 2 points or more in version 3, and at any rise in version 2, as independent SQL does', async () => {
      const p = await person();
      // [performance, satisfaction] at the start and at review: +1/+1, +2 performance, +3 satisfaction, a fall, +1 performance.
      const scores = [
        [4, 4, 5, 5],
        [4, 4, 6, 4],
        [4, 4, 4, 7],
        [5, 5, 4, 5],
        [3, 3, 4, 3],
      ];
      const plan = (
        await admin()
          .post(`/service-users/${p.id}/care-plans`)
          .send({
            agreedOn: inQ(1),
            reviewDueOn: inQ(80),
            goals: scores.map(([performanceAtStart, satisfactionAtStart], i) =>
              aGoal({ description: `Goal ${i + 1}`, importance: 10 - i, performanceAtStart, satisfactionAtStart }),
            ),
          })
          .expect(201)
      ).body;
      planId = plan.id;
      expect(plan.goals.map((g: { importance: number }) => g.importance)).toEqual([10, 9, 8, 7, 6]);
      const reviewed = (
        await admin()
          .post(`/care-plans/${plan.id}/review`)
          .send({
            reviewedOn: inQ(60),
            goals: plan.goals.map((g: { id: string }, i: number) => ({
              goalId: g.id,
              performance: scores[i][2],
              satisfaction: scores[i][3],
            })),
          })
          .expect(200)
      ).body;
      expect(reviewed.goals.map((g: { improved: boolean }) => g.improved)).toEqual([false, true, true, false, false]);
      expect(reviewed.goalsImproved).toBe(2);

      const [sql] = await mesh.nodeQuery<{ reviewed: number; meaningful: number; any_rise: number }>(
        COOP,
        `SELECT count(*)::int AS reviewed,
                count(*) FILTER (WHERE greatest(g.performance_at_review - g.performance_at_start, g.satisfaction_at_review - g.satisfaction_at_start) >= 2)::int AS meaningful,
                count(*) FILTER (WHERE greatest(g.performance_at_review - g.performance_at_start, g.satisfaction_at_review - g.satisfaction_at_start) >= 1)::int AS any_rise
           FROM care_goal g JOIN care_plan cp ON cp.id = g.care_plan_id WHERE cp.reviewed_on BETWEEN $1::date AND $2::date`,
        [Q.start, Q.end],
      );
      expect(sql).toEqual({ reviewed: 5, meaningful: 2, any_rise: 4 });
      const v3 = (await preview()).figures.figures;
      expect([valueOf(v3, 'goals_reviewed'), valueOf(v3, 'goals_improved'), valueOf(v3, 'goal_attainment_percent')]).toEqual([
        sql.reviewed,
        sql.meaningful,
        40,
      ]);
      const v2 = await underV2();
      expect(v2.figures.definitionVersion).toBe(2);
      expect(v2.problems).toEqual([]);
      expect([valueOf(v2.figures.figures, 'goals_improved'), valueOf(v2.figures.figures, 'goal_attainment_percent')]).toEqual([
        sql.any_rise,
        80,
      ]);
      // The care summary goes by the care feature's rule, version 3's meaning.
      const summary = (await admin().get(`/care/summary?from=${Q.start}&to=${Q.end}`).expect(200)).body;
      expect(summary).toMatchObject({ goalsReviewed: 5, goalsImproved: 2, goalsImprovedPercent: 40 });
    });

    it('shows a goal agreed before importance was recorded as having none', async () => {
      // As the migration leaves the goals agreed before it: nobody rated them.
      await mesh.nodeQuery(COOP, 'UPDATE care_goal SET importance = NULL WHERE care_plan_id = $1 AND position = 1', [planId]);
      const plan = (await admin().get(`/care-plans/${planId}`).expect(200)).body;
      expect(plan.goals.map((g: { importance: number | null }) => g.importance)).toEqual([null, 9, 8, 7, 6]);
    });
  });

  describe('safeguarding concerns', () => {
    let kept: { id: string };
    let leaving: { id: string };
    const concerns: Record<string, { id: string }> = {};
    const record = (serviceUserId: string, overrides: object) =>
      admin().post('/safeguarding-concerns').send(aSafeguardingConcern(serviceUserId, overrides));

    beforeAll(async () => {
      kept = await person({ fullName: 'Edna Pickles' });
      leaving = await person({ fullName: 'Walter Haigh' });
      await admin().patch(`/service-users/${leaving.id}`).send({ endedOn: Q.end }).expect(200);
    });

    it('records concerns by Care Act category, referred or not, and lists them by filter', async () => {
      concerns.first = (await record(kept.id, { raisedOn: inQ(5), referredOn: inQ(6) }).expect(201)).body;
      expect(concerns.first).toMatchObject({
        serviceUserId: kept.id,
        raisedOn: inQ(5),
        category: 'neglect-and-acts-of-omission',
        referredToCouncil: true,
        referredOn: inQ(6),
        outcome: 'open',
        closedOn: null,
      });
      concerns.second = (await record(kept.id, { raisedOn: inQ(10) }).expect(201)).body;
      concerns.money = (
        await record(leaving.id, { raisedOn: inQ(20), category: 'financial-or-material', details: 'Cash missing from the tin' }).expect(201)
      ).body;
      concerns.earlier = (
        await record(kept.id, { raisedOn: addDays(Q.start, -10), category: 'physical', referredOn: inQ(2) }).expect(201)
      ).body;
      concerns.later = (await record(kept.id, { raisedOn: addDays(Q.end, 5), category: 'psychological' }).expect(201)).body;

      const list = async (query: string) =>
        (await admin().get(`/safeguarding-concerns?${query}`).expect(200)).body.items.map((c: { id: string }) => c.id).sort();
      const ids = (...keys: string[]) => keys.map((k) => concerns[k].id).sort();
      expect(await list(`raisedFrom=${Q.start}&raisedTo=${Q.end}`)).toEqual(ids('first', 'second', 'money'));
      expect(await list('category=neglect-and-acts-of-omission')).toEqual(ids('first', 'second'));
      expect(await list('referred=true')).toEqual(ids('first', 'earlier'));
      expect(await list(`serviceUserId=${leaving.id}`)).toEqual(ids('money'));
      expect(await list('state=closed')).toEqual([]);
    });

    it('counts concerns raised in the period by category, and referrals made in it, as independent SQL does', async () => {
      const rows = await mesh.nodeQuery<{ category: string; n: number }>(
        COOP,
        'SELECT category, count(*)::int AS n FROM safeguarding_concern WHERE raised_on >= $1::date AND raised_on <= $2::date GROUP BY category',
        [Q.start, Q.end],
      );
      const [referred] = await mesh.nodeQuery<{ n: number }>(
        COOP,
        'SELECT count(*)::int AS n FROM safeguarding_concern WHERE referred_on >= $1::date AND referred_on <= $2::date',
        [Q.start, Q.end],
      );
      const body = await preview();
      const figures = body.figures.figures;
      for (const category of SAFEGUARDING_CATEGORIES)
        expect({ category, n: valueOf(figures, 'safeguarding_concerns_raised', { safeguarding_category: category }) }).toEqual({
          category,
          n: rows.find((r) => r.category === category)?.n ?? 0,
        });
      expect(valueOf(figures, 'safeguarding_concerns_raised')).toBe(rows.reduce((s, r) => s + r.n, 0));
      expect(valueOf(figures, 'safeguarding_concerns_raised')).toBe(3);
      expect(valueOf(figures, 'safeguarding_concerns_referred')).toBe(referred.n);
      expect(referred.n).toBe(2);
      expect(body.problems).toEqual([]);

      // Counts about people: cells of 1 or 2 are withheld before the return leaves the node.
      const out = body.outgoing.return.figures;
      expect(figureOf(out, 'safeguarding_concerns_raised', { safeguarding_category: 'neglect-and-acts-of-omission' })).toMatchObject({
        value: null,
        suppressedOnNode: true,
      });
      expect(figureOf(out, 'safeguarding_concerns_raised', { safeguarding_category: 'financial-or-material' })).toMatchObject({
        value: null,
        suppressedOnNode: true,
      });
      expect(validateReturn(CCM_QUARTERLY_V3, body.outgoing.return, { localities: LOCALITIES })).toEqual([]);
      expect(checkAgainst(ReturnFiguresV1, body.outgoing.return)).toMatchObject({ ok: true });
    });

    it('sends version 2 what version 2 defines: not recorded (null), no category and no referral count', async () => {
      const v2 = await underV2();
      expect(v2.problems).toEqual([]);
      expect(v2.figures.figures.filter((f) => f.metric.startsWith('safeguarding_'))).toEqual([
        { metric: 'safeguarding_concerns_raised', breakdown: null, value: null },
      ]);
    });

    it('refuses bad input naming the field, and a day ahead of the co-op clock, changing nothing', async () => {
      const before = await count('safeguarding_concern');
      const bad = await record(kept.id, { category: 'bullying', raisedOn: '2026-02-30', referredOn: 'soon', outcome: 'open' }).expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          expect.stringContaining('category must be one of the following values'),
          expect.stringContaining('raisedOn'),
          expect.stringContaining('referredOn'),
          'property outcome should not exist',
        ]),
      );
      const long = await record(kept.id, { details: 'x'.repeat(2001) }).expect(400);
      expect(messages(long)).toContain('details must be shorter than or equal to 2000 characters');
      const nobody = await record('0f0e0d0c-0b0a-4998-8776-655443322110', {}).expect(404);
      expect(nobody.body.code).toBe('CARE.SERVICE_USER_NOT_FOUND');

      // By the co-op's clock, set back to the end of the quarter, a concern raised after it is in the future.
      mesh.nodeClock(COOP).setTo(new Date(`${Q.end}T12:00:00Z`));
      try {
        const ahead = await record(kept.id, { raisedOn: addDays(Q.end, 1) }).expect(400);
        expect(ahead.body).toMatchObject({ code: 'CARE.SAFEGUARDING_IN_FUTURE', message: expect.stringContaining('raisedOn') });
        const referral = await record(kept.id, { raisedOn: inQ(3), referredOn: inQ(2) }).expect(400);
        expect(referral.body.code).toBe('CARE.SAFEGUARDING_DATES');
      } finally {
        mesh.nodeClock(COOP).reset();
      }
      expect(await count('safeguarding_concern')).toBe(before);
    });

    it('records a referral and the closing outcome, then keeps the concern final', async () => {
      const id = concerns.second.id;
      const noDay = await admin().patch(`/safeguarding-concerns/${id}`).send({ outcome: 'risk-reduced' }).expect(409);
      expect(noDay.body).toMatchObject({ code: 'CARE.SAFEGUARDING_DATES', message: 'closedOn is required with the outcome risk-reduced' });
      const badOutcome = await admin().patch(`/safeguarding-concerns/${id}`).send({ outcome: 'sorted' }).expect(400);
      expect(messages(badOutcome)).toContain('outcome must be one of the following values');
      await admin().patch(`/safeguarding-concerns/${id}`).send({}).expect(400);

      const referred = await admin()
        .patch(`/safeguarding-concerns/${id}`)
        .send({ referredOn: inQ(11) })
        .expect(200);
      expect(referred.body).toMatchObject({ referredToCouncil: true, referredOn: inQ(11), outcome: 'open' });
      const closed = await admin()
        .patch(`/safeguarding-concerns/${id}`)
        .send({ outcome: 'risk-reduced', closedOn: inQ(30) })
        .expect(200);
      expect(closed.body).toMatchObject({ outcome: 'risk-reduced', closedOn: inQ(30) });
      const again = await admin()
        .patch(`/safeguarding-concerns/${id}`)
        .send({ outcome: 'risk-removed', closedOn: inQ(31) })
        .expect(409);
      expect(again.body.code).toBe('CARE.SAFEGUARDING_CLOSED');
      expect((await admin().get(`/safeguarding-concerns/${id}`).expect(200)).body).toEqual(closed.body);
      expect((await admin().get('/safeguarding-concerns/0f0e0d0c-0b0a-4998-8776-655443322110').expect(404)).body.code).toBe(
        'CARE.SAFEGUARDING_CONCERN_NOT_FOUND',
      );
    });

    it("gives a person's concerns in their export, and their erasure blanks the account but keeps every count", async () => {
      const exported = (await admin().get(`/service-users/${leaving.id}/export`).expect(200)).body;
      expect(exported.explanation.safeguardingConcerns).toEqual(expect.stringContaining('Care Act 2014'));
      expect(exported.safeguardingConcerns).toEqual([
        expect.objectContaining({ id: concerns.money.id, category: 'financial-or-material', details: 'Cash missing from the tin' }),
      ]);

      const open = await admin().post(`/service-users/${leaving.id}/erasure`).expect(409);
      expect(open.body).toMatchObject({ code: 'CARE.ERASURE_NOT_ALLOWED', message: expect.stringContaining('safeguarding') });
      await admin()
        .patch(`/safeguarding-concerns/${concerns.money.id}`)
        .send({ referredOn: inQ(21), outcome: 'no-risk-identified', closedOn: inQ(40) })
        .expect(200);
      const figuresBefore = (await preview()).figures.figures.filter((f) => f.metric.startsWith('safeguarding_'));

      const erased = (await admin().post(`/service-users/${leaving.id}/erasure`).expect(200)).body;
      expect(erased.erased).toContain('the account of each safeguarding concern');
      const after = (await admin().get(`/safeguarding-concerns/${concerns.money.id}`).expect(200)).body;
      expect(after).toMatchObject({ details: null, category: 'financial-or-material', raisedOn: inQ(20), outcome: 'no-risk-identified' });
      expect((await preview()).figures.figures.filter((f) => f.metric.startsWith('safeguarding_'))).toEqual(figuresBefore);
      const refused = await record(leaving.id, {}).expect(409);
      expect(refused.body.code).toBe('CARE.ERASED');
    });
  });

  describe("spend from all of the co-op's purchasing", () => {
    const purchase = (body: object) =>
      admin()
        .post('/purchasing/purchases')
        .send({ supplier: 'Marsden Hardware', description: 'Grab rails', boughtOn: CQ.start, amountPence: 12_000, ...body });

    beforeAll(async () => {
      // A joint round with one item from a supplier local to Marsden and one from far away, ordered now.
      const create = async (body: object) => (await staff.post('/purchasing/catalogue').send(body).expect(201)).body.id as string;
      const local = await create({
        name: 'Incontinence pads',
        supplier: 'Colne Valley Medical Supplies',
        unit: 'pack',
        soloUnitPricePence: 1_250,
        localTo: ['Marsden'],
      });
      const far = await create({
        name: 'Enhanced DBS check',
        supplier: 'Umbrella Checks Ltd',
        unit: 'one check',
        soloUnitPricePence: 1_800,
      });
      const draft = (
        await staff
          .post('/purchasing/rounds')
          .send({ title: 'Spring supplies', closesAt: new Date(Date.now() + 3_600_000).toISOString(), itemIds: [local, far] })
          .expect(201)
      ).body;
      await staff.post(`/purchasing/rounds/${draft.id}/open`).expect(200);
      await waitFor(
        'the round on the node',
        async () => (await admin().get(`/purchasing/rounds/${draft.id}`)).body,
        (r) => r.items?.length === 2,
      );
      await admin().post(`/purchasing/rounds/${draft.id}/commitments`).send({ itemId: local, quantity: 4 }).expect(202);
      await admin().post(`/purchasing/rounds/${draft.id}/commitments`).send({ itemId: far, quantity: 2 }).expect(202);
      await waitFor(
        'both commitments on the hub',
        async () => (await staff.get(`/purchasing/rounds/${draft.id}`)).body,
        (r) => r.items?.every((i: { totalQuantity: number }) => i.totalQuantity > 0),
      );
      await staff.post(`/purchasing/rounds/${draft.id}/close`).expect(200);
      await staff.post(`/purchasing/rounds/${draft.id}/order`).expect(200);
      await waitFor(
        'the allocation on the node',
        () => mesh.nodeQuery(COOP, 'SELECT 1 FROM purchasing_allocation WHERE round_id = $1', [draft.id]),
        (rows) => rows.length === 2,
      );
    });

    it('records purchases outside joint rounds, local to a locality the co-op serves or not, and lists them', async () => {
      const local = (await purchase({ localTo: ' marsden ' }).expect(201)).body;
      expect(local).toMatchObject({
        supplier: 'Marsden Hardware',
        amountPence: 12_000,
        local: true,
        localTo: 'Marsden',
        boughtOn: CQ.start,
      });
      await purchase({
        supplier: 'Slaithwaite Bakery',
        description: 'Meals for the lunch club',
        amountPence: 4_550,
        localTo: 'Slaithwaite',
      }).expect(201);
      await purchase({ supplier: 'National Uniforms plc', description: 'Tunics', amountPence: 30_000 }).expect(201);
      await purchase({ supplier: 'Marsden Hardware', boughtOn: addDays(CQ.start, -1), amountPence: 99_999, localTo: 'Marsden' }).expect(
        201,
      );

      const list = async (query: string) =>
        (await admin().get(`/purchasing/purchases?${query}`).expect(200)).body.items
          .map((p: { amountPence: number }) => p.amountPence)
          .sort();
      expect(await list(`from=${CQ.start}&to=${CQ.end}`)).toEqual([12_000, 30_000, 4_550].sort());
      expect(await list('local=false')).toEqual([30_000]);
      expect(await list('supplier=HARDWARE')).toEqual([12_000, 99_999]);
      expect((await admin().get(`/purchasing/purchases/${local.id}`).expect(200)).body).toEqual(local);
    });

    it('refuses bad input naming the field, a place the co-op does not serve and a day ahead of its clock, changing nothing', async () => {
      const before = await count('node_purchase');
      const bad = await admin()
        .post('/purchasing/purchases')
        .send({ supplier: '', boughtOn: 'yesterday', amountPence: 10.5, local: true })
        .expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          'supplier must be longer than or equal to 1 characters',
          'description must be a string',
          expect.stringContaining('boughtOn'),
          'amountPence must be an integer number',
          'property local should not exist',
        ]),
      );
      expect(messages(await purchase({ amountPence: 0 }).expect(400))).toContain('amountPence must not be less than 1');
      const leeds = await purchase({ localTo: 'Leeds' }).expect(400);
      expect(leeds.body).toMatchObject({ code: 'PURCHASING.NOT_A_COOP_LOCALITY', message: expect.stringContaining('localTo Leeds') });
      mesh.nodeClock(COOP).setTo(new Date(`${addDays(today, -3)}T12:00:00Z`));
      try {
        const ahead = await purchase({ boughtOn: today }).expect(400);
        expect(ahead.body.code).toBe('PURCHASING.PURCHASE_IN_FUTURE');
      } finally {
        mesh.nodeClock(COOP).reset();
      }
      expect(await count('node_purchase')).toBe(before);
    });

    it('gives local and total spend as recorded purchases plus joint-round shares, and the local share, as independent SQL does', async () => {
      const [sql] = await mesh.nodeQuery<{ own_local: number; own_all: number; joint_local: number; joint_all: number }>(
        COOP,
        `SELECT (SELECT coalesce(sum(amount_pence) FILTER (WHERE local_to IS NOT NULL), 0) FROM node_purchase WHERE bought_on >= $1::date AND bought_on <= $2::date)::int AS own_local,
                (SELECT coalesce(sum(amount_pence), 0) FROM node_purchase WHERE bought_on >= $1::date AND bought_on <= $2::date)::int AS own_all,
                (SELECT coalesce(sum(a.allocated_pence) FILTER (WHERE a.local), 0) FROM purchasing_allocation a JOIN purchasing_round r ON r.id = a.round_id
                  WHERE r.state IN ('ordered', 'delivered') AND (r.ordered_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date)::int AS joint_local,
                (SELECT coalesce(sum(a.allocated_pence), 0) FROM purchasing_allocation a JOIN purchasing_round r ON r.id = a.round_id
                  WHERE r.state IN ('ordered', 'delivered') AND (r.ordered_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date)::int AS joint_all`,
        [CQ.start, CQ.end],
      );
      expect(sql).toEqual({ own_local: 16_550, own_all: 46_550, joint_local: 5_000, joint_all: 8_600 });
      const body = await preview(CQ.label);
      expect(body.problems).toEqual([]);
      const figures = body.figures.figures;
      expect(valueOf(figures, 'local_supplier_spend')).toBe(sql.own_local + sql.joint_local);
      expect(valueOf(figures, 'supplier_spend_total')).toBe(sql.own_all + sql.joint_all);
      expect(valueOf(figures, 'local_supplier_spend_percent')).toBe(
        Math.round(((sql.own_local + sql.joint_local) * 1000) / (sql.own_all + sql.joint_all)) / 10,
      );
      // Organisational figures: never withheld.
      expect(figureOf(body.outgoing.return.figures, 'local_supplier_spend')).toEqual(figureOf(figures, 'local_supplier_spend'));

      // Version 2 counted the joint-round share alone, and had no total.
      const v2 = await underV2(CQ.label);
      expect(v2.problems).toEqual([]);
      expect(valueOf(v2.figures.figures, 'local_supplier_spend')).toBe(sql.joint_local);
      expect(figureOf(v2.figures.figures, 'supplier_spend_total')).toBeUndefined();
    });
  });

  describe('the Italian Type B rule', () => {
    const summary = async () =>
      (await admin().get(`/workforce/summary?from=${CQ.start}&to=${CQ.end}`).expect(200)).body.disadvantagedWorkers;
    const staffIds: string[] = [];
    const sqlShare = async () => {
      const [row] = await mesh.nodeQuery<{ workers: number; disadvantaged: number }>(
        COOP,
        `SELECT count(*)::int AS workers, count(*) FILTER (WHERE disadvantaged)::int AS disadvantaged FROM staff
          WHERE started_on <= $1::date AND coalesce(left_on, 'infinity'::date) >= $1::date`,
        [CQ.end],
      );
      return { ...row, percent: Math.round((row.disadvantaged * 1000) / row.workers) / 10 };
    };

    beforeAll(async () => {
      // Seven workers employed through the quarter, two of them disadvantaged people; one more who has left.
      for (let i = 0; i < 7; i++)
        staffIds.push(
          (
            await admin()
              .post('/staff')
              .send(aStaffMember({ startedOn: addDays(CQ.start, -30), disadvantaged: i < 2 }))
              .expect(201)
          ).body.id,
        );
      const gone = (
        await admin()
          .post('/staff')
          .send(aStaffMember({ startedOn: addDays(CQ.start, -30), disadvantaged: true }))
          .expect(201)
      ).body;
      await admin()
        .post(`/staff/${gone.id}/leaving`)
        .send({ leftOn: addDays(CQ.start, -1), reason: 'Moved away' })
        .expect(200);
    });

    it('offers the italian-type-b template, whose rule is 30% of workers disadvantaged', async () => {
      const templates = (await admin().get('/rulebook/templates').expect(200)).body;
      expect(templates['italian-type-b']).toMatchObject({ template: 'italian-type-b', minimumDisadvantagedWorkersPercent: 30 });
      expect(templates['italian-type-a'].minimumDisadvantagedWorkersPercent).toBeUndefined();
    });

    it('has no verdict and sends no share under a rulebook without the rule', async () => {
      expect(await summary()).toMatchObject({ minimumPercent: null, workers: 7, disadvantaged: 2, met: null });
      expect(valueOf((await preview(CQ.label)).figures.figures, 'staff_disadvantaged_percent')).toBeNull();
    });

    it('records whether a worker is disadvantaged, refusing anything but yes or no and changing nothing', async () => {
      const before = await mesh.nodeQuery(COOP, 'SELECT id, disadvantaged FROM staff ORDER BY id');
      const bad = await admin()
        .post('/staff')
        .send(aStaffMember({ disadvantaged: 'yes' as unknown as boolean }))
        .expect(400);
      expect(messages(bad)).toContain('disadvantaged must be a boolean value');
      const nulled = await admin().patch(`/staff/${staffIds[3]}`).send({ disadvantaged: null }).expect(400);
      expect(messages(nulled)).toContain('disadvantaged');
      expect(await mesh.nodeQuery(COOP, 'SELECT id, disadvantaged FROM staff ORDER BY id')).toEqual(before);
      expect((await admin().get(`/staff/${staffIds[0]}`).expect(200)).body.disadvantaged).toBe(true);
    });

    it('checks the rule on the workforce summary once the Type B rulebook is adopted: short at 2 of 7, met at 3 of 7', async () => {
      const adopted = await admin().put('/rulebook').send({ rulebook: RULEBOOK_TEMPLATES['italian-type-b'] }).expect(200);
      expect(adopted.body).toMatchObject({ adopted: true });
      expect((await admin().get('/rulebook').expect(200)).body.rulebook).toMatchObject({
        template: 'italian-type-b',
        minimumDisadvantagedWorkersPercent: 30,
      });
      expect(await summary()).toEqual({
        minimumPercent: 30,
        workers: 7,
        disadvantaged: 2,
        percent: 28.6,
        met: false,
        rule: 'WORKFORCE.DISADVANTAGED_WORKERS_SHORT',
        message: '2 of 7 workers (28.6%) are disadvantaged people; the rulebook needs at least 30%',
      });
      // 2 disadvantaged workers is a count of 1 to the node threshold: the share is withheld before it leaves.
      const short = await preview(CQ.label);
      expect(valueOf(short.figures.figures, 'staff_disadvantaged_percent')).toBe((await sqlShare()).percent);
      expect(figureOf(short.outgoing.return.figures, 'staff_disadvantaged_percent')).toEqual({
        metric: 'staff_disadvantaged_percent',
        breakdown: null,
        value: null,
        suppressedOnNode: true,
      });

      await admin().patch(`/staff/${staffIds[2]}`).send({ disadvantaged: true }).expect(200);
      expect(await summary()).toMatchObject({ workers: 7, disadvantaged: 3, percent: 42.9, met: true, rule: null, message: null });
    });

    it('sends only the share, as independent SQL gives it, and version 2 has no such figure', async () => {
      const sql = await sqlShare();
      expect(sql).toEqual({ workers: 7, disadvantaged: 3, percent: 42.9 });
      const body = await preview(CQ.label);
      expect(body.problems).toEqual([]);
      expect(figureOf(body.outgoing.return.figures, 'staff_disadvantaged_percent')).toEqual({
        metric: 'staff_disadvantaged_percent',
        breakdown: null,
        value: sql.percent,
      });
      // No count of disadvantaged workers in any figure.
      expect(body.outgoing.return.figures.filter((f) => f.metric.includes('disadvantaged'))).toHaveLength(1);
      expect(figureOf((await underV2(CQ.label)).figures.figures, 'staff_disadvantaged_percent')).toBeUndefined();
    });
  });

  describe('visits tagged with the consortium contract they deliver', () => {
    const contracts: Record<'care' | 'more', string> = { care: '', more: '' };
    let person: { id: string };
    let carer: { id: string };
    const CONTRACT_START = addDays(CQ.start, 1);
    const at = (day: string) => `${day}T10:00:00Z`;
    const plan = (body: object) =>
      admin()
        .post('/visits')
        .send(aVisit({ serviceUserId: person.id, carerId: carer.id, plannedStart: at(CONTRACT_START), plannedMinutes: 60, ...body }));
    const deliver = (id: string, minutes: number, body: object = {}) =>
      admin()
        .post(`/visits/${id}/outcome`)
        .send({ status: 'delivered', deliveredMinutes: minutes, ...body });

    /** The council awards the co-op two lots of personal care in Marsden through joint tendering, and the contracts reach the node. */
    const awardContracts = async () => {
      const commissioner = mesh.hub().as('commissioner');
      const lots = [
        aLot({
          title: 'Home care, Marsden',
          serviceType: 'personal-care',
          hoursPerWeek: 20,
          startsOn: CONTRACT_START,
          endsOn: addDays(CQ.end, 365),
        }),
        aLot({
          title: 'More home care, Marsden',
          serviceType: 'personal-care',
          hoursPerWeek: 10,
          startsOn: CONTRACT_START,
          endsOn: addDays(CQ.end, 365),
        }),
      ];
      const tenderId = (await commissioner.post('/tenders').send(aTender({ lots })).expect(201)).body.id;
      await staff.post(`/tenders/${tenderId}/invitations`).send({}).expect(201);
      const invitation = await waitFor(
        'the invitation on the node',
        async () => (await admin().get(`/tendering/invitations/${tenderId}`)).body,
        (b) => b?.lots?.length === 2,
      );
      await admin()
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({
          offers: invitation.lots.map((l: { lotId: string }, i: number) => ({
            lotId: l.lotId,
            hoursPerWeek: i === 0 ? 20 : 10,
            pricePencePerHour: 2400,
          })),
        })
        .expect(202);
      await waitFor(
        'both offers on the hub',
        async () => (await staff.get(`/tenders/${tenderId}`)).body,
        (t) => t.offers?.length === 2,
      );
      await staff.post(`/tenders/${tenderId}/assembly`).expect(201);
      await staff.post(`/tenders/${tenderId}/submission`).expect(201);
      const award = (
        await staff
          .post(`/tenders/${tenderId}/award`)
          .send({ lots: invitation.lots.map((l: { lotId: string }) => ({ lotId: l.lotId, outcome: 'whole' })) })
          .expect(201)
      ).body;
      // The contracts go to the node once the standstill ends, by the hub's clock.
      mesh.hubClock().setTo(new Date(new Date(award.standstillEndsAt).getTime() + 1_000));
      try {
        await waitFor(
          'the standstill to end',
          async () => {
            await mesh.hubApp!.get(TenderDeadlineJob).sweep();
            return (await staff.get(`/tenders/${tenderId}`)).body;
          },
          (t) => t.stage === 'awarded',
        );
      } finally {
        mesh.hubClock().reset();
      }
      const held = await waitFor(
        'the contracts on the node',
        async () => (await admin().get(`/tendering/contracts?from=${CQ.start}&to=${CQ.end}`)).body,
        (b) => Array.isArray(b) && b.length === 2,
      );
      contracts.care = held.find((c: { hoursPerWeek: number }) => c.hoursPerWeek === 20).contractId;
      contracts.more = held.find((c: { hoursPerWeek: number }) => c.hoursPerWeek === 10).contractId;
    };

    beforeAll(async () => {
      person = (
        await admin()
          .post('/service-users')
          .send(aServiceUser({ fundingType: 'council-commissioned', locality: 'Marsden', startedOn: addDays(CQ.start, -30) }))
          .expect(201)
      ).body;
      carer = (
        await admin()
          .post('/staff')
          .send(aStaffMember({ startedOn: addDays(CQ.start, -30) }))
          .expect(201)
      ).body;
      await awardContracts();
    });

    it('tags a visit as it is planned, rescheduled or recorded, with a contract the co-op holds, of its service, on a day it runs', async () => {
      const planned = (await plan({ contractId: contracts.care }).expect(201)).body;
      expect(planned.contractId).toBe(contracts.care);
      await deliver(planned.id, 60).expect(200);
      // Planned, not delivered: planned hours only.
      await plan({ contractId: contracts.care, plannedStart: at(addDays(CONTRACT_START, 1)) }).expect(201);
      // Council-commissioned personal care in Marsden, but not tagged: version 2 inferred it, version 3 does not count it.
      const untagged = (await plan({ plannedStart: at(addDays(CONTRACT_START, 2)) }).expect(201)).body;
      expect(untagged.contractId).toBeNull();
      await deliver(untagged.id, 45).expect(200);
      // Tagged when it is recorded.
      const later = (await plan({ plannedStart: at(addDays(CONTRACT_START, 3)) }).expect(201)).body;
      expect((await deliver(later.id, 30, { contractId: contracts.more }).expect(200)).body.contractId).toBe(contracts.more);
      // Tagged when it is rescheduled, and untagged again.
      const moved = (await plan({ plannedStart: at(addDays(CONTRACT_START, 4)) }).expect(201)).body;
      expect((await admin().patch(`/visits/${moved.id}`).send({ contractId: contracts.care }).expect(200)).body.contractId).toBe(
        contracts.care,
      );
      expect((await admin().patch(`/visits/${moved.id}`).send({ contractId: null }).expect(200)).body.contractId).toBeNull();

      const listed = (await admin().get(`/visits?contractId=${contracts.care}`).expect(200)).body.items;
      expect(listed).toHaveLength(2);
    });

    it('refuses a contract the co-op does not hold, of another service or not running that day, and a malformed id, changing nothing', async () => {
      const before = await mesh.nodeQuery(COOP, 'SELECT id, contract_id, service_type, planned_start FROM visit ORDER BY id');
      const notHeld = await plan({ contractId: '0f0e0d0c-0b0a-4998-8776-655443322110' }).expect(409);
      expect(notHeld.body).toMatchObject({ code: 'CARE.CONTRACT_NOT_HELD' });
      const service = await plan({ serviceType: 'gardening', contractId: contracts.care }).expect(409);
      expect(service.body).toMatchObject({
        code: 'CARE.CONTRACT_SERVICE_MISMATCH',
        message: expect.stringContaining('personal-care, not gardening'),
      });
      const early = await plan({ plannedStart: at(CQ.start), contractId: contracts.care }).expect(409);
      expect(early.body).toMatchObject({ code: 'CARE.CONTRACT_NOT_RUNNING', message: expect.stringContaining(`not on ${CQ.start}`) });
      expect(messages(await plan({ contractId: 'contract-1' }).expect(400))).toContain('contractId must be a UUID');

      // A tagged visit cannot move to another service, nor to a day the contract does not run.
      const tagged = (await admin().get(`/visits?contractId=${contracts.care}&status=planned`).expect(200)).body.items[0];
      expect((await admin().patch(`/visits/${tagged.id}`).send({ serviceType: 'gardening' }).expect(409)).body.code).toBe(
        'CARE.CONTRACT_SERVICE_MISMATCH',
      );
      expect(
        (
          await admin()
            .patch(`/visits/${tagged.id}`)
            .send({ plannedStart: at(CQ.start) })
            .expect(409)
        ).body.code,
      ).toBe('CARE.CONTRACT_NOT_RUNNING');
      expect((await deliver(tagged.id, 20, { contractId: '0f0e0d0c-0b0a-4998-8776-655443322110' }).expect(409)).body.code).toBe(
        'CARE.CONTRACT_NOT_HELD',
      );
      expect(await mesh.nodeQuery(COOP, 'SELECT id, contract_id, service_type, planned_start FROM visit ORDER BY id')).toEqual(before);
    });

    it('gives delivered hours per contract from the tagged visits alone, as independent SQL does; version 2 still infers them', async () => {
      const rows = await mesh.nodeQuery<{ contract_id: string; service_type: string; minutes: number }>(
        COOP,
        `SELECT v.contract_id, c.service_type, sum(v.delivered_minutes)::int AS minutes
           FROM visit v JOIN tender_contract c ON c.id = v.contract_id
          WHERE v.status = 'delivered' AND (v.planned_start AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date
          GROUP BY v.contract_id, c.service_type`,
        [CQ.start, CQ.end],
      );
      const hours = (contract: string) => (rows.find((r) => r.contract_id === contract)?.minutes ?? 0) / 60;
      expect([hours(contracts.care), hours(contracts.more)]).toEqual([1, 0.5]);
      const body = await preview(CQ.label);
      expect(body.problems).toEqual([]);
      const figures = body.figures.figures;
      expect(valueOf(figures, 'contract_hours_delivered', { contract: contracts.care })).toBe(hours(contracts.care));
      expect(valueOf(figures, 'contract_hours_delivered', { contract: contracts.more })).toBe(hours(contracts.more));
      expect(valueOf(figures, 'contract_hours_delivered', { service_type: 'personal-care' })).toBe(1.5);
      expect(valueOf(figures, 'contract_hours_delivered')).toBe(1.5);
      // The node's own contract view measures the same way.
      const held = (await admin().get(`/tendering/contracts?from=${CQ.start}&to=${CQ.end}`).expect(200)).body;
      expect(held.find((c: { contractId: string }) => c.contractId === contracts.care)).toMatchObject({
        deliveredHours: 1,
        plannedHours: 2,
      });

      // Version 2 counted every delivered council-commissioned visit of the service in the locality, the untagged 45 minutes
      // too, shared between the two contracts by their weekly hours (20 : 10): 2.25 hours as 1.5 and 0.75.
      const v2 = await underV2(CQ.label);
      expect(v2.problems).toEqual([]);
      expect(valueOf(v2.figures.figures, 'contract_hours_delivered', { contract: contracts.care })).toBe(1.5);
      expect(valueOf(v2.figures.figures, 'contract_hours_delivered', { contract: contracts.more })).toBe(0.75);
    });
  });

  describe('nothing personal leaves the node', () => {
    it('sends no name, no account of a concern, no identifier and no personal field in the outgoing return', async () => {
      const body = await preview();
      const text = JSON.stringify(body.outgoing.return);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      for (const word of ['Edna', 'Pickles', 'Walter', 'Haigh', 'Cash missing', 'without food', 'Goal 1', 'details', 'importance'])
        expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
      const keys = new Set<string>();
      for (const f of body.outgoing.return.figures) {
        Object.keys(f).forEach((k) => keys.add(k));
        Object.keys(f.breakdown ?? {}).forEach((k) => keys.add(`breakdown.${k}`));
      }
      expect([...keys].every((k) => ['metric', 'breakdown', 'value', 'suppressedOnNode'].includes(k) || k.startsWith('breakdown.'))).toBe(
        true,
      );
      const names = await mesh.nodeQuery<{ name: string }>(COOP, 'SELECT full_name AS name FROM service_user');
      for (const { name } of names) expect(text.includes(name)).toBe(false);
    });

    it('submits version 3 returns the hub accepts, and no message the node sent holds anything personal', async () => {
      // Due a fortnight after the later of today and the period's end: the hub refuses a return due before its period ends.
      const dueAt = (end: string) => `${addDays(end > today ? end : today, 14)}T17:00:00.000Z`;
      const cycles: Record<string, string> = {};
      for (const { label: period, end } of [Q, CQ]) {
        const cycle = (
          await staff
            .post('/reporting/cycles')
            .send({ period, dueAt: dueAt(end) })
            .expect(201)
        ).body;
        await waitFor(
          `the request for ${period} on the node`,
          async () => (await admin().get('/reporting/requests')).body,
          (r) => Array.isArray(r) && r.some((q: { cycleId: string }) => q.cycleId === cycle.id),
        );
        await admin().post(`/reporting/requests/${cycle.id}/submission`).expect(202);
        await waitFor(
          `the ${period} return accepted on the hub`,
          async () => (await staff.get(`/reporting/cycles/${cycle.id}/completeness`)).body,
          (c) => c.submitted === 1,
        );
        cycles[period] = cycle.id;
      }
      // The hub consolidates the new figures: concerns by Care Act category (the cells the node withheld stay
      // suppressed), the Type B share as a headcount-weighted mean, spend and its local share.
      type Metric = { id: string; total: unknown; breakdowns: { dimension: string; cells: { category: string; value: unknown }[] }[] };
      const report = async (period: string) =>
        (await staff.get(`/reporting/cycles/${cycles[period]}/report?basis=submitted`).expect(200)).body.metrics as Metric[];
      const past = await report(Q.label);
      const concerns = past.find((m) => m.id === 'safeguarding_concerns_raised')!;
      const byCategory = concerns.breakdowns.find((b) => b.dimension === 'safeguarding_category')!;
      expect(byCategory.cells.map((c) => c.category)).toEqual([...SAFEGUARDING_CATEGORIES]);
      expect(byCategory.cells.find((c) => c.category === 'neglect-and-acts-of-omission')!.value).toEqual({ suppressed: true });
      const now = await report(CQ.label);
      const total = (id: string) => now.find((m) => m.id === id)!.total;
      const local = await preview(CQ.label);
      expect(total('local_supplier_spend')).toBe(valueOf(local.outgoing.return.figures, 'local_supplier_spend'));
      expect(total('local_supplier_spend_percent')).toBe(valueOf(local.outgoing.return.figures, 'local_supplier_spend_percent'));
      expect(total('staff_disadvantaged_percent')).toBe(valueOf(local.outgoing.return.figures, 'staff_disadvantaged_percent'));
      const sent = await mesh.nodeQuery<{ type: string; envelope: object }>(COOP, 'SELECT type, envelope FROM outbox_message');
      expect(sent.filter((s) => s.type === 'reporting.return-submitted')).toHaveLength(2);
      const text = JSON.stringify(sent.map((s) => s.envelope));
      const people = await mesh.nodeQuery<{ name: string }>(
        COOP,
        'SELECT full_name AS name FROM service_user UNION SELECT full_name FROM staff',
      );
      for (const word of [
        ...people.map((p) => p.name),
        'Cash missing',
        'without food',
        'Walk to the shop',
        'details',
        'importance',
        '"disadvantaged"',
      ])
        expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
    });
  });
});
