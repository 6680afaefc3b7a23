import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';

import { createUser, fromSeed } from 'nkeys.js';
import { Client } from 'pg';

import { LOCAL_USERS, startLocalIdp } from '../local-idp/local-idp';
import { brokerageStory } from './brokerage-story';
import { LinkProxy } from './link-proxy';
import { NatsBroker } from './nats-broker';
import { onboardingStory } from './onboarding-story';
import { Processes } from './processes';
import { purchasingStory } from './purchasing-story';
import { recruitmentStory } from './recruitment-story';
import { tenderStory } from './tender-story';
import { timeCreditsStory } from './time-credits-story';

/**
 * `npm run demo`: the mesh on one machine. A hub and three co-op nodes, each its own process with its
 * own database, talking over a NATS server the demo runs with per-co-op permissions. Tells what
 * happens, then keeps running until Ctrl-C
 * (or exits at once with --once).
 */
const ONCE = process.argv.includes('--once');
const ROOT = join(__dirname, '..', '..', '..');
const HUB_MAIN = join(ROOT, 'dist/apps/consortium-hub/main.js');
const NODE_MAIN = join(ROOT, 'dist/apps/local-coop-node/main.js');
const PG = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'postgres',
  password: process.env.DB_PASSWORD ?? '',
};
/** Namespaces the demo's databases and subjects; tests set it so a demo run of theirs never touches yours. */
const NAMESPACE = process.env.DEMO_NAMESPACE ?? 'demo';
const SUBJECT_ROOT = NAMESPACE;
const HUB_DB = `ccm_${NAMESPACE}_hub`;
const HUB_PORT = Number(process.env.DEMO_HUB_PORT ?? 3000);

const COOPS = [
  {
    id: 'colne-valley',
    name: 'Co-operative Care Colne Valley',
    localities: 'Marsden,Slaithwaite,Golcar,Linthwaite',
    services: 'personal-care,domestic-help,befriending,meals-and-shopping',
    port: HUB_PORT + 101,
  },
  {
    id: 'holme-valley',
    name: 'Holme Valley Care Co-op',
    localities: 'Holmfirth,Honley,New Mill',
    services: 'personal-care,gardening,transport',
    port: HUB_PORT + 102,
    sponsor: 'colne-valley',
  },
  {
    id: 'preston',
    name: 'Preston Community Care Co-op',
    localities: 'Preston,Fulwood,Ribbleton',
    services: 'personal-care,domestic-help,advocacy',
    port: HUB_PORT + 103,
  },
];
/** The co-op that joins during the demo with one command, sponsored by Colne Valley. */
const SPIN_OFF_ID = 'huddersfield';
const nodeDb = (id: string) => `ccm_${NAMESPACE}_${id.replace(/-/g, '_')}`;
const nodeEnv = (c: (typeof COOPS)[number]): Record<string, string> => ({
  COOP_ID: c.id,
  COOP_NAME: c.name,
  COOP_LOCALITIES: c.localities,
  COOP_SERVICES: c.services,
  ...(c.sponsor ? { COOP_SPONSOR_ID: c.sponsor } : {}),
  DB_NAME: nodeDb(c.id),
});

/** One line per seeded node: every count the seed reports, in its own words. */
function describeSeed(summary: Record<string, number>): string {
  const { seed: _seed, ...counts } = summary;
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`)
    .join(', ');
}

const say = (text = '') => console.log(text);
const step = (text: string) => say(`\n▸ ${text}`);

async function main(): Promise<void> {
  const natsBinary = await preflight();
  const hubSeed = Buffer.from(createUser().getSeed()).toString();
  // Each app its own sign-in key pair, made by its own command: a token one app mints means nothing to another.
  const hubAuth = authKeys(HUB_MAIN);
  const nodeAuth = new Map(COOPS.map((c) => [c.id, authKeys(NODE_MAIN)]));
  // Each node makes its own curve key (local-coop-node curve-key): hired candidates' applications are sealed for it.
  const curveSeeds = new Map(COOPS.map((c) => [c.id, curveKey(NODE_MAIN)]));
  const codeDir = join(ROOT, '.demo', `codes-${NAMESPACE}`);
  const common = {
    // Servers check tokens with their public key only; a private key left in the caller's shell must not reach them.
    AUTH_PRIVATE_KEY: '',
    NATS_SUBJECT_ROOT: SUBJECT_ROOT,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DB_HOST: PG.host,
    DB_PORT: String(PG.port),
    DB_USER: PG.user,
    DB_PASSWORD: PG.password,
    HEARTBEAT_INTERVAL_MS: '2000',
    OUTBOX_RECEIPT_TIMEOUT_MS: '15000',
  };

  say('Care Co-op Mesh — demo: a consortium hub and three co-op nodes over NATS JetStream');
  step(`Resetting the demo (databases ccm_${NAMESPACE}_*) so the story starts fresh`);
  await reset();

  const procs = new Processes(join(ROOT, '.demo', NAMESPACE === 'demo' ? 'logs' : `logs-${NAMESPACE}`));
  const proxies = new Map<string, LinkProxy>();
  let broker: NatsBroker | null = null;
  let idp: Awaited<ReturnType<typeof startLocalIdp>> | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    step('Stopping: each app finishes its in-flight messages, then closes');
    await procs.stopAll();
    for (const p of proxies.values()) await p.close();
    await broker?.stop();
    await idp?.close();
    say('  stopped cleanly');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  // A closed terminal or pipe must not orphan the mesh: stop everything as for Ctrl-C.
  process.stdout.on('error', () => void shutdown(1));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    step('Provisioning each co-op on the hub (consortium-hub provision): its own NKey, to sign its messages and to be its NATS identity');
    const hubEnv = { ...process.env, ...common, DB_NAME: HUB_DB, NATS_NKEY_SEED: hubSeed, AUTH_PUBLIC_KEY: hubAuth.AUTH_PUBLIC_KEY };
    const identities = new Map<string, Record<string, string>>();
    for (const c of COOPS) {
      const out = execFileSync(
        process.execPath,
        [HUB_MAIN, 'provision', '--coop', c.id, '--name', c.name, ...(c.sponsor ? ['--sponsor', c.sponsor] : [])],
        { env: hubEnv, encoding: 'utf8' },
      );
      const settings = Object.fromEntries(
        out
          .trim()
          .split('\n')
          .map((line) => line.split(/=(.*)/s).slice(0, 2)),
      );
      identities.set(c.id, { NATS_NKEY_SEED: settings.NATS_NKEY_SEED, HUB_PUBLIC_KEY: settings.HUB_PUBLIC_KEY });
      say(`  ${c.name.padEnd(32)} public key ${publicKeyOf(settings.NATS_NKEY_SEED)}`);
    }

    step('Starting NATS (JetStream) with the authorization the hub writes from its registry (consortium-hub nats-config)');
    const authorization = execFileSync(process.execPath, [HUB_MAIN, 'nats-config'], { env: hubEnv, encoding: 'utf8' });
    broker = await NatsBroker.start(natsBinary, join(ROOT, '.demo', `nats-${NAMESPACE}`), authorization);
    say(`  ${broker.url}: the hub may do anything; each co-op may publish only on its own subjects and read only its own consumer`);

    step('Seeding each co-op node with its own sample co-op (npm run seed): records that never leave the node');
    for (const [i, c] of COOPS.entries()) {
      const summary = JSON.parse(
        execFileSync(process.execPath, [NODE_MAIN, 'seed', '--seed', String(i + 1)], {
          env: { ...process.env, ...common, ...nodeEnv(c) },
          encoding: 'utf8',
        }).trim(),
      );
      say(`  ${c.name.padEnd(32)} ${describeSeed(summary)}`);
    }

    const started = Date.now();
    step(`Starting the hub (http://127.0.0.1:${HUB_PORT}) and three co-op nodes, each a process with its own database`);
    // Servers get only the public half of their pair; the private halves stay with the demo, which mints tokens.
    await rm(codeDir, { recursive: true, force: true });
    // People sign in to the hub's pages through an identity provider: the demo runs one of its own (a user per role).
    const hubUrl = `http://127.0.0.1:${HUB_PORT}`;
    const nodeUrl = (c: (typeof COOPS)[number]) => `http://127.0.0.1:${c.port}`;
    idp = await startLocalIdp([hubUrl, ...COOPS.map(nodeUrl)].map((base) => `${base}/auth/callback`));
    const webSettings = (base: string) => ({
      WEB_OIDC_ISSUER: idp!.issuer,
      WEB_OIDC_CLIENT_ID: idp!.clientId,
      WEB_OIDC_CLIENT_SECRET: idp!.clientSecret,
      WEB_BASE_URL: base,
      WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
    });
    procs.start('consortium-hub', HUB_MAIN, {
      ...webSettings(hubUrl),
      ...common,
      PORT: String(HUB_PORT),
      DB_NAME: HUB_DB,
      NATS_NKEY_SEED: hubSeed,
      AUTH_PUBLIC_KEY: hubAuth.AUTH_PUBLIC_KEY,
      // The hub mints candidates' tokens at sign-in, so it alone has its private key; the codes go to a file (no mail here).
      AUTH_PRIVATE_KEY: hubAuth.AUTH_PRIVATE_KEY,
      RECRUITMENT_CODE_DIR: codeDir,
      NATS_URL: broker.url,
      // The hub keeps the server's authorization in step with the registry and has it reloaded: how a joining co-op gets on NATS.
      NATS_AUTH_FILE: broker.authFile,
      NATS_SERVER_PID_FILE: broker.pidFile,
      ONBOARDING_NATS_URLS: broker.url,
      HEARTBEAT_TIMEOUT_MS: '7000',
    });
    for (const c of COOPS) {
      const proxy = await LinkProxy.start({ host: '127.0.0.1', port: broker.port });
      proxies.set(c.id, proxy);
      procs.start(c.id, NODE_MAIN, {
        ...common,
        ...nodeEnv(c),
        ...identities.get(c.id),
        AUTH_PUBLIC_KEY: nodeAuth.get(c.id)!.AUTH_PUBLIC_KEY,
        NODE_CURVE_SEED: curveSeeds.get(c.id)!,
        // The co-op's own pages for its admin and members, signing in on the same demo provider.
        ...webSettings(nodeUrl(c)),
        PORT: String(c.port),
        NATS_URL: `nats://127.0.0.1:${proxy.port}`,
      });
      say(`  ${c.name.padEnd(32)} http://127.0.0.1:${c.port}   (its NATS link runs through a relay the demo can cut)`);
    }

    const hubToken = (args: string[]) => token(HUB_MAIN, { AUTH_PRIVATE_KEY: hubAuth.AUTH_PRIVATE_KEY }, args);
    const nodeToken = (coopId: string, args: string[]) =>
      token(NODE_MAIN, { COOP_ID: coopId, AUTH_PRIVATE_KEY: nodeAuth.get(coopId)!.AUTH_PRIVATE_KEY }, args);
    const staff = await hubToken(['--role', 'consortium-staff', '--subject', 'demo-staff']);
    const hub = api(`http://127.0.0.1:${HUB_PORT}`, staff);
    const registry = await poll(
      'all three co-ops registered and online',
      () => hub.get('/coops'),
      (b) => b?.total === 3 && b.items.every((c: Coop) => c.connectivity === 'online' && c.localities.length > 0),
      90_000,
    );
    const registeredIn = ((Date.now() - started) / 1000).toFixed(1);
    step(`All three co-ops registered with the hub and online after ${registeredIn} s. The registry (GET /coops):`);
    printRegistry(registry.items);

    const holme = COOPS[1];
    const holmeAdmin = await nodeToken(holme.id, ['--role', 'coop-admin', '--subject', 'demo-admin']);
    const holmeApi = api(`http://127.0.0.1:${holme.port}`, holmeAdmin);

    // A member who can sign in to Holme's own pages: the demo provider's `member` user has this verified address.
    await holmeApi.post('/members', {
      stakeholderClass: 'worker',
      fullName: 'Mo Member',
      email: 'mo.member@coop.example',
      initialSharesPence: 100,
    });

    // Start from a settled node: its registration and the receipts it owes the hub have all gone.
    await poll(
      'the node to settle',
      () => holmeApi.get('/federation/status'),
      (st) => st?.registryStatus && st.outbox.pending + st.outbox.published === 0,
      60_000,
    );
    step(`Cutting ${holme.name}'s network link to NATS`);
    proxies.get(holme.id)!.cut();
    await poll(
      'the node to notice',
      () => holmeApi.get('/federation/status'),
      (s) => s?.natsConnected === false,
      30_000,
    );
    say('  the node sees NATS down, and keeps serving its own data');

    step('While offline, its admin adds a locality and a service (PATCH /profile on the node)');
    await holmeApi.patch('/profile', {
      localities: ['Holmfirth', 'Honley', 'New Mill', 'Meltham'],
      servicesOffered: ['personal-care', 'gardening', 'transport', 'befriending'],
    });
    const offlineStatus = await holmeApi.get('/federation/status');
    const hubView = await hub.get(`/coops/${holme.id}`);
    const waiting = offlineStatus.outbox.pending;
    say(`  node outbox: ${waiting} message${waiting === 1 ? '' : 's'} waiting (written in the same transaction as the change)`);
    say(`  the hub still shows: ${hubView.localities.join(', ')}`);

    step('Restoring the link');
    const restoredAt = Date.now();
    proxies.get(holme.id)!.restore();
    const updated = await poll(
      'the change to reach the hub',
      () => hub.get(`/coops/${holme.id}`),
      (c) => c?.localities?.includes('Meltham'),
      60_000,
    );
    const settled = await poll(
      'the receipt',
      () => holmeApi.get('/federation/status'),
      (s) => s.outbox.pending === 0 && s.outbox.published === 0,
      60_000,
    );
    say(
      `  delivered ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the link came back; the hub now shows: ${updated.localities.join(', ')}`,
    );
    say(`  services: ${updated.servicesOffered.join(', ')}`);
    say(
      `  node outbox: ${settled.outbox.confirmed} messages confirmed by the hub's receipts, ${settled.outbox.pending + settled.outbox.published} unconfirmed`,
    );
    say('  (the hub applied it exactly once: its inbox keys every message id, so a republish would change nothing)');

    const period = lastQuarter();
    step(`Council reporting: consortium staff open the ${period} return cycle (POST /reporting/cycles)`);
    const cycle = await hub.post('/reporting/cycles', { period, dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString() });
    say(`  the request went to ${cycle.asked.length} co-ops through the durable path`);
    for (const c of COOPS) {
      const admin = await nodeToken(c.id, ['--role', 'coop-admin', '--subject', 'demo-admin']);
      const node = api(`http://127.0.0.1:${c.port}`, admin);
      await poll(
        `${c.id} to receive the request`,
        () => node.get('/reporting/requests'),
        (r) => r?.some((q: { cycleId: string }) => q.cycleId === cycle.id),
        30_000,
      );
      const preview = await node.get(`/reporting/returns/preview?period=${period}`);
      await node.post(`/reporting/requests/${cycle.id}/submission`, {});
      const people = preview.outgoing.return.figures.find(
        (f: { metric: string; breakdown: unknown }) => f.metric === 'people_supported' && f.breakdown === null,
      );
      say(
        `  ${c.name.padEnd(32)} computed its return from its own records (${people?.value ?? '?'} people supported) and sent aggregates only`,
      );
    }
    const completeness = await poll(
      'every return on the hub',
      () => hub.get(`/reporting/cycles/${cycle.id}/completeness`),
      (cp) => cp?.submitted === COOPS.length,
      30_000,
    );
    say(
      `  the hub has ${completeness.submitted} of ${completeness.asked} returns, ${completeness.late} late, ${completeness.notAnswered} not answered (GET /reporting/cycles/:id/completeness)`,
    );

    step('Consortium staff approve each return and publish the report; a commissioner reads it');
    // Staff name the return they looked at: each co-op's current one in the submissions list.
    const submissions: { coopId: string; current: boolean; messageId: string }[] = await hub.get(
      `/reporting/cycles/${cycle.id}/submissions`,
    );
    for (const c of COOPS) {
      const current = submissions.find((s) => s.coopId === c.id && s.current);
      if (!current) throw new Error(`no current return from ${c.id} to approve`);
      await hub.post(`/reporting/cycles/${cycle.id}/coops/${c.id}/approval`, { messageId: current.messageId });
    }
    const release = await hub.post(`/reporting/cycles/${cycle.id}/releases`, {});
    say(
      `  staff publish release ${release.release.number} of the report (POST /reporting/cycles/:id/releases); it never changes afterwards`,
    );
    const commissioner = api(`http://127.0.0.1:${HUB_PORT}`, await hubToken(['--role', 'commissioner', '--subject', 'demo-commissioner']));
    const report = await commissioner.get(`/reporting/cycles/${cycle.id}/report`);
    printReport(report);
    const csv = await commissioner.getText(`/reporting/cycles/${cycle.id}/report.csv`);
    const review = await hub.get(`/reporting/cycles/${cycle.id}/report?basis=approved`);
    say(
      `  CSV for spreadsheets: GET /reporting/cycles/:id/report.csv (${csv.trimEnd().split('\r\n').length - 1} figures, each with its definition)`,
    );
    say(`  consolidating ${review.coverage.coops} co-ops' returns with disclosure control took ${review.consolidationMs} ms on the hub`);
    const signInPage = await fetch(`${hubUrl}/sign-in`);
    if (!signInPage.ok) throw new Error(`the hub's sign-in page answered ${signInPage.status}`);
    say(`  and in a browser: ${hubUrl}/reports/${cycle.id} (a commissioner signs in through the demo's identity provider)`);

    step('A live question to every online co-op: spare care hours this week (POST /live-questions/spare-care-hours)');
    const live = await commissioner.post('/live-questions/spare-care-hours', { deadlineMs: 3000 });
    for (const r of live.replied) say(`  ${r.name.padEnd(32)} ${String(r.totalSpareHours).padStart(8)} h spare`);
    for (const r of live.notReplied) say(`  ${r.name.padEnd(32)} no answer (${r.reason})`);
    say(
      `  ${live.replied.length} of ${live.asked.length} online co-ops answered in ${live.elapsedMs} ms; ${live.total.spareHours} spare hours in all, across ${live.total.perLocality.length} localities`,
    );

    const nodes = await Promise.all(
      COOPS.map(async (c) => ({
        id: c.id,
        name: c.name,
        api: api(`http://127.0.0.1:${c.port}`, await nodeToken(c.id, ['--role', 'coop-admin', '--subject', 'demo-admin'])),
      })),
    );
    await purchasingStory({ hub, nodes, say, step, poll });
    await tenderStory({ hub, nodes, say, step, poll });
    await brokerageStory({ hub, nodes, say, step, poll, commissioner });
    await timeCreditsStory({
      hub,
      nodes,
      say,
      step,
      poll,
      memberApi: async (coopId, memberId) =>
        api(
          `http://127.0.0.1:${COOPS.find((c) => c.id === coopId)!.port}`,
          await nodeToken(coopId, ['--role', 'member', '--member', memberId, '--subject', 'demo-member']),
        ),
    });
    await recruitmentStory({ hub, nodes, say, step, poll, hubUrl, codeDir, client: api, anonymous: (base) => api(base, '') });
    await poll(
      'the filled vacancy to leave the pool on the hub',
      () => hub.get('/recruitment/pool/vacancies?state=pooled'),
      (page) => page?.total === 0,
      30_000,
    );
    const figures: PoolFiguresJson = await hub.get('/recruitment/figures');
    const shown = (v: PoolFiguresJson['candidatesInPool']['total']) => (typeof v === 'number' ? String(v) : 'suppressed');
    say(
      `  the vacancy closed as filled from the pool; the pool's figures (GET /recruitment/figures, disclosure control as for reports): ` +
        `${figures.vacanciesInPool.total} vacancies and ${shown(figures.candidatesInPool.total)} candidates in the pool, ` +
        `hires from the pool this year ${shown(figures.filledFromPool.total)} (a count of 1 to ${figures.disclosure.threshold} people is suppressed)`,
    );

    const joinedEnvFile = join(ROOT, '.demo', `${SPIN_OFF_ID}-${NAMESPACE}.env`);
    // The join command never overwrites a node's settings: a demo run again starts the new co-op afresh.
    await rm(joinedEnvFile, { force: true });
    await rm(joinedEnvFile.replace(/\.env$/, '.templates.json'), { force: true });
    await onboardingStory({
      hub,
      nodes,
      say,
      step,
      poll,
      hubUrl,
      nodeMain: NODE_MAIN,
      envFile: joinedEnvFile,
      startJoinedNode: async (file) => {
        // The new co-op's own settings, as its admin would start it: the file the join command wrote.
        const settings = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
        const port = HUB_PORT + 104;
        procs.start(SPIN_OFF_ID, NODE_MAIN, {
          ...common,
          ...settings,
          AUTH_PRIVATE_KEY: '',
          DB_NAME: nodeDb(SPIN_OFF_ID),
          PORT: String(port),
        });
        return `http://127.0.0.1:${port}`;
      },
    });

    if (ONCE) {
      await shutdown(0);
      return;
    }
    step('The mesh keeps running. Try it:');
    say(
      `  hub web pages:  ${hubUrl}/reports  (sign in on the demo's identity provider ${idp.issuer} as ${LOCAL_USERS.map((u) => u.id).join(', ')}; any password)`,
    );
    say(`  hub API docs:   http://127.0.0.1:${HUB_PORT}/docs`);
    for (const c of COOPS)
      say(
        `  ${c.id.padEnd(14)}  pages ${nodeUrl(c)}/  (as coop-admin${c.id === holme.id ? ' or member' : ''})   API docs ${nodeUrl(c)}/docs`,
      );
    say(
      `  care packages:  ${hubUrl}/package-requests (commissioner or staff: post one, watch offers, accept); on each node /admin/package-requests;` +
        ` API POST /brokerage/requests, GET /brokerage/figures on the hub, GET /brokerage/requests and /brokerage/placements on a node`,
    );
    say(
      `  time credits:   on each node /admin/time-bank; API POST /time-bank/payment-codes and /time-bank/across-coops, GET /time-bank/summary;` +
        ` on the hub GET /time-clearing/balances, /time-clearing/exchanges, /time-clearing/transfers`,
    );
    say(`  consortium-staff token for the hub (8 h):\n    ${staff}`);
    say(`  coop-admin token for ${holme.id}:\n    ${holmeAdmin}`);
    say(`  e.g. curl -H "Authorization: Bearer <token>" http://127.0.0.1:${HUB_PORT}/coops`);
    say(`  logs: .demo/logs/*.log (JSON)`);
    say('\nPress Ctrl-C to stop everything.');
  } catch (error) {
    console.error(`\ndemo failed: ${(error as Error).message}\n  logs are in .demo/logs/`);
    await shutdown(1);
  }
}

interface PoolFiguresJson {
  candidatesInPool: { total: number | { suppressed: true } };
  vacanciesInPool: { total: number };
  filledFromPool: { total: number | { suppressed: true } };
  disclosure: { threshold: number };
}

interface Coop {
  id: string;
  name: string;
  status: string;
  connectivity: string;
  localities: string[];
  servicesOffered: string[];
  nodeVersion: string;
  sponsorCoopId: string | null;
}

function printRegistry(items: Coop[]): void {
  const rows = items.map((c) => [c.id, c.name, c.status, c.connectivity, c.nodeVersion, c.sponsorCoopId ?? '—', c.localities.join(', ')]);
  const head = ['id', 'name', 'status', 'link', 'version', 'sponsor', 'localities'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => ('  ' + r.map((v, i) => v.padEnd(widths[i])).join('  ')).trimEnd();
  say(line(head));
  say(line(widths.map((w) => '─'.repeat(w))));
  rows.forEach((r) => say(line(r)));
}

interface ReportFigureJson {
  category: string;
  value: number | null | { suppressed: true };
}
interface ReportMetricJson {
  id: string;
  title: string;
  unit: string;
  total: number | null | { suppressed: true };
  breakdowns: { dimension: string; cells: ReportFigureJson[] }[];
  distribution?: { label: string; coops: number }[];
}

/** A few of the report's figures, the way a commissioner would read them: suppressed is a word, never a 0. */
function printReport(report: {
  coverage: { statement: string };
  disclosure: { threshold: number; workforceThreshold: number; suppressedFigures: number };
  metrics: ReportMetricJson[];
}): void {
  const text = (v: ReportFigureJson['value'], unit = '') =>
    v === null ? 'not recorded' : typeof v === 'object' ? 'suppressed' : `${v.toLocaleString('en-GB')}${unit}`;
  say(`  ${report.coverage.statement}`);
  const shown = [
    'people_supported',
    'care_hours_delivered',
    'goal_attainment_percent',
    'staff_headcount',
    'staff_starters',
    'staff_turnover_percent',
    'staff_real_living_wage_percent',
    'volunteer_hours',
    'members',
    'cqc_rating',
  ];
  for (const id of shown) {
    const m = report.metrics.find((x) => x.id === id);
    if (!m) continue;
    const unit = m.unit === 'percent' ? ' %' : m.unit === 'hours' ? ' h' : '';
    if (m.distribution) {
      say(
        `  ${m.title.padEnd(34)} ${
          m.distribution
            .filter((d) => d.coops > 0)
            .map((d) => `${d.label} ${d.coops}`)
            .join(', ') || 'none recorded'
        }`,
      );
      continue;
    }
    say(`  ${m.title.padEnd(34)} ${text(m.total, unit)}`);
    for (const b of m.breakdowns)
      say(`    by ${b.dimension.replace(/_/g, ' ').padEnd(18)} ${b.cells.map((c) => `${c.category} ${text(c.value)}`).join(' · ')}`);
  }
  const d = report.disclosure;
  say(
    `  ${d.suppressedFigures} figures suppressed in all (counts of people from 1 to ${d.threshold}, workforce 1 to ${d.workforceThreshold}, and whatever would give them away)`,
  );
}

/** PostgreSQL must answer; NATS the demo runs itself, so only its binary must be there. */
async function preflight(): Promise<string> {
  const pg = new Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.end();
  } catch {
    fail(`PostgreSQL is not reachable at ${PG.host}:${PG.port}: run "docker compose up -d postgres" (or: apt-get install postgresql)`);
  }
  const binary = NatsBroker.findBinary();
  if (!binary)
    fail('nats-server is not installed: apt-get install nats-server (or set NATS_SERVER_BIN), or run the mesh with "docker compose up"');
  return binary;
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

async function reset(): Promise<void> {
  const pg = new Client({ ...PG, database: 'postgres' });
  await pg.connect();
  for (const db of [HUB_DB, ...COOPS.map((c) => nodeDb(c.id)), nodeDb(SPIN_OFF_ID)])
    await pg.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await pg.end();
}

/** A new curve seed from the node's own `curve-key` command. */
function curveKey(main: string): string {
  const out = execFileSync(process.execPath, [main, 'curve-key'], { encoding: 'utf8' });
  const seed = /^NODE_CURVE_SEED=(SX[A-Z2-7]{56})$/m.exec(out)?.[1];
  if (!seed) throw new Error(`${main} curve-key printed no seed`);
  return seed;
}

/** A fresh sign-in key pair from the app's own `auth-keys` command. */
function authKeys(main: string): { AUTH_PRIVATE_KEY: string; AUTH_PUBLIC_KEY: string } {
  const out = execFileSync(process.execPath, [main, 'auth-keys'], { encoding: 'utf8' });
  const pair = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  if (!pair.AUTH_PRIVATE_KEY || !pair.AUTH_PUBLIC_KEY) throw new Error(`${main} auth-keys printed no key pair`);
  return { AUTH_PRIVATE_KEY: pair.AUTH_PRIVATE_KEY, AUTH_PUBLIC_KEY: pair.AUTH_PUBLIC_KEY };
}

/**
 * Mints a token with the app's own command. Asynchronously: a second or more of a blocked event loop
 * lets a server close an idle kept-alive connection that fetch would then reuse ("fetch failed").
 */
async function token(main: string, env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [main, 'token', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return stdout.trim();
}

function api(base: string, bearer: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${base}${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const getText = async (path: string) => {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${bearer}` } });
    if (!res.ok) throw new Error(`GET ${base}${path} answered ${res.status}`);
    return res.text();
  };
  return {
    getText,
    get: (p: string) => call('GET', p),
    patch: (p: string, b: unknown) => call('PATCH', p, b),
    post: (p: string, b: unknown) => call('POST', p, b),
    put: (p: string, b: unknown) => call('PUT', p, b),
  };
}

/** Polls until accepted or the deadline; a request that fails (app still starting) counts as not yet. */
async function poll<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (accept(v)) return v;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

void main();

function publicKeyOf(seed: string): string {
  return fromSeed(Buffer.from(seed)).getPublicKey();
}

/** The last complete calendar quarter, e.g. 2026-Q3 in November 2026. */
function lastQuarter(): string {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}
