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

import { ComputeReturn } from '../../apps/local-coop-node/src/reporting';
import { aGoal, aSafeguardingConcern, aServiceUser } from '../support/builders';
import { TestMesh } from '../support/mesh';

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
  const today = new Date().toISOString().slice(0, 10);
  // A whole quarter well in the past, whatever the day the suite runs.
  const Q = quarterOf(addDays(today, -200))!;
  const inQ = (n: number) => addDays(Q.start, n);
  let node: INestApplication;
  const admin = () => mesh.node(COOP).as('coop-admin');
  type Preview = { figures: ReturnFigures; problems: unknown[]; outgoing: { nodeThreshold: number; return: ReturnFigures } };
  const preview = async (): Promise<Preview> => (await admin().get(`/reporting/returns/preview?period=${Q.label}`).expect(200)).body;
  const underV2 = () => node.get(ComputeReturn).execute(quarterPeriod(Q.label)!, CCM_QUARTERLY_V2);
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
    node = await mesh.startNode(COOP, { TEST_CLOCK: 'true' });
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
  });
});
