import {
  checkAgainst,
  CONTRACT_TYPES,
  CURRENT_RETURN_DEFINITION,
  FUNDING_TYPES,
  quarterOf,
  ReturnFigure,
  ReturnFigures,
  ReturnFiguresV1,
  SAFEGUARDING_CATEGORIES,
  sameCell,
  SERVICE_TYPES,
  STAKEHOLDER_CLASSES,
  validateReturn,
} from '@app/contracts';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';

/** The quarterly return a co-op node computes from its own records, and what of it would leave the node. */
describe('reporting on a co-op node', () => {
  const mesh = new TestMesh();
  const SEEDED = 'rep-seeded';
  const SMALL = 'rep-small';
  const LOCALITIES = ['Marsden', 'Slaithwaite']; // the mesh's default COOP_LOCALITIES
  const day = (offset: number) => ukDay(offset);
  // The seed's visits run over the last thirteen weeks, so a month ago is well inside them.
  const seededQuarter = quarterOf(day(-30))!;
  const currentQuarter = quarterOf(day(0))!;
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const preview = (coop: string, period: string) => admin(coop).get(`/reporting/returns/preview?period=${period}`);
  const valueOf = (figures: ReturnFigure[], metric: string, breakdown: ReturnFigure['breakdown'] = null) => {
    const found = figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown));
    if (!found) throw new Error(`no figure ${metric} ${JSON.stringify(breakdown)}`);
    return found.value;
  };
  const figureOf = (figures: ReturnFigure[], metric: string, breakdown: ReturnFigure['breakdown'] = null) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown));

  beforeAll(async () => {
    await seedNode(mesh.nodeConfig(SEEDED), 42);
    await mesh.startNode(SEEDED);
  });
  afterAll(() => mesh.dispose());

  describe('on a node with sample data', () => {
    let body: { figures: ReturnFigures; problems: unknown[]; outgoing: { nodeThreshold: number; return: ReturnFigures } };
    beforeAll(async () => {
      body = (await preview(SEEDED, seededQuarter.label).expect(200)).body;
    });

    it('previews a valid return for the quarter, for the definition it names', () => {
      expect(body.problems).toEqual([]);
      expect(body.figures).toMatchObject({
        definitionId: 'ccm-quarterly',
        definitionVersion: CURRENT_RETURN_DEFINITION.version,
        period: seededQuarter,
      });
      expect(body.outgoing.nodeThreshold).toBe(2);
      expect(new Set(body.figures.figures.map((f) => f.metric))).toEqual(new Set(CURRENT_RETURN_DEFINITION.metrics.map((m) => m.id)));
    });

    it("counts people supported by funding type as independent SQL over the node's own table does", async () => {
      const rows = await mesh.nodeQuery<{ funding_type: string; n: number }>(
        SEEDED,
        `SELECT funding_type, count(*)::int AS n FROM service_user
          WHERE daterange(started_on, ended_on, '[]') && daterange($1::date, $2::date, '[]') GROUP BY funding_type`,
        [seededQuarter.start, seededQuarter.end],
      );
      const expected = Object.fromEntries(FUNDING_TYPES.map((f) => [f, rows.find((r) => r.funding_type === f)?.n ?? 0]));
      const actual = Object.fromEntries(
        FUNDING_TYPES.map((f) => [f, valueOf(body.figures.figures, 'people_supported', { funding_type: f })]),
      );
      expect(actual).toEqual(expected);
      expect(valueOf(body.figures.figures, 'people_supported')).toBe(rows.reduce((s, r) => s + r.n, 0));
      expect(valueOf(body.figures.figures, 'people_supported')).toBeGreaterThanOrEqual(30);
    });

    it('sums the hours delivered by service type as independent SQL does', async () => {
      const rows = await mesh.nodeQuery<{ service_type: string; minutes: number }>(
        SEEDED,
        `SELECT service_type, sum(delivered_minutes)::int AS minutes FROM visit
          WHERE status = 'delivered' AND (planned_start AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date GROUP BY service_type`,
        [seededQuarter.start, seededQuarter.end],
      );
      const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
      for (const s of SERVICE_TYPES) {
        expect({ s, hours: valueOf(body.figures.figures, 'care_hours_delivered', { service_type: s }) }).toEqual({
          s,
          hours: hours(rows.find((r) => r.service_type === s)?.minutes ?? 0),
        });
      }
      expect(valueOf(body.figures.figures, 'care_hours_delivered')).toBe(hours(rows.reduce((s, r) => s + r.minutes, 0)));
      expect(valueOf(body.figures.figures, 'care_hours_delivered', { service_type: 'personal-care' })).toBeGreaterThan(0);
      // Hours are organisational figures: never withheld on the node.
      expect(body.outgoing.return.figures.filter((f) => f.metric.startsWith('care_hours_') && f.suppressedOnNode)).toEqual([]);
    });

    it('gives the Skills for Care turnover rate: leavers in twelve months over permanent and zero-hours staff, bank left out', async () => {
      const [row] = await mesh.nodeQuery<{ leavers: number; staff: number }>(
        SEEDED,
        `SELECT (SELECT count(*) FROM staff WHERE contract_type <> 'bank'
                   AND left_on BETWEEN ($1::date + 1 - interval '1 year')::date AND $1::date)::int AS leavers,
                (SELECT count(*) FROM staff WHERE contract_type <> 'bank'
                   AND started_on <= $1::date AND coalesce(left_on, 'infinity'::date) >= $1::date)::int AS staff`,
        [seededQuarter.end],
      );
      expect(row.staff).toBeGreaterThan(0);
      expect(valueOf(body.figures.figures, 'staff_leavers_12_months')).toBe(row.leavers);
      expect(valueOf(body.figures.figures, 'staff_turnover_percent')).toBe(Math.round((row.leavers * 1000) / row.staff) / 10);
      const sent = figureOf(body.outgoing.return.figures, 'staff_turnover_percent')!;
      expect(sent.suppressedOnNode ? sent.value : valueOf(body.figures.figures, 'staff_turnover_percent')).toBe(sent.value);

      // One definition everywhere: the admin's workforce summary for the quarter gives the return's rate.
      const summary = await admin(SEEDED).get(`/workforce/summary?from=${seededQuarter.start}&to=${seededQuarter.end}`).expect(200);
      expect(summary.body).toMatchObject({
        leaversLast12Months: row.leavers,
        turnoverPercent: valueOf(body.figures.figures, 'staff_turnover_percent'),
      });
    });

    it('would send figures that pass the contract and the definition', () => {
      expect(checkAgainst(ReturnFiguresV1, body.outgoing.return)).toMatchObject({ ok: true });
      expect(validateReturn(CURRENT_RETURN_DEFINITION, body.outgoing.return, { localities: LOCALITIES })).toEqual([]);
    });

    it('would send nothing personal: only numbers, vocabulary values, public localities and the period', async () => {
      assertNothingPersonal(body.outgoing.return);
      // And none of the node's own identifiers or names turn up anywhere in the return.
      const text = JSON.stringify(body.outgoing.return);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      const names = await mesh.nodeQuery<{ name: string }>(
        SEEDED,
        'SELECT full_name AS name FROM service_user UNION SELECT full_name FROM staff UNION SELECT full_name FROM member',
      );
      for (const { name } of names) expect(text.includes(`"${name}"`)).toBe(false);
    });
  });

  it('refuses a label that names no period, naming the parameter', async () => {
    for (const bad of ['2026-13', '2026-Q5', 'Q3-2026', '2026/28', '2026-Q3%27%3B--']) {
      const res = await preview(SEEDED, bad).expect(400);
      expect({ bad, message: [res.body.message].flat().join('; ') }).toEqual({
        bad,
        message: expect.stringContaining('period must be a month (2026-05), a calendar quarter (2026-Q3)'),
      });
    }
    const missing = await admin(SEEDED).get('/reporting/returns/preview').expect(400);
    expect([missing.body.message].flat().join('; ')).toContain('period must be');
    const extra = await admin(SEEDED).get(`/reporting/returns/preview?period=${seededQuarter.label}&memberId=1`).expect(400);
    expect([extra.body.message].flat().join('; ')).toContain('property memberId should not exist');
  });

  it('refuses a quarter that has not started yet', async () => {
    const next = quarterOf(day(100))!.label === currentQuarter.label ? quarterOf(day(190))! : quarterOf(day(100))!;
    const res = await preview(SEEDED, next.label).expect(400);
    expect(res.body).toMatchObject({ code: 'REPORTING.PERIOD_NOT_STARTED', message: expect.stringContaining(next.label) });
  });

  it('answers 403 to a member and 401 without a token', async () => {
    await mesh
      .node(SEEDED)
      .as('member', '0f0e0d0c-0b0a-4998-8776-655443322110')
      .get(`/reporting/returns/preview?period=${seededQuarter.label}`)
      .expect(403);
    await mesh.nodeHttp(SEEDED).get(`/reporting/returns/preview?period=${seededQuarter.label}`).expect(401);
  });

  it('refuses a node threshold of 0 or over 10, naming the variable', () => {
    expect(() => mesh.nodeConfig('rep-bad', { REPORTING_NODE_THRESHOLD: '0' })).toThrow(
      /REPORTING_NODE_THRESHOLD must be a whole number from 1 to 10/,
    );
    expect(() => mesh.nodeConfig('rep-bad', { REPORTING_NODE_THRESHOLD: '11' })).toThrow(
      /REPORTING_NODE_THRESHOLD must be a whole number from 1 to 10/,
    );
    expect(() => mesh.nodeConfig('rep-bad', { REPORTING_NODE_THRESHOLD: 'two' })).toThrow(/REPORTING_NODE_THRESHOLD/);
  });

  describe('the node-side threshold, on a small co-op', () => {
    const since = day(-200);
    let counter = 0;
    const register = (fundingType: string, locality: string) =>
      admin(SMALL)
        .post('/service-users')
        .send({
          fullName: `Person ${++counter}`,
          dateOfBirth: '1940-05-01',
          address: `${counter} Mill Lane`,
          locality,
          fundingType,
          startedOn: since,
        })
        .expect(201);
    const hire = (contractType: string) =>
      admin(SMALL)
        .post('/staff')
        .send({
          fullName: `Carer ${++counter}`,
          role: 'care-worker',
          contractType,
          hourlyPayPence: 1400,
          contractedMinutesPerWeek: contractType === 'permanent' ? 1800 : 0,
          startedOn: since,
          locality: 'Marsden',
        })
        .expect(201);

    beforeAll(async () => {
      await mesh.startNode(SMALL);
      // Funding: council 5, direct payment 1, ISF 0, self-funder 3. Localities: Marsden 6, Slaithwaite 3.
      for (let i = 0; i < 5; i++) await register('council-commissioned', 'Marsden');
      await register('direct-payment', 'Marsden');
      for (let i = 0; i < 3; i++) await register('self-funder', 'Slaithwaite');
      // Contracts: permanent 3, zero-hours 1, bank 0.
      for (let i = 0; i < 3; i++) await hire('permanent');
      await hire('zero-hours');
    });

    it('withholds a cell of one person, and the smallest other cell so the total cannot give it back', async () => {
      const body = (await preview(SMALL, currentQuarter.label).expect(200)).body;
      const computed: ReturnFigure[] = body.figures.figures;
      const sent: ReturnFigure[] = body.outgoing.return.figures;
      expect(valueOf(computed, 'people_supported', { funding_type: 'direct-payment' })).toBe(1);
      expect(figureOf(sent, 'people_supported', { funding_type: 'direct-payment' })).toEqual({
        metric: 'people_supported',
        breakdown: { funding_type: 'direct-payment' },
        value: null,
        suppressedOnNode: true,
      });
      expect(figureOf(sent, 'people_supported', { funding_type: 'self-funder' })).toMatchObject({ value: null, suppressedOnNode: true });
      expect(valueOf(sent, 'people_supported', { funding_type: 'council-commissioned' })).toBe(5);
      expect(valueOf(sent, 'people_supported', { funding_type: 'individual-service-fund' })).toBe(0);
      expect(valueOf(sent, 'people_supported')).toBe(9);
      expect(valueOf(sent, 'people_supported', { locality: 'Marsden' })).toBe(6);
      expect(valueOf(sent, 'people_supported', { locality: 'Slaithwaite' })).toBe(3);
      // One zero-hours worker among four: withheld with the permanent cell, and so are the rates built on them.
      expect(sent.filter((f) => f.metric.startsWith('staff_') && f.suppressedOnNode).map((f) => [f.metric, f.breakdown])).toEqual([
        ['staff_headcount', { contract_type: 'permanent' }],
        ['staff_headcount', { contract_type: 'zero-hours' }],
        ['staff_turnover_percent', null],
        ['staff_zero_hours_percent', null],
      ]);
      expect(valueOf(sent, 'staff_headcount')).toBe(4);
      expect(valueOf(sent, 'staff_real_living_wage_percent')).toBe(100);
      expect(validateReturn(CURRENT_RETURN_DEFINITION, body.outgoing.return, { localities: LOCALITIES })).toEqual([]);
      assertNothingPersonal(body.outgoing.return);
    });

    it('withholds up to the threshold the node is configured with', async () => {
      await mesh.stopNode(SMALL);
      await mesh.startNode(SMALL, { REPORTING_NODE_THRESHOLD: '3' });
      const body = (await preview(SMALL, currentQuarter.label).expect(200)).body;
      const sent: ReturnFigure[] = body.outgoing.return.figures;
      expect(body.outgoing.nodeThreshold).toBe(3);
      expect(sent.filter((f) => f.metric === 'people_supported' && f.suppressedOnNode).map((f) => f.breakdown)).toEqual([
        { funding_type: 'direct-payment' },
        { funding_type: 'self-funder' },
        { locality: 'Marsden' },
        { locality: 'Slaithwaite' },
      ]);
      await mesh.stopNode(SMALL);
      await mesh.startNode(SMALL);
    });

    it("names a locality that is not one of the co-op's public ones, and never sends it", async () => {
      await register('council-commissioned', '14 Mill Lane, Golcar');
      const body = (await preview(SMALL, currentQuarter.label).expect(200)).body;
      expect(body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'RETURN.OUTSIDE_VOCABULARY',
            metric: 'people_supported',
            breakdown: { locality: '14 Mill Lane, Golcar' },
          }),
          expect.objectContaining({ code: 'RETURN.CELLS_DO_NOT_ADD_UP', metric: 'people_supported' }),
        ]),
      );
      expect(JSON.stringify(body.outgoing)).not.toContain('Golcar');
      assertNothingPersonal(body.outgoing.return);
    });
  });

  /**
   * Walks everything that would be sent: every string must be a vocabulary value, a public locality,
   * a metric id, the definition id or the period, and no key may look like a personal field.
   */
  function assertNothingPersonal(sent: { period: { label: string; start: string; end: string } }): void {
    const allowed = new Set<string>([
      CURRENT_RETURN_DEFINITION.id,
      sent.period.label,
      sent.period.start,
      sent.period.end,
      ...CURRENT_RETURN_DEFINITION.metrics.map((m) => m.id),
      ...SERVICE_TYPES,
      ...FUNDING_TYPES,
      ...CONTRACT_TYPES,
      ...STAKEHOLDER_CLASSES,
      ...SAFEGUARDING_CATEGORIES,
      ...LOCALITIES,
    ]);
    const personalKey =
      /name|birth|dob|address|email|phone|note|description|reason|comment|text|^id$|(member|person|people|staff|volunteer|service_?user|carer|candidate)_?id/i;
    const strays: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (!allowed.has(value)) strays.push(`${path} = ${JSON.stringify(value)}`);
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${path}[${i}]`));
      } else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (personalKey.test(k)) strays.push(`${path}.${k} (key)`);
          walk(v, `${path}.${k}`);
        }
      } else if (!(value === null || typeof value === 'number' || typeof value === 'boolean')) {
        strays.push(`${path}: ${typeof value}`);
      }
    };
    walk(sent, 'return');
    expect(strays).toEqual([]);
  }
});
