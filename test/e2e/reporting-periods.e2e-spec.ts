import { randomUUID } from 'node:crypto';

import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { periodOf, REPORTING_RETURN_REQUESTED_V1, SERVICE_TYPES, ServiceType } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { aServiceUser, aVisit } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

interface Cell {
  category: string;
  value: number | { suppressed: true } | null;
}
interface Metric {
  id: string;
  total: Cell['value'];
  threshold: number | null;
  breakdowns: { dimension: string; cells: Cell[] }[];
  crossBreakdowns?: { rows: string; columns: string; rowCategories: string[]; columnCategories: string[]; cells: Cell['value'][][] }[];
}

/**
 * Periods beyond quarters and hours by place, end to end: staff open a monthly cycle and a cycle for a
 * quarter of the council's financial year, three co-ops' nodes compute and send their returns, staff
 * approve and publish, and the report and its CSV hold hours by locality and by locality and service
 * type, checked against independent SQL over each node's visits, with the suppressed cells beyond
 * reach of the published totals.
 */
describe('reporting periods and places', () => {
  const mesh = new TestMesh();
  const COOPS = ['golcar', 'linthwaite', 'marsden'];
  const staff = mesh.hub().as('consortium-staff');
  const commissioner = mesh.hub().as('commissioner');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const traffic: { subject: string; text: string }[] = [];
  let tap: NatsConnection;
  let sub: Subscription;
  const today = ukDay();
  // Last month, whole; and the financial-year quarter we are in (started, not ended: the node counts to date).
  const month = periodOf('month', shift(periodOf('month', today)!.start, -1))!;
  const fyQuarter = periodOf('fy-quarter', today)!;
  const cycles = new Map<string, string>();
  /** The cell where the test puts one person alone. */
  const lonely: { locality: string; service: ServiceType } = { locality: '', service: 'advocacy' };

  /** The same day a number of days away. */
  function shift(day: string, days: number): string {
    return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
  }
  const dueAfter = (end: string) => `${shift(end, 10)}T17:00:00Z`;

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    sub = tap.subscribe(`${mesh.root}.>`, {
      callback: (_e, m) => traffic.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }),
    });
    await mesh.startHub();
    for (const [i, coop] of COOPS.entries()) {
      await mesh.provision(coop);
      await seedNode(mesh.nodeConfig(coop), 30 + i);
      await mesh.startNode(coop);
    }
    await waitFor(
      'every co-op registered with its localities',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === COOPS.length,
    );
  });

  afterAll(async () => {
    sub?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  it.each([
    ['2026-13', 'period must be a month (2026-05), a calendar quarter'],
    ['2026/28', 'period must be a month'],
    ['2026-Q5', 'period must be a month'],
    ['FY2026', 'period must be a month'],
  ])('refuses the period label %j, naming the field, and opens nothing', async (period, message) => {
    const res = await staff.post('/reporting/cycles').send({ period, dueAt: '2030-01-01T17:00:00Z' }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(message);
    expect((await staff.get('/reporting/cycles').expect(200)).body).toEqual([]);
  });

  it('refuses a trend range with a bad label, naming the field', async () => {
    const res = await commissioner.get('/reporting/trends?metric=care_hours_delivered&from=2026-00').expect(400);
    expect(JSON.stringify(res.body.message)).toContain('from must be a month');
    const type = await commissioner.get('/reporting/trends?metric=care_hours_delivered&periodType=fortnight').expect(400);
    expect(JSON.stringify(type.body.message)).toContain('periodType must be one of');
  });

  it('refuses a period that has not started', async () => {
    const next = periodOf('fy-year', shift(today, 366))!;
    const res = await staff
      .post('/reporting/cycles')
      .send({ period: next.label, dueAt: dueAfter(next.end) })
      .expect(400);
    expect(res.body.code).toBe('REPORTING.PERIOD_NOT_STARTED');
  });

  it('records one person alone in a locality and service type no one else has, in both periods', async () => {
    const coop = COOPS[0];
    const { localities } = ((await staff.get('/coops')).body.items as { id: string; localities: string[] }[]).find((c) => c.id === coop)!;
    const { people } = await hoursFromVisits({ start: fyQuarter.start < month.start ? fyQuarter.start : month.start, end: today });
    const empty = localities.flatMap((l) => SERVICE_TYPES.map((s) => [l, s] as const)).find(([l, s]) => !people.has(`${l}|${s}`));
    expect(empty).toBeDefined();
    [lonely.locality, lonely.service] = empty!;
    const person = (
      await admin(coop)
        .post('/service-users')
        .send(aServiceUser({ locality: lonely.locality, fundingType: 'council-commissioned', startedOn: shift(month.start, -100) }))
        .expect(201)
    ).body;
    const staffList = (await admin(coop).get('/staff').expect(200)).body.items as {
      id: string;
      startedOn: string;
      leftOn: string | null;
    }[];
    const carer = staffList.find((x) => x.leftOn === null && x.startedOn < shift(month.start, -100))!;
    for (const day of new Set([shift(month.start, 1), shift(fyQuarter.start, 1)])) {
      const visit = (
        await admin(coop)
          .post('/visits')
          .send(
            aVisit({
              serviceUserId: person.id,
              carerId: carer.id,
              serviceType: lonely.service,
              plannedStart: `${day}T10:00:00Z`,
              plannedMinutes: 95,
            }),
          )
          .expect(201)
      ).body;
      await admin(coop).post(`/visits/${visit.id}/outcome`).send({ status: 'delivered', deliveredMinutes: 95 }).expect(200);
    }
  });

  it('opens a monthly cycle and a financial-year quarter cycle; every node holds each request with its dates', async () => {
    for (const p of [month, fyQuarter]) {
      const res = await staff
        .post('/reporting/cycles')
        .send({ period: p.label, dueAt: dueAfter(p.end) })
        .expect(201);
      expect(res.body).toMatchObject({ period: p.label, asked: COOPS });
      cycles.set(p.label, res.body.id);
    }
    const listed = (await commissioner.get('/reporting/cycles').expect(200)).body as { period: { label: string; type: string } }[];
    expect(listed.map((c) => [c.period.label, c.period.type]).sort()).toEqual(
      [
        [month.label, 'month'],
        [fyQuarter.label, 'fy-quarter'],
      ].sort(),
    );
    for (const coop of COOPS)
      await waitFor(
        `${coop} to hold both requests`,
        async () => (await admin(coop).get('/reporting/requests')).body as { period: { label: string; start: string; end: string } }[],
        (r) => r.length === 2,
      ).then((requests) =>
        expect(requests.map((r) => r.period).sort((a, b) => a.label.localeCompare(b.label))).toEqual(
          [month, fyQuarter].map((p) => ({ label: p.label, start: p.start, end: p.end })).sort((a, b) => a.label.localeCompare(b.label)),
        ),
      );
  });

  it('takes every co-op’s return for both cycles; staff approve and publish', async () => {
    for (const [label, cycleId] of cycles) {
      for (const coop of COOPS) {
        const preview = (
          await admin(coop)
            .get(`/reporting/returns/preview?period=${encodeURIComponent(label)}`)
            .expect(200)
        ).body;
        expect({ coop, label, problems: preview.problems }).toEqual({ coop, label, problems: [] });
        await admin(coop).post(`/reporting/requests/${cycleId}/submission`).expect(202);
      }
      await waitFor(
        `every return for ${label}`,
        async () => (await staff.get(`/reporting/cycles/${cycleId}/completeness`)).body,
        (c) => c.submitted === COOPS.length,
      );
      const submissions = (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body as {
        coopId: string;
        messageId: string;
        current: boolean;
      }[];
      for (const s of submissions.filter((x) => x.current))
        await staff.post(`/reporting/cycles/${cycleId}/coops/${s.coopId}/approval`).send({ messageId: s.messageId }).expect(201);
      await staff.post(`/reporting/cycles/${cycleId}/releases`).expect(201);
    }
  });

  /** Hours by locality and service type straight from each node's visits, rounded per co-op and cell as a return carries them. */
  async function hoursFromVisits(p: { start: string; end: string }) {
    const cells = new Map<string, number>();
    const planned = new Map<string, number>();
    const people = new Map<string, Set<string>>();
    for (const coop of COOPS) {
      const rows = await mesh.nodeQuery<{ locality: string; service_type: string; hours: number; planned: number; ids: string[] }>(
        coop,
        `SELECT su.locality, v.service_type,
                round(coalesce(sum(v.delivered_minutes) FILTER (WHERE v.status = 'delivered'), 0) / 60.0, 2)::float8 AS hours,
                round(coalesce(sum(v.planned_minutes) FILTER (WHERE v.status <> 'cancelled'), 0) / 60.0, 2)::float8 AS planned,
                array_agg(DISTINCT v.service_user_id::text) FILTER (WHERE v.status <> 'cancelled') AS ids
           FROM visit v JOIN service_user su ON su.id = v.service_user_id
          WHERE (v.planned_start AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date
          GROUP BY su.locality, v.service_type`,
        [p.start, p.end],
      );
      for (const r of rows) {
        const key = `${r.locality}|${r.service_type}`;
        cells.set(key, Math.round(((cells.get(key) ?? 0) + r.hours) * 100) / 100);
        planned.set(key, Math.round(((planned.get(key) ?? 0) + r.planned) * 100) / 100);
        const set = people.get(key) ?? new Set<string>();
        for (const id of r.ids ?? []) set.add(`${coop}:${id}`);
        people.set(key, set);
      }
    }
    return { cells, planned, people };
  }

  const report = async (label: string) =>
    (await commissioner.get(`/reporting/cycles/${cycles.get(label)}/report`).expect(200)).body as {
      metrics: Metric[];
      period: { label: string; start: string; end: string };
    };

  it.each([['month'], ['fy-quarter']])(
    'publishes %s hours by locality and by locality × service type equal to the nodes’ visits, small ones suppressed',
    async (which) => {
      const p = which === 'month' ? month : fyQuarter;
      const { metrics, period } = await report(p.label);
      expect(period).toEqual({ label: p.label, start: p.start, end: p.end });
      const hours = metrics.find((m) => m.id === 'care_hours_delivered')!;
      const cross = hours.crossBreakdowns![0];
      expect(cross).toMatchObject({ rows: 'locality', columns: 'service_type', columnCategories: [...SERVICE_TYPES] });
      const { cells, planned, people } = await hoursFromVisits(p);
      // Planned hours and the people visited: the same cells shown, each equal to the visits.
      const plannedCross = metrics.find((m) => m.id === 'care_hours_planned')!.crossBreakdowns![0];
      const peopleCross = metrics.find((m) => m.id === 'people_visited')!.crossBreakdowns![0];
      cross.rowCategories.forEach((l, r) =>
        cross.columnCategories.forEach((s, c) => {
          const key = `${l}|${s}`;
          const [h, pl, pe] = [cross.cells[r][c], plannedCross.cells[r][c], peopleCross.cells[r][c]];
          expect({ cell: key, shown: [typeof pl, typeof pe] }).toEqual({ cell: key, shown: [typeof h, typeof h] });
          if (typeof pl === 'number') expect({ cell: key, planned: pl }).toEqual({ cell: key, planned: planned.get(key) ?? 0 });
          if (typeof pe === 'number') expect({ cell: key, people: pe }).toEqual({ cell: key, people: people.get(key)?.size ?? 0 });
        }),
      );
      let shown = 0;
      let suppressed = 0;
      cross.rowCategories.forEach((l, r) =>
        cross.columnCategories.forEach((s, c) => {
          const value = cross.cells[r][c];
          const key = `${l}|${s}`;
          if (typeof value === 'number') {
            expect({ cell: key, value }).toEqual({ cell: key, value: cells.get(key) ?? 0 });
            // Nobody's hours shown alone: a shown cell of hours has no people, or more than the threshold.
            const n = people.get(key)?.size ?? 0;
            expect({ cell: key, people: n === 0 || n > hours.threshold! }).toEqual({ cell: key, people: true });
            shown++;
          } else suppressed++;
        }),
      );
      expect(shown).toBeGreaterThan(0);
      expect(suppressed).toBeGreaterThan(0);
      // The one person's hours are never shown: not in their cell, nor as the only hidden cell of its row or column.
      const lone = cross.cells[cross.rowCategories.indexOf(lonely.locality)][cross.columnCategories.indexOf(lonely.service)];
      expect(lone).toEqual({ suppressed: true });
      // The locality margins: equal to the visits' hours where shown.
      const byLocality = hours.breakdowns.find((b) => b.dimension === 'locality')!.cells;
      for (const c of byLocality)
        if (typeof c.value === 'number') {
          const sum = [...cells].filter(([k]) => k.startsWith(`${c.category}|`)).reduce((a, [, v]) => a + v, 0);
          expect(Math.abs(c.value - sum)).toBeLessThan(0.01 * (SERVICE_TYPES.length + 1));
        }
    },
  );

  it('leaves no suppressed hours cell to be worked out from the published totals, nor a small group of people', async () => {
    let groups = 0;
    for (const p of [month, fyQuarter]) {
      const { metrics } = await report(p.label);
      const { people } = await hoursFromVisits(p);
      for (const id of ['care_hours_planned', 'care_hours_delivered']) {
        const m = metrics.find((x) => x.id === id)!;
        const cross = m.crossBreakdowns![0];
        const margin = (dimension: string, category: string) =>
          m.breakdowns.find((b) => b.dimension === dimension)!.cells.find((c) => c.category === category)?.value;
        const lines = [
          ...cross.rowCategories.map((l, r) => ({
            total: margin('locality', l),
            cells: cross.columnCategories.map((s, c) => ({ key: `${l}|${s}`, value: cross.cells[r][c] })),
          })),
          ...cross.columnCategories.map((s, c) => ({
            total: margin('service_type', s),
            cells: cross.rowCategories.map((l, r) => ({ key: `${l}|${s}`, value: cross.cells[r][c] })),
          })),
        ];
        for (const line of lines) {
          const hidden = line.cells.filter((c) => typeof c.value !== 'number');
          if (typeof line.total !== 'number' || hidden.length === 0) continue;
          // Never one hidden cell alone in a line whose total is shown (the total less the rest would give it).
          expect({ period: p.label, id, cells: hidden.map((h) => h.key), alone: hidden.length === 1 }).toMatchObject({ alone: false });
          // What the line gives away -- the hidden cells' hours together -- is the care of none, or of more than the threshold.
          const group = new Set(hidden.flatMap((h) => [...(people.get(h.key) ?? [])]));
          expect(group.size === 0 || group.size > m.threshold!).toBe(true);
          groups++;
        }
      }
    }
    // The lone person's row or column has its total shown somewhere: the check above had groups to look at.
    expect(groups).toBeGreaterThan(0);
  });

  it('gives the CSV the same locality and locality × service figures as the JSON', async () => {
    const cycleId = cycles.get(month.label)!;
    const res = await commissioner.get(`/reporting/cycles/${cycleId}/report.csv`).expect(200);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    const { metrics } = await report(month.label);
    const hours = metrics.find((m) => m.id === 'care_hours_delivered')!;
    const cross = hours.crossBreakdowns![0];
    const text = (v: Cell['value']) => (typeof v === 'number' ? String(v) : 'suppressed');
    cross.rowCategories.forEach((l, r) =>
      cross.columnCategories.forEach((s, c) => {
        const row = lines.find((x) => x.includes(`,care_hours_delivered,`) && x.includes(`,locality × service_type,${l} × ${s},`));
        expect(row?.split(',')[7]).toBe(text(cross.cells[r][c]));
      }),
    );
    for (const c of hours.breakdowns.find((b) => b.dimension === 'locality')!.cells) {
      const row = lines.find((x) => x.includes(`,care_hours_delivered,`) && x.includes(`,locality,${c.category},`));
      expect(row?.split(',')[7]).toBe(text(c.value));
    }
  });

  it('lines the month and the quarter up as hours per week, each with its days, and keeps like with like by default', async () => {
    const aligned = (await commissioner.get('/reporting/trends?metric=care_hours_delivered&align=true').expect(200)).body;
    expect(aligned.basis).toBe('flow');
    expect(aligned.periods).toBe('aligned');
    const labels = aligned.points.map((p: { period: string }) => p.period);
    expect(labels).toEqual(expect.arrayContaining([month.label, fyQuarter.label]));
    for (const point of aligned.points) {
      const p = [month, fyQuarter].find((x) => x.label === point.period)!;
      expect(point.days).toBe(p.days);
      if (typeof point.total === 'number') expect(point.perWeek).toBeCloseTo((point.total / p.days) * 7, 2);
    }
    const monthly = (await commissioner.get('/reporting/trends?metric=care_hours_delivered&periodType=month').expect(200)).body;
    expect(monthly.points.map((p: { period: string }) => p.period)).toEqual([month.label]);
    const headcount = (await commissioner.get('/reporting/trends?metric=staff_headcount&align=true').expect(200)).body;
    expect(headcount.basis).toBe('stock');
    expect(headcount.points.every((p: { perWeek?: unknown }) => p.perWeek === undefined)).toBe(true);
  });

  it('describes every return definition for those who read reports', async () => {
    const definitions = (await commissioner.get('/reporting/definitions').expect(200)).body;
    expect(definitions.map((d: { version: number }) => d.version)).toEqual([3, 2, 1]);
    const v3 = definitions[0];
    expect(v3.current).toBe(true);
    expect(v3.periodTypes.map((p: { type: string }) => p.type)).toEqual(['month', 'quarter', 'fy-quarter', 'year', 'fy-year']);
    expect(definitions[2].periodTypes.map((p: { type: string }) => p.type)).toEqual(['quarter']);
    const hours = v3.metrics.find((m: { id: string }) => m.id === 'care_hours_delivered');
    expect(hours).toMatchObject({ unit: 'hours', crossBreakdowns: ['locality × service_type'] });
    expect(hours.disclosure).toMatch(/people_visited/);
    expect(hours.validation.rule).toMatch(/2 decimal places/);
    expect((await staff.get('/reporting/definitions').expect(200)).body).toEqual(definitions);
  });

  const requestFor = (cycleId: string, change: object) => ({
    cycleId,
    definitionId: 'ccm-quarterly',
    definitionVersion: 3,
    period: { label: month.label, start: month.start, end: month.end },
    dueAt: dueAfter(month.end),
    ...change,
  });

  it('a node refuses a return request for a monthly period of version 2 (calendar quarters only) and keeps nothing of it', async () => {
    const hub = mesh.hubApp!;
    const coop = COOPS[1];
    const cycleId = randomUUID();
    const sent = await hub
      .get(DataSource)
      .transaction((m) =>
        hub.get(OutboxService).enqueue(m, REPORTING_RETURN_REQUESTED_V1, requestFor(cycleId, { definitionVersion: 2 }), { coopId: coop }),
      );
    hub.get(OutboxRelay).nudge();
    const [row] = await waitFor(
      'the refusal',
      () => mesh.hubQuery<{ status: string; last_error: string }>('SELECT status, last_error FROM outbox_message WHERE id = $1', [sent.id]),
      (r) => r[0]?.status === 'rejected',
    );
    expect(row.last_error).toMatch(/REPORTING.PERIOD_TYPE_NOT_ALLOWED: ccm-quarterly version 2 is not asked for a period like \d{4}-\d{2}/);
    expect(await mesh.nodeQuery(coop, 'SELECT 1 FROM return_request WHERE cycle_id = $1', [cycleId])).toEqual([]);
  });

  it("the request message itself refuses dates that are not the label's, naming the field", async () => {
    const hub = mesh.hubApp!;
    const wrong = requestFor(randomUUID(), { period: { label: month.label, start: month.start, end: shift(month.end, 1) } });
    await expect(
      hub.get(DataSource).transaction((m) => hub.get(OutboxService).enqueue(m, REPORTING_RETURN_REQUESTED_V1, wrong, { coopId: COOPS[1] })),
    ).rejects.toThrow(`payload.period.end must be the last day of ${month.label}, ${month.end}`);
  });

  it('sent nothing personal across NATS', async () => {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const coop of COOPS)
      for (const r of await mesh.nodeQuery<{ id: string; full_name: string }>(coop, 'SELECT id, full_name FROM service_user')) {
        ids.add(r.id);
        names.add(r.full_name);
      }
    expect(traffic.filter((t) => t.subject.endsWith('reporting.return-submitted')).length).toBeGreaterThanOrEqual(6);
    for (const { subject, text } of traffic) {
      for (const id of ids) expect({ subject, leaks: text.includes(id) }).toEqual({ subject, leaks: false });
      for (const name of names) expect({ subject, leaks: text.includes(`"${name}"`) }).toEqual({ subject, leaks: false });
      expect(text).not.toMatch(/"(fullName|full_name|dateOfBirth|date_of_birth|address|email|phone)"\s*:/);
    }
  });
});
