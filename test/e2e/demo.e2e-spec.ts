import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { dropTestDatabase, queryDb } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';

/** The README's first command keeps working: `npm run demo -- --once` tells its story and exits 0. */
describe('the demo', () => {
  const ROOT = join(__dirname, '..', '..');
  const DEMO = join(ROOT, 'dist/scripts/demo/main.js');
  const namespace = `demotest${uniqueSuffix()}`;

  let passed = false;

  afterAll(async () => {
    // A failed run keeps its logs (.demo/logs-<namespace>/) for whoever looks into it.
    const own = [`nats-${namespace}`, `codes-${namespace}`, `huddersfield-${namespace}.env`, `huddersfield-${namespace}.templates.json`];
    for (const dir of passed ? [`logs-${namespace}`, ...own] : own) rmSync(join(ROOT, '.demo', dir), { recursive: true, force: true });
    for (const db of ['hub', 'colne_valley', 'holme_valley', 'preston', 'huddersfield']) await dropTestDatabase(`ccm_${namespace}_${db}`);
  });

  it('registers three co-ops, delivers a change made offline, and stops cleanly', async () => {
    if (!existsSync(DEMO)) throw new Error('the demo is not built: run "npm run build" (npm test does it first)');
    // Below the ephemeral range (32768 and up on Linux), so no outgoing connection of another suite can hold a port the demo wants.
    const basePort = 20_000 + Math.floor(Math.random() * 12_000);
    const child = spawn(process.execPath, [DEMO, '--once'], {
      env: { ...process.env, DEMO_NAMESPACE: namespace, DEMO_HUB_PORT: String(basePort), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // On a failure, the demo's own last words say which step and why.
    expect({ code, failure: out.match(/demo failed: .*(\n.*)?/)?.[0] ?? null }).toEqual({ code: 0, failure: null });
    expect(out).toContain('stopped cleanly');
    expect(out).toMatch(/Co-operative Care Colne Valley\s+public key U[A-Z2-7]{55}/);
    expect(out).toMatch(/Starting NATS \(JetStream\) with the authorization the hub writes/);
    expect(out).toMatch(/Co-operative Care Colne Valley\s+\d+ members, \d+ board seats/);
    expect(out).toMatch(/All three co-ops registered with the hub and online after [\d.]+ s/);
    expect(out).toMatch(/colne-valley\s+Co-operative Care Colne Valley\s+registered\s+online/);
    expect(out).toMatch(/node outbox: 1 message waiting/);
    expect(out).toMatch(/the hub now shows: Holmfirth, Honley, New Mill, Meltham/);
    expect(out).toMatch(/0 unconfirmed/);
    expect(out).toMatch(/the hub has 3 of 3 returns, 0 late, 0 not answered/);
    expect(out).toMatch(/Release 1 of the \d{4}-Q\d report, published [\d-]+: covers 3 co-ops/);
    expect(out).toMatch(/\d+ figures suppressed in all/);
    expect(out).toMatch(/3 of 3 online co-ops answered in \d+ ms/);
    expect(out).toMatch(/the order: £[\d,.]+ together against £[\d,.]+ bought separately, a saving of £[\d,.]+/);
    expect(out).toMatch(
      /the tender is (in its standstill to [\d-]+ [\d:]+ UTC \(eight working days, Procurement Act 2023\); \d+ contracts? are held|lost; \d+ contracts? go)/,
    );
    if (/the tender is in its standstill/.test(out)) expect(out).toMatch(/the tender's story ends here, in the standstill/);
    // Brokerage: both co-ops serving Meltham are asked, one offers, one declines, the offer is placed and the other told.
    const coop = '(Co-operative Care Colne Valley|Holme Valley Care Co-op)';
    expect(out).toMatch(new RegExp(`asked: ${coop}, ${coop} \\(online, serving Meltham with personal-care\\)`));
    expect(out.match(/'s node \d+ ms after posting/g)).toHaveLength(2);
    expect(out).toMatch(new RegExp(`not answered yet: ${coop} \\(online\\)`));
    expect(out).toMatch(/the commissioner now sees 1 offer, 1 decline \(.*: no-capacity\), 0 not answered/);
    expect(out).toMatch(new RegExp(`placed with ${coop}, [\\d.]+ s after posting; told it is gone: ${coop}`));
    expect(out).toMatch(/node has the placement \(GET \/brokerage\/placements\): reference KC-DEMO-\d{5}/);
    expect(out).toMatch(/node shows the request as gone \(placed-elsewhere\)/);
    expect(out).toMatch(/posted (suppressed|\d+), placed (suppressed|\d+), not placed \d+, open \d+/);
    // Time credits: a code from Colne Valley's member, paid from Holme Valley, the same balances on both nodes and the hub.
    expect(out).toMatch(/gets colne-valley\.[0-9A-Z]{20} \(POST \/time-bank\/payment-codes\)/);
    expect(out).toMatch(/completed [\d.]+ s later/);
    expect(out).toMatch(/Holme Valley Care Co-op\s+node: clearing balance\s+−2 h .*hub:\s+−2 h\s+agree/);
    expect(out).toMatch(/Co-operative Care Colne Valley\s+node: clearing balance\s+2 h .*hub:\s+2 h\s+agree/);
    expect(out).toMatch(/the hub's ledger: 2 co-ops, summing to 0 min \(balanced\)/);
    expect(out).toMatch(/holme-valley → colne-valley, 120 min, completed; no name crossed/);
    expect(out).toMatch(/#1 profile [0-9a-f]{8}… {2}score \d+/);
    expect(out).toMatch(/node opened it and recorded Ash Demo-Candidate as an applicant/);
    expect(out).toMatch(/the hub erased the candidate's record/);
    expect(out).toMatch(/the vacancy closed as filled from the pool/);
    expect(out).toMatch(/and in a browser: http:\/\/127\.0\.0\.1:\d+\/reports\//);
    expect(out).toMatch(/the registry shows huddersfield as proposed, sponsored by colne-valley/);
    expect(out).toMatch(/huddersfield is now registered/);
    expect(out).toMatch(/Huddersfield Care Co-op started .* and registered/);
    expect(out).toMatch(
      /Co-operative Care Colne Valley \(\w+\)\n\s+└─ Holme Valley Care Co-op \(\w+\)\n\s+└─ Huddersfield Care Co-op \(registered\)/,
    );
    await expectStoredOutcomes();
    passed = true;
  }, 300_000);

  /** What the new stories left in the databases, read directly: the demo's own lines are not the only evidence. */
  async function expectStoredOutcomes(): Promise<void> {
    const hubDb = `ccm_${namespace}_hub`;
    const placed = await queryDb<{ status: string; accepted_coop_id: string; told: string }>(
      hubDb,
      `SELECT r.status, r.accepted_coop_id, string_agg(a.coop_id, ',' ORDER BY a.coop_id) FILTER (WHERE a.told_gone_at IS NOT NULL) AS told
         FROM brokerage_request r JOIN brokerage_asked a ON a.request_id = r.id GROUP BY r.id`,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0].status).toBe('placed');
    expect(['colne-valley', 'holme-valley']).toContain(placed[0].accepted_coop_id);
    expect(placed[0].told).toBe(placed[0].accepted_coop_id === 'colne-valley' ? 'holme-valley' : 'colne-valley');
    const placements = await queryDb<{ n: string }>(
      `ccm_${namespace}_${placed[0].accepted_coop_id.replace(/-/g, '_')}`,
      'SELECT count(*)::text AS n FROM brokerage_placement',
    );
    expect(placements[0].n).toBe('1');
    expect(await queryDb(hubDb, 'SELECT paying_coop_id, receiving_coop_id, minutes, status FROM clearing_transfer')).toEqual([
      { paying_coop_id: 'holme-valley', receiving_coop_id: 'colne-valley', minutes: 120, status: 'completed' },
    ]);

    // No name or id of any node's volunteers and members is in any table of the hub.
    const personal: string[] = [];
    for (const db of ['colne_valley', 'holme_valley', 'preston'])
      for (const r of await queryDb<{ id: string; full_name: string }>(
        `ccm_${namespace}_${db}`,
        'SELECT id::text, full_name FROM volunteer UNION ALL SELECT id::text, full_name FROM member',
      ))
        personal.push(r.id, r.full_name);
    const tables = await queryDb<{ table_name: string }>(
      hubDb,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { table_name } of tables) {
      const [row] = await queryDb<{ text: string | null }>(hubDb, `SELECT json_agg(t)::text AS text FROM "${table_name}" t`);
      const found = personal.find((p) => row.text?.includes(p)) ?? null;
      expect({ table: table_name, found }).toEqual({ table: table_name, found: null });
    }
  }
});
