import { CURRENT_RETURN_DEFINITION, reportPercent, ReturnFigure, sameCell } from '@app/contracts';

import { Leak, lineLeaks, pairLines, releaseLeaks, reportLines } from '../../apps/consortium-hub/src/reporting/disclosure-attacks.testing';
import { CSV_COLUMNS } from '../../apps/consortium-hub/src/reporting/report-csv.rules';
import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { waitFor } from '../support/wait-for';

/**
 * The consolidated report end to end: two real nodes send their returns, consortium staff review
 * and approve, commissioners read the report, the trend and the CSV. The figures must equal what the
 * nodes' own records give, summed, with every count of people either shown as the true sum or
 * suppressed.
 */
describe('the consolidated report', () => {
  const mesh = new TestMesh();
  const COOPS = ['golcar', 'honley'];
  /** Registered, then offline when the cycle opens. */
  const LATE = 'linthwaite';
  const staff = mesh.hub().as('consortium-staff');
  const commissioner = mesh.hub().as('commissioner');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const previews = new Map<string, ReturnFigure[]>();
  let cycleId: string;

  const lastQuarter = () => {
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
  };

  beforeAll(async () => {
    await mesh.startHub();
    for (const [i, coop] of COOPS.entries()) {
      await mesh.provision(coop);
      await seedNode(mesh.nodeConfig(coop), 40 + i);
      await mesh.startNode(coop);
    }
    await mesh.provision(LATE);
    await mesh.startNode(LATE);
    await waitFor(
      'three co-ops registered',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 3,
    );
    await mesh.stopNode(LATE);
    const opened = await staff
      .post('/reporting/cycles')
      .send({ period: lastQuarter(), dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })
      .expect(201);
    cycleId = opened.body.id;
    for (const coop of COOPS) {
      await waitFor(
        `${coop} to hold the request`,
        async () => (await admin(coop).get('/reporting/requests')).body,
        (r) => r[0]?.cycleId === cycleId,
      );
      const preview = (await admin(coop).get(`/reporting/returns/preview?period=${lastQuarter()}`).expect(200)).body;
      previews.set(coop, preview.outgoing.return.figures);
      await admin(coop).post(`/reporting/requests/${cycleId}/submission`).expect(202);
    }
    await waitFor(
      'both returns on the hub',
      async () => (await staff.get(`/reporting/cycles/${cycleId}/completeness`)).body,
      (c) => c.submitted === 2,
    );
  });

  afterAll(() => mesh.dispose());

  const sent = (coop: string, metric: string, breakdown: ReturnFigure['breakdown'] = null) =>
    previews.get(coop)!.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))!;
  const sumOf = (metric: string, breakdown: ReturnFigure['breakdown'] = null) => {
    const values = COOPS.map((c) => sent(c, metric, breakdown));
    if (values.some((f) => f.suppressedOnNode)) return 'withheld' as const;
    const numbers = values.map((f) => f.value).filter((v): v is number => typeof v === 'number');
    return numbers.length ? Math.round(numbers.reduce((a, b) => a + b, 0) * 100) / 100 : null;
  };

  it("equals the sum of the nodes' own figures, with every people count either that sum or suppressed", async () => {
    const report = (await staff.get(`/reporting/cycles/${cycleId}/report?basis=submitted`).expect(200)).body;
    expect(report.coverage.coops).toBe(2);
    expect(report.coverage.included.map((c: { coopId: string }) => c.coopId)).toEqual(COOPS);
    let compared = 0;
    for (const m of report.metrics) {
      const def = CURRENT_RETURN_DEFINITION.metrics.find((d) => d.id === m.id)!;
      const figures = [
        { breakdown: null, value: m.total },
        ...m.breakdowns.flatMap((b: { dimension: string; cells: { category: string; value: unknown }[] }) =>
          b.cells.map((c) => ({ breakdown: { [b.dimension]: c.category }, value: c.value })),
        ),
      ];
      if (def.consolidation.kind === 'sum') {
        for (const f of figures) {
          const expected = sumOf(m.id, f.breakdown);
          if (expected === 'withheld') expect(f.value).toEqual({ suppressed: true });
          // Hours by place are shown only where the people behind them may be (v3).
          else if ((def.countsPeople || def.peopleBehind) && typeof f.value === 'object' && f.value !== null)
            expect(f.value).toEqual({ suppressed: true });
          else
            expect({ metric: m.id, breakdown: f.breakdown, value: f.value }).toEqual({
              metric: m.id,
              breakdown: f.breakdown,
              value: expected,
            });
          compared++;
        }
        if (def.countsPeople)
          for (const f of figures) if (typeof f.value === 'number') expect(f.value === 0 || f.value > m.threshold).toBe(true);
      }
      if (def.consolidation.kind === 'ratio' && typeof m.total === 'number') {
        const part = (refs: readonly { metric: string; breakdown: ReturnFigure['breakdown'] }[]) =>
          refs.reduce((a, r) => a + (sumOf(r.metric, r.breakdown) as number), 0);
        expect(m.total).toBe(reportPercent(part(def.consolidation.numerator), part(def.consolidation.denominator)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // Staff see why each figure was suppressed.
    expect(Array.isArray(report.suppressions)).toBe(true);
    const suppressedInJson = JSON.stringify(report.metrics).split('{"suppressed":true}').length - 1;
    expect(report.disclosure.suppressedFigures).toBe(suppressedInJson);
    // Two co-ops' starters and leavers sit under the workforce threshold or within reach of one co-op's own part.
    expect(suppressedInJson).toBeGreaterThan(0);
    expect(report.suppressions.length).toBeGreaterThanOrEqual(suppressedInJson);
  });

  const approve = async (coop: string) => {
    const submissions = (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body;
    const current = submissions.find((s: { coopId: string; current: boolean }) => s.coopId === coop && s.current);
    await staff.post(`/reporting/cycles/${cycleId}/coops/${coop}/approval`).send({ messageId: current.messageId }).expect(201);
  };
  const publish = () => staff.post(`/reporting/cycles/${cycleId}/releases`);
  const asCommissioner = async (query = '') => (await commissioner.get(`/reporting/cycles/${cycleId}/report${query}`).expect(200)).body;

  it('shows commissioners published releases of approved returns only, says what each covers, and never the reasons', async () => {
    expect((await commissioner.get(`/reporting/cycles/${cycleId}/report`).expect(404)).body.code).toBe('REPORTING.NOT_PUBLISHED');
    const refused = await commissioner.get(`/reporting/cycles/${cycleId}/report?basis=approved`).expect(403);
    expect(refused.body.message).toMatch(/published releases only/);
    await commissioner.post(`/reporting/cycles/${cycleId}/releases`).expect(403);
    expect((await publish().expect(409)).body.code).toBe('REPORTING.NOTHING_TO_PUBLISH');

    await approve(COOPS[0]);
    expect((await publish().expect(201)).body.release.number).toBe(1);
    const first = await asCommissioner();
    expect(first.coverage).toMatchObject({ coops: 1, included: [{ coopId: COOPS[0] }] });
    expect(first.coverage.statement).toMatch(
      /^Release 1 of the \d{4}-Q\d report, published \d{4}-\d{2}-\d{2}: covers 1 co-op whose return consortium staff have approved\.$/,
    );
    expect(first.suppressions).toBeUndefined();
    // Approved figures only: the unapproved co-op's hours are not in it.
    expect(first.metrics.find((m: { id: string }) => m.id === 'care_hours_delivered').total).toBe(
      sent(COOPS[0], 'care_hours_delivered').value,
    );
    expect((await publish().expect(409)).body.code).toBe('REPORTING.RELEASE_UNCHANGED');

    await approve(COOPS[1]);
    const published = (await publish().expect(201)).body;
    expect(published.release.number).toBe(2);
    expect(Array.isArray(published.suppressions)).toBe(true);
    const second = await asCommissioner();
    expect(second.coverage.coops).toBe(2);
    expect(second.metrics.find((m: { id: string }) => m.id === 'care_hours_delivered').total).toBe(sumOf('care_hours_delivered'));
    expect(await asCommissioner('?release=1')).toEqual(first);
    expect((await commissioner.get(`/reporting/cycles/${cycleId}/releases`).expect(200)).body).toEqual([
      { number: 2, publishedAt: expect.any(String), coops: 2 },
      { number: 1, publishedAt: expect.any(String), coops: 1 },
    ]);
  });

  /** Each co-op's return as its node sent it (its own part of every figure). */
  const returnsOf = (coops: readonly string[]) => coops.map((coopId) => ({ coopId, figures: previews.get(coopId)! }));
  const SUBSETS = Object.fromEntries(CURRENT_RETURN_DEFINITION.metrics.filter((m) => m.subsetOf).map((m) => [m.id, m.subsetOf!]));
  const describeLeaks = (leaks: Leak[]) =>
    leaks.map((l) => `${l.line}: ${l.reader} would learn ${l.learnt} in ${l.categories.join(' + ')}`);

  it('never lets a commissioner, a co-op or two pooling work out a small count from a release, or from release 1 and release 2 together', async () => {
    const [first, second] = [await asCommissioner('?release=1'), await asCommissioner('?release=2')];
    const lines1 = reportLines(first.metrics, returnsOf([COOPS[0]]), 'release 1', SUBSETS);
    const lines2 = reportLines(second.metrics, returnsOf(COOPS), 'release 2', SUBSETS);
    expect(lines2.length).toBeGreaterThanOrEqual(10);
    // Within each release: every shown figure and every line's suppressed group, less what a co-op or two know.
    expect(describeLeaks([...lines1, ...lines2].flatMap((line) => lineLeaks(line, line.threshold!, 2)))).toEqual([]);
    // Across them: every group of figures both releases let a reader add up, less the change a co-op or two know of.
    const pairs = pairLines(lines1, lines2);
    expect(pairs.length).toBe(lines2.length);
    expect(describeLeaks(pairs.flatMap(([then, now]) => releaseLeaks(then, now, now.threshold!, 2)))).toEqual([]);
    // A release, once published, cannot be changed, even by the hub's own database user.
    await expect(mesh.hubQuery(`UPDATE report_release SET report = '{}' WHERE cycle_id = $1`, [cycleId])).rejects.toThrow(/never changed/);
  });

  it('exports the report as CSV that opens cleanly: a header row, the definitions, and suppressed as a word of its own', async () => {
    const res = await commissioner.get(`/reporting/cycles/${cycleId}/report.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ccm-quarterly-\d{4}-Q\d-release-2\.csv"$/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const json = (await commissioner.get(`/reporting/cycles/${cycleId}/report`)).body;
    // A two-way breakdown (v3's hours and people by locality × service type) has a row per cell.
    const crossCells = (m: { crossBreakdowns?: { cells: unknown[][] }[] }) =>
      (m.crossBreakdowns ?? []).reduce((k, x) => k + x.cells.flat().length, 0);
    const figureCount = json.metrics.reduce(
      (
        n: number,
        m: {
          distribution?: unknown[];
          notRecordedBy?: number;
          breakdowns: { cells: unknown[] }[];
          crossBreakdowns?: { cells: unknown[][] }[];
        },
      ) =>
        n +
        (m.distribution
          ? m.distribution.length + (m.notRecordedBy ? 1 : 0)
          : 1 + m.breakdowns.reduce((k, b) => k + b.cells.length, 0) + crossCells(m)),
      0,
    );
    expect(lines.length - 1).toBe(figureCount);
    const valueAt = CSV_COLUMNS.indexOf('value');
    const statusAt = CSV_COLUMNS.indexOf('status');
    const parse = (line: string) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, CSV_COLUMNS.length);
    const rows = lines.slice(1).map(parse);
    for (const row of rows) {
      expect(row[valueAt]).not.toBe('');
      if (row[statusAt] === 'suppressed') expect(row[valueAt]).toBe('suppressed');
      expect(row[CSV_COLUMNS.indexOf('definition')].length).toBeGreaterThan(20);
    }
    const suppressedInJson = JSON.stringify(json.metrics).split('{"suppressed":true}').length - 1;
    expect(rows.filter((r) => r[statusAt] === 'suppressed').length).toBe(suppressedInJson);
  });

  it('gives a trend per metric across periods, as JSON and CSV', async () => {
    const trend = (await commissioner.get('/reporting/trends?metric=care_hours_delivered').expect(200)).body;
    expect(trend.metric.id).toBe('care_hours_delivered');
    expect(trend.points).toEqual([
      expect.objectContaining({ period: lastQuarter(), release: 2, coopsCovered: 2, total: sumOf('care_hours_delivered'), change: null }),
    ]);
    const csv = await commissioner.get(`/reporting/trends.csv?metric=people_supported&from=${lastQuarter()}`).expect(200);
    expect(csv.text.split('\r\n').filter((l) => l.includes(',people_supported,')).length).toBeGreaterThan(3);
  });

  it('refuses bad questions with the field named', async () => {
    const bad = async (path: string, field: RegExp) => expect((await staff.get(path).expect(400)).body.message.join(' ')).toMatch(field);
    await bad(`/reporting/cycles/${cycleId}/report?basis=everything`, /basis must be one of/);
    await bad(`/reporting/cycles/${cycleId}/report?release=0`, /release must be a whole number from 1/);
    await bad(`/reporting/cycles/${cycleId}/report?release=1&basis=approved`, /either release or basis/);
    await bad('/reporting/cycles/not-a-uuid/report', /id must be a UUID/);
    await bad(`/reporting/cycles/${cycleId}/report?colour=red`, /property colour should not exist/);
    await bad('/reporting/trends?metric=People', /metric must be a snake_case metric id/);
    await bad('/reporting/trends?metric=people_supported&from=2026Q1', /from must be/);
    const unknown = await staff.get('/reporting/trends?metric=unicorns_seen').expect(400);
    expect(unknown.body.code).toBe('REPORTING.UNKNOWN_METRIC');
    await staff.get('/reporting/cycles/4b0f7f2e-9f6e-4a59-9d0a-5a0cfb1f0e8e/report').expect(404);
  });

  it('gets the request to a co-op that was offline when the cycle opened, once it is back, and takes its return', async () => {
    const before = (await staff.get(`/reporting/cycles/${cycleId}/completeness`)).body;
    expect(before.coops.find((c: { coopId: string }) => c.coopId === LATE)).toMatchObject({ state: 'awaited', submittedAt: null });
    await mesh.startNode(LATE);
    await waitFor(
      `${LATE} to hold the request`,
      async () => (await admin(LATE).get('/reporting/requests')).body,
      (r) => r[0]?.cycleId === cycleId,
    );
    await admin(LATE).post(`/reporting/requests/${cycleId}/submission`).expect(202);
    const after = await waitFor(
      'its return on the hub',
      async () => (await staff.get(`/reporting/cycles/${cycleId}/completeness`)).body,
      (c) => c.submitted === 3,
    );
    expect(after.coops.find((c: { coopId: string }) => c.coopId === LATE)).toMatchObject({ state: 'submitted', review: 'pending' });
    const review = (await staff.get(`/reporting/cycles/${cycleId}/report?basis=submitted`).expect(200)).body;
    expect(review.coverage.coops).toBe(3);
    // Commissioners still see release 2 until staff approve the third and publish again.
    expect((await asCommissioner()).coverage.coops).toBe(2);
  });

  it('checks release 3 against both earlier releases, read back from the returns each was made from', async () => {
    const preview = (await admin(LATE).get(`/reporting/returns/preview?period=${lastQuarter()}`).expect(200)).body;
    previews.set(LATE, preview.outgoing.return.figures);
    await approve(LATE);
    expect((await publish().expect(201)).body.release.number).toBe(3);
    const releases = [await asCommissioner('?release=1'), await asCommissioner('?release=2'), await asCommissioner('?release=3')];
    const coops = [[COOPS[0]], COOPS, [...COOPS, LATE]];
    const lines = releases.map((r, i) => reportLines(r.metrics, returnsOf(coops[i]), `release ${i + 1}`, SUBSETS));
    expect(lines[2].length).toBeGreaterThanOrEqual(10);
    expect(describeLeaks(lines[2].flatMap((line) => lineLeaks(line, line.threshold!, 2)))).toEqual([]);
    for (const earlier of [lines[0], lines[1]])
      expect(describeLeaks(pairLines(earlier, lines[2]).flatMap(([then, now]) => releaseLeaks(then, now, now.threshold!, 2)))).toEqual([]);
  });

  it('answers exactly as its OpenAPI document describes: no field it does not declare, none it requires missing', async () => {
    const schemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const read = async (api: typeof staff, path: string) => (await api.get(path).expect(200)).body;
    const cycle = `/reporting/cycles/${cycleId}`;
    const answers: [string, unknown][] = [
      ['GET /reporting/cycles/{id}/report', await read(commissioner, `${cycle}/report`)],
      ['GET /reporting/cycles/{id}/report', await read(staff, `${cycle}/report?release=1`)],
      ['GET /reporting/cycles/{id}/report', await read(staff, `${cycle}/report?basis=submitted`)],
      ['GET /reporting/cycles/{id}/releases', await read(commissioner, `${cycle}/releases`)],
      ['GET /reporting/trends', await read(commissioner, '/reporting/trends?metric=care_hours_delivered')],
      ['GET /reporting/trends', await read(staff, '/reporting/trends?metric=cqc_rating&basis=approved')],
      ['GET /reporting/trends', await read(staff, '/reporting/trends?metric=people_supported&basis=submitted')],
      ['GET /reporting/cycles/{id}/submissions', await read(staff, `${cycle}/submissions`)],
      ['GET /reporting/cycles/{id}/completeness', await read(staff, `${cycle}/completeness`)],
      ['GET /reporting/cycles/{id}/completeness', await read(commissioner, `${cycle}/completeness`)],
      ['GET /reporting/cycles', await read(commissioner, '/reporting/cycles')],
    ];
    for (const [route, body] of answers) expect({ route, problems: schemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
    // The figures take each of their forms somewhere in these answers: a number, suppressed and not recorded.
    const json = JSON.stringify(answers);
    expect(json).toContain('{"suppressed":true}');
    expect(json).toContain('"distribution":[');
    expect(json).toMatch(/"value":null/);
  });

  it("keeps nothing personal in the hub's database", async () => {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const coop of COOPS) {
      for (const table of ['member', 'service_user', 'staff', 'volunteer']) {
        for (const r of await mesh.nodeQuery<{ id: string; full_name: string }>(coop, `SELECT id::text, full_name FROM ${table}`)) {
          ids.add(r.id);
          names.add(r.full_name);
        }
      }
    }
    expect(names.size).toBeGreaterThan(50);
    const tables = await mesh.hubQuery<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const dumps: { table_name: string; text: string; rows: number }[] = [];
    for (const { table_name } of tables) {
      const rows = await mesh.hubQuery<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      dumps.push({ table_name, text: rows.map((r) => r.row).join('\n'), rows: rows.length });
    }
    expect(dumps.find((d) => d.table_name === 'return_submission')?.rows).toBeGreaterThanOrEqual(2);
    const leaks = [...ids, ...names].flatMap((value) =>
      dumps.filter((d) => d.text.includes(value)).map((d) => `${d.table_name} holds ${value}`),
    );
    expect(leaks).toEqual([]);
  });
});
