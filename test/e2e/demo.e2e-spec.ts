import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { dropTestDatabase } from '../support/test-database';
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
      /the tender is (in its standstill to \S+ \(eight working days, Procurement Act 2023\); \d+ contracts? are held|lost; \d+ contracts? go)/,
    );
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
    passed = true;
  }, 240_000);
});
