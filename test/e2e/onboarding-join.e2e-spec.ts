import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

import { INestApplication } from '@nestjs/common';
import { connect, NatsConnection, nkeyAuthenticator } from 'nats';
import { createUser, fromSeed } from 'nkeys.js';
import request from 'supertest';

import { buildMessage, COOP_PROFILE_UPDATED_V1, encodeMessage, JOIN_TOKEN_PATTERN, subjectScheme } from '@app/contracts';
import { curvePublicKey, EnvelopeSigner, newCurveKey, nodeInboxPrefix } from '@app/federation';
import { loadConfig, nodeTokens, TokenService } from '@app/platform';

import { provisionHubCoop } from '../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';
import { natsAuthorization } from '../../apps/consortium-hub/src/registry/nats-authorization.rules';
import { startNode } from '../../apps/local-coop-node/src/bootstrap';
import { NodeConfig } from '../../apps/local-coop-node/src/config/node.config';
import { RULEBOOK_TEMPLATES } from '../../apps/local-coop-node/src/rulebook/rulebook-templates.rules';
import { freePort } from '../support/app-process';
import { changedTables, DatabaseSnapshots } from '../support/db-snapshot';
import { TestMesh } from '../support/mesh';
import { TestNatsServer } from '../support/nats-server';
import { waitFor } from '../support/wait-for';

const ROOT = join(__dirname, '..', '..');
const HUB_MAIN = join(ROOT, 'dist/apps/consortium-hub/main.js');
const NODE_MAIN = join(ROOT, 'dist/apps/local-coop-node/main.js');

const SPONSOR = 'colne-valley';
const JOINER = 'huddersfield';
const OTHER = 'holmfirth';
const EARLY = 'meltham';
const TEMPLATES = {
  // The sponsor's rulebook in force: here the UK founding template with a quorum of its own.
  rulebook: { ...RULEBOOK_TEMPLATES['uk-multi-stakeholder-cbs'], quorumPercent: 20 },
  policies: [
    {
      key: 'safeguarding-adults',
      title: 'Safeguarding adults',
      version: 3,
      text: 'Every worker knows who to tell, and tells them the same day.',
    },
  ],
};
/** Work the running hub and node do by design while a refusal is tried: not a change the refusal made. */
const BACKGROUND = [
  'outbox_message.status',
  'outbox_message.attempts',
  'outbox_message.next_attempt_at',
  'outbox_message.published_at',
  'outbox_message.settled_at',
  'outbox_message.last_error',
  'coop.last_heartbeat_at',
  'audit_event',
];

/**
 * Joining with one command: staff issue a join token once the journey's co-op is registered; the new
 * co-op's admin runs the built `local-coop-node join`, which makes the node's keys on its own machine;
 * the hub (the built app, as its own process, every log line kept) adds it to a real nats-server's
 * authorization and reloads it; the node starts from the written file alone and registers.
 */
describe('joining with one command', () => {
  const mesh = new TestMesh('nats://placeholder:1');
  const dir = mkdtempSync(join(tmpdir(), 'ccm-join-'));
  let server: TestNatsServer;
  let hub: BuiltHub;
  let hubUrl: string;
  let node: INestApplication;
  let tap: NatsConnection;
  const heard: string[] = [];
  let joined: { env: Record<string, string>; token: string; stdout: string; stderr: string };
  const journeys: Record<string, string> = {};

  const staffToken = () => mesh.hubToken('consortium-staff');
  const http = () => request(hubUrl);
  const issue = (journeyId: string) =>
    http().post(`/onboarding/journeys/${journeyId}/join-tokens`).set('Authorization', `Bearer ${staffToken()}`);
  const revoke = (tokenId: string) => http().delete(`/onboarding/join-tokens/${tokenId}`).set('Authorization', `Bearer ${staffToken()}`);
  const listTokens = (journeyId: string) =>
    http().get(`/onboarding/journeys/${journeyId}/join-tokens`).set('Authorization', `Bearer ${staffToken()}`);
  const postJoin = (body: unknown) =>
    http()
      .post('/onboarding/join')
      .send(body as object);
  const registry = async (coopId: string) =>
    (await http().get(`/coops/${coopId}`).set('Authorization', `Bearer ${staffToken()}`).expect(200)).body;
  const authorizationStatus = async () =>
    (await http().get('/coops/nats-authorization').set('Authorization', `Bearer ${staffToken()}`).expect(200)).body;
  const scheme = () => subjectScheme(mesh.root);

  beforeAll(async () => {
    if (!existsSync(HUB_MAIN) || !existsSync(NODE_MAIN))
      throw new Error('the apps are not built: run "npm run build" (npm test does it first)');
    server = await TestNatsServer.startWithAuthFile(natsAuthorization(scheme(), mesh.hubSigner.publicKey, []));
    (mesh as { natsUrl: string }).natsUrl = server.url;
    const port = await freePort();
    hubUrl = `http://127.0.0.1:${port}`;
    hub = new BuiltHub({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: hubUrl,
      LOG_LEVEL: 'debug',
      DB_NAME: mesh.hubDb,
      NATS_NKEY_SEED: mesh.hubSeed,
      AUTH_PUBLIC_KEY: mesh.hubAuth.AUTH_PUBLIC_KEY,
      NATS_URL: server.url,
      NATS_SUBJECT_ROOT: mesh.root,
      NATS_AUTH_FILE: server.authFile,
      NATS_SERVER_PID_FILE: server.pidFile,
      NATS_AUTH_CHECK_MS: '1000',
      HEARTBEAT_TIMEOUT_MS: '1500',
      RATE_LIMIT_PER_MINUTE: '100000',
      OUTBOX_POLL_MS: '50',
      INBOX_ACK_WAIT_MS: '1500',
    });
    await waitFor(
      'the hub to answer',
      async () => (await http().get('/health')).status,
      (s) => s === 200,
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    // The sponsor is a member with its own key; the spin-offs are at the stages the journey reached.
    await coopRow(SPONSOR, 'Colne Valley Care Co-op', 'trading', null, mesh.signerOf(SPONSOR).publicKey);
    journeys[JOINER] = await aJourney(JOINER, 'Huddersfield Care Co-op', 'registered', { templates: true });
    journeys[OTHER] = await aJourney(OTHER, 'Holmfirth Care Co-op', 'registered', { templates: false });
    journeys[EARLY] = await aJourney(EARLY, 'Meltham Care Co-op', 'model-rules-adopted', { templates: false });
    // Asked again if the handshake stalls: the hub reloads the server's authorization about now (the rows
    // above changed the registry), and twice in CI's first minutes, with every suite compiling, one stalled 20 s.
    tap = await waitFor(
      'a tap on the test NATS server',
      () => connect({ servers: server.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(mesh.hubSeed)), timeout: 5000 }),
      Boolean,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    tap.subscribe('>', {
      callback: (_e, m) =>
        heard.push(`${m.subject} ${m.headers ? [...m.headers].map(([k, v]) => `${k}:${v.join(',')}`).join(' ') : ''} ${m.string()}`),
    });
    await tap.flush();
  }, 120_000);

  afterAll(async () => {
    await tap?.close();
    await node?.close();
    await hub?.stop();
    await mesh.dispose();
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('issuing a token', () => {
    it("refuses while the journey's 'registered' stage is not closed, naming it, and after it was reopened", async () => {
      const early = await issue(journeys[EARLY]).expect(409);
      expect(early.body).toMatchObject({ code: 'JOIN.NOT_REGISTERED', details: { stage: 'registered' } });
      expect(early.body.message).toContain("'registered' stage is not closed");
      await closeStage(journeys[EARLY], 'registered');
      await mesh.hubQuery(
        `INSERT INTO onboarding_stage_event (journey_id, stage, action, reason, by_whom, at) VALUES ($1, 'registered', 'reopened', 'registration number was mistyped', 'staff', now())`,
        [journeys[EARLY]],
      );
      expect((await issue(journeys[EARLY]).expect(409)).body.code).toBe('JOIN.NOT_REGISTERED');
      expect(await mesh.hubQuery('SELECT 1 FROM join_token WHERE journey_id = $1', [journeys[EARLY]])).toEqual([]);
    });

    it('answers the token once, with its expiry and the exact command, keeping only its hash; a new one revokes the earlier', async () => {
      const first = (await issue(journeys[JOINER]).expect(201)).body;
      const second = (await issue(journeys[JOINER]).expect(201)).body;
      expect(second).toEqual({
        id: expect.any(String),
        journeyId: journeys[JOINER],
        coopId: JOINER,
        token: expect.stringMatching(JOIN_TOKEN_PATTERN),
        expiresAt: expect.any(String),
        command: `node dist/apps/local-coop-node/main.js join --hub ${hubUrl} --token ${second.token}`,
        revokedEarlier: 1,
      });
      const hours = (Date.parse(second.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(71.9);
      expect(hours).toBeLessThanOrEqual(72);
      const rows = await mesh.hubQuery<{ id: string; token_sha256: string; revoked_at: Date | null }>(
        'SELECT id, token_sha256, revoked_at FROM join_token WHERE journey_id = $1 ORDER BY issued_at',
        [journeys[JOINER]],
      );
      expect(rows).toEqual([
        { id: first.id, token_sha256: sha256(first.token), revoked_at: expect.any(Date) },
        { id: second.id, token_sha256: sha256(second.token), revoked_at: null },
      ]);
      expect(await hubDatabaseText()).not.toContain(second.token);
      expect((await postJoin({ token: first.token, ...somePublicKeys() }).expect(403)).body.code).toBe('JOIN.TOKEN_REVOKED');
      const listed = (await listTokens(journeys[JOINER]).expect(200)).body;
      expect(listed.map((t: { id: string; state: string }) => [t.id, t.state])).toEqual([
        [second.id, 'waiting'],
        [first.id, 'revoked'],
      ]);
      expect(JSON.stringify(listed)).not.toContain(second.token);
      joined = { env: {}, token: second.token, stdout: '', stderr: '' };
    });
  });

  describe('the join command', () => {
    it('refuses to overwrite a file given with --out, before anything is sent', async () => {
      const taken = join(dir, 'taken.env');
      writeFileSync(taken, 'KEEP=me\n');
      const run = await joinCommand(['--hub', hubUrl, '--token', joined.token, '--out', taken]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${taken} exists already: not overwritten, and nothing was sent (give --force to replace it)`);
      expect(readFileSync(taken, 'utf8')).toBe('KEEP=me\n');
    });

    it('says so when the hub cannot be reached, writing nothing', async () => {
      const run = await joinCommand(['--hub', `http://127.0.0.1:${await freePort()}`, '--token', joined.token]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /cannot reach the hub at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): nothing was changed, and the token still works/,
      );
      expect(existsSync(join(dir, `${JOINER}.env`))).toBe(false);
    });

    it('says so when the answer is not a join grant', async () => {
      const impostor = await answering(200, { coopId: 'Not An Id', name: 'x' });
      try {
        const run = await joinCommand(['--hub', impostor.url, '--token', joined.token]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("the hub's answer is not a join grant (coopId");
      } finally {
        impostor.server.close();
      }
    });

    it('joins: makes its own keys, sends only their public halves, and writes the ready settings and the templates', async () => {
      const run = await joinCommand(['--hub', hubUrl, '--token', joined.token]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      const file = join(dir, `${JOINER}.env`);
      const templatesFile = join(dir, `${JOINER}.templates.json`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const env = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
      joined = { ...joined, env, stdout: run.stdout, stderr: run.stderr };
      const natsPublic = fromSeed(new TextEncoder().encode(env.NATS_NKEY_SEED)).getPublicKey();
      expect(run.stdout.trim().split('\n')).toEqual([
        `joined the consortium as ${JOINER} (Huddersfield Care Co-op), sponsored by ${SPONSOR}`,
        `the node's public keys: NATS ${natsPublic}, sealing ${curvePublicKey(env.NODE_CURVE_SEED)}`,
        `its settings, with the private keys made on this machine, are in ${file} (mode 0600): keep that file secret`,
        `the sponsor's rulebook and 1 policies are in ${templatesFile}`,
        `start the node: node --env-file=${file} dist/apps/local-coop-node/main.js`,
      ]);
      expect(env).toEqual({
        COOP_ID: JOINER,
        COOP_NAME: 'Huddersfield Care Co-op',
        COOP_LOCALITIES: 'Huddersfield,Lindley',
        COOP_SERVICES: 'personal-care,befriending',
        COOP_SPONSOR_ID: SPONSOR,
        COOP_FOUNDING_TEMPLATES_FILE: templatesFile,
        NATS_NKEY_SEED: expect.stringMatching(/^SU[A-Z2-7]{56}$/),
        NODE_CURVE_SEED: expect.stringMatching(/^SX[A-Z2-7]{56}$/),
        HUB_PUBLIC_KEY: mesh.hubSigner.publicKey,
        NATS_URL: server.url,
        NATS_SUBJECT_ROOT: mesh.root,
        AUTH_PUBLIC_KEY: expect.any(String),
        AUTH_PRIVATE_KEY: expect.any(String),
      });
      expect(JSON.parse(readFileSync(templatesFile, 'utf8'))).toEqual(TEMPLATES);
      expect(() => loadConfig(NodeConfig, env)).not.toThrow();

      const [coop] = await mesh.hubQuery('SELECT public_key, sealing_key, provisioned_at, status FROM coop WHERE id = $1', [JOINER]);
      expect(coop).toEqual({
        public_key: natsPublic,
        sealing_key: curvePublicKey(env.NODE_CURVE_SEED),
        provisioned_at: expect.any(Date),
        status: 'registered',
      });
      expect(
        await mesh.hubQuery('SELECT used_at IS NOT NULL AS used FROM join_token WHERE token_sha256 = $1', [sha256(joined.token)]),
      ).toEqual([{ used: true }]);
      expect(
        await mesh.hubQuery('SELECT from_status, to_status, changed_by, note FROM coop_status_change WHERE coop_id = $1', [JOINER]),
      ).toEqual([
        {
          from_status: 'registered',
          to_status: 'registered',
          changed_by: 'join',
          note: expect.stringContaining('its node made its own keys'),
        },
      ]);
      // The hub rewrote the authorization and had the server reload it: the new co-op may connect at once.
      expect(readFileSync(server.authFile, 'utf8')).toContain(`"${natsPublic}"`);
      await waitFor('the server to let the new co-op in', () => canConnect(env.NATS_NKEY_SEED), Boolean, { timeoutMs: 10_000 });
      expect(await authorizationStatus()).toMatchObject({ state: 'in-step', coopUsers: 2 });
    });

    it('starts a node from the written file alone, which registers and shows as registered under its sponsor', async () => {
      node = await startNode(
        loadConfig(NodeConfig, {
          ...joined.env,
          DB_NAME: mesh.nodeDb(JOINER),
          PORT: '0',
          LOG_LEVEL: 'silent',
          OUTBOX_POLL_MS: '50',
          HEARTBEAT_INTERVAL_MS: '300',
          INBOX_ACK_WAIT_MS: '1500',
        }),
      );
      mesh.nodeConfig(JOINER); // its database is dropped with the mesh's
      const admin = TokenService.fromSettings(
        { AUTH_PRIVATE_KEY: joined.env.AUTH_PRIVATE_KEY, AUTH_PUBLIC_KEY: joined.env.AUTH_PUBLIC_KEY, AUTH_TOKEN_MAX_HOURS: 1 },
        nodeTokens(JOINER),
      ).issue({ subject: 'new-admin', role: 'coop-admin', ttlSeconds: 600 });
      await waitFor(
        'the registration accepted over its own consumer',
        async () => (await request(node.getHttpServer()).get('/federation/status').set('Authorization', `Bearer ${admin}`)).body,
        (s) => s.registryStatus === 'registered' && s.natsConnected === true,
        { timeoutMs: 30_000 },
      );
      const entry = await waitFor(
        'the registry to show it online',
        () => registry(JOINER),
        (c) => c.connectivity === 'online',
      );
      expect(entry).toMatchObject({ id: JOINER, name: 'Huddersfield Care Co-op', status: 'registered', sponsorCoopId: SPONSOR });
      expect((await request(node.getHttpServer()).get('/profile').set('Authorization', `Bearer ${admin}`).expect(200)).body).toMatchObject({
        sponsorCoopId: SPONSOR,
        localities: ['Huddersfield', 'Lindley'],
      });
    }, 60_000);
  });

  describe('on NATS, the joined co-op speaks only for itself', () => {
    let own: NatsConnection;
    const refusals: string[] = [];
    const refused = (what: string) =>
      waitFor(
        `the server to refuse ${what}`,
        () => refusals.join('\n'),
        (e) => e.includes(what),
      );

    beforeAll(async () => {
      own = await connect({
        servers: server.url,
        authenticator: nkeyAuthenticator(new TextEncoder().encode(joined.env.NATS_NKEY_SEED)),
        inboxPrefix: nodeInboxPrefix(JOINER),
      });
      void (async () => {
        for await (const s of own.status()) {
          const ctx = (s as { permissionContext?: { operation: string; subject: string } }).permissionContext;
          if (s.type === 'error' && ctx) refusals.push(`${ctx.operation} ${ctx.subject}`);
        }
      })();
    });
    afterAll(() => own?.close());

    it('publishes its own messages and reads its own consumer', async () => {
      const s = scheme();
      const consumer = await own.jetstream().consumers.get(s.hubStream(), s.nodeConsumer(JOINER));
      expect((await consumer.info()).name).toBe(s.nodeConsumer(JOINER));
      const profile = new EnvelopeSigner(joined.env.NATS_NKEY_SEED).sign(
        buildMessage(
          COOP_PROFILE_UPDATED_V1,
          {
            name: 'Huddersfield Care Co-op',
            legalForm: 'community-benefit-society',
            localities: ['Huddersfield', 'Lindley', 'Marsh'],
            servicesOffered: ['personal-care'],
            nodeVersion: '0',
            sponsorCoopId: SPONSOR,
          },
          { coopId: JOINER },
        ),
      );
      expect(
        (await own.jetstream().publish(s.coopMessage(JOINER, profile.type), encodeMessage(profile), { msgID: profile.id })).duplicate,
      ).toBe(false);
      await waitFor(
        'the hub to apply it',
        () => registry(JOINER),
        (c) => c.localities?.includes('Marsh'),
      );
    });

    it("is refused another co-op's subjects and consumer by the server itself", async () => {
      const s = scheme();
      const forged = new EnvelopeSigner(joined.env.NATS_NKEY_SEED).sign(
        buildMessage(
          COOP_PROFILE_UPDATED_V1,
          { name: 'Taken over', legalForm: 'community-benefit-society', localities: ['Marsden'], servicesOffered: [], nodeVersion: '0' },
          { coopId: SPONSOR },
        ),
      );
      await expect(own.jetstream().publish(s.coopMessage(SPONSOR, forged.type), encodeMessage(forged), { timeout: 2000 })).rejects.toThrow(
        /Permissions Violation|PERMISSIONS_VIOLATION|timeout/i,
      );
      await refused(`publish ${s.coopMessage(SPONSOR, forged.type)}`);
      own.publish(s.coopHeartbeat(SPONSOR), encodeMessage(forged));
      await refused(`publish ${s.coopHeartbeat(SPONSOR)}`);
      own.subscribe(`${mesh.root}.v1.hub.${SPONSOR}.msg.>`);
      await refused(`subscription ${mesh.root}.v1.hub.${SPONSOR}.msg.>`);
      await expect(own.jetstream().consumers.get(s.hubStream(), s.nodeConsumer(SPONSOR))).rejects.toThrow();
      await refused(`publish $JS.API.CONSUMER.INFO.${s.hubStream()}.${s.nodeConsumer(SPONSOR)}`);
      expect((await registry(SPONSOR)).name).toBe('Colne Valley Care Co-op');
    });
  });

  describe("the node's private keys", () => {
    const secrets = () => {
      const { NATS_NKEY_SEED, NODE_CURVE_SEED, AUTH_PRIVATE_KEY } = joined.env;
      const nkeyPrivate = new TextDecoder().decode(fromSeed(new TextEncoder().encode(NATS_NKEY_SEED)).getPrivateKey());
      return { NATS_NKEY_SEED, NODE_CURVE_SEED, AUTH_PRIVATE_KEY, nkeyPrivate, token: joined.token };
    };

    it("are nowhere in the hub's database, in any table", async () => {
      const text = await hubDatabaseText();
      expect(text).toContain(fromSeed(new TextEncoder().encode(joined.env.NATS_NKEY_SEED)).getPublicKey()); // the dump is real
      for (const [name, secret] of Object.entries(secrets()))
        expect({ name, found: text.includes(secret) }).toEqual({ name, found: false });
    });

    it("are nowhere in the hub's log output", () => {
      expect(hub.log).toContain('co-op joined with its own keys'); // the log is real
      for (const [name, secret] of Object.entries(secrets()))
        expect({ name, found: hub.log.includes(secret) }).toEqual({ name, found: false });
    });

    it('are nowhere in the NATS traffic of the join and the first registration', () => {
      const traffic = heard.join('\n');
      expect(traffic).toContain(`${mesh.root}.v1.coop.${JOINER}.msg.`); // the tap heard the node
      for (const [name, secret] of Object.entries(secrets()))
        expect({ name, found: traffic.includes(secret) }).toEqual({ name, found: false });
    });

    it('are printed nowhere by the join command', () => {
      for (const [name, secret] of Object.entries(secrets())) {
        if (name === 'token') continue;
        expect({ name, found: (joined.stdout + joined.stderr).includes(secret) }).toEqual({ name, found: false });
      }
    });
  });

  describe('a token misused is refused with its code, and changes nothing', () => {
    let snapshots: DatabaseSnapshots;
    let waiting: { id: string; token: string };

    beforeAll(async () => {
      snapshots = new DatabaseSnapshots(mesh.hubDb, BACKGROUND);
      waiting = (await issue(journeys[OTHER]).expect(201)).body;
    });
    afterAll(() => snapshots.close());

    const refusedUnchanged = async (body: unknown, status: number, code?: string) => {
      const before = await snapshots.take();
      const res = await postJoin(body).expect(status);
      if (code) expect(res.body.code).toBe(code);
      expect(changedTables(before, await snapshots.take())).toEqual([]);
      return res.body;
    };

    it('reused', async () => {
      const body = await refusedUnchanged({ token: joined.token, ...somePublicKeys() }, 409, 'JOIN.TOKEN_USED');
      expect(body.message).toContain('used already');
      const run = await joinCommand(['--hub', hubUrl, '--token', joined.token, '--out', join(dir, 'again.env')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('the hub refused the join: JOIN.TOKEN_USED: this join token has been used already');
      expect(existsSync(join(dir, 'again.env'))).toBe(false);
    });

    it('tampered: one character changed', async () => {
      const last = waiting.token.slice(-1);
      const tampered = waiting.token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
      await refusedUnchanged({ token: tampered, ...somePublicKeys() }, 403, 'JOIN.TOKEN_UNKNOWN');
    });

    it('malformed', async () => {
      const body = await refusedUnchanged({ token: `ccmj_${'x'.repeat(20)}`, ...somePublicKeys() }, 400);
      expect(body.message).toEqual(['token must be a join token as staff issued it (ccmj_…)']);
    });

    it('for a co-op that already has its key (given by provision, the lesser way, after the token was issued)', async () => {
      await provisionHubCoop(loadConfig(HubConfig, hubEnvForProvision()), { coopId: OTHER, name: 'Holmfirth Care Co-op' });
      const body = await refusedUnchanged({ token: waiting.token, ...somePublicKeys() }, 409, 'JOIN.ALREADY_JOINED');
      expect(body.message).toBe(`co-op ${OTHER} already has its key: this token cannot give it another`);
      expect((await listTokens(journeys[OTHER]).expect(200)).body[0]).toMatchObject({ id: waiting.id, state: 'waiting' });
      expect((await issue(journeys[OTHER]).expect(409)).body.code).toBe('JOIN.ALREADY_JOINED');
      expect((await issue(journeys[JOINER]).expect(409)).body.code).toBe('JOIN.ALREADY_JOINED');
      // The co-op goes back to having no key, for the refusals below.
      await mesh.hubQuery('UPDATE coop SET public_key = NULL, provisioned_at = NULL WHERE id = $1', [OTHER]);
    });

    it('expired', async () => {
      const t = (await issue(journeys[OTHER]).expect(201)).body;
      await mesh.hubQuery(
        `UPDATE join_token SET issued_at = now() - interval '80 hours', expires_at = now() - interval '8 hours' WHERE id = $1`,
        [t.id],
      );
      await refusedUnchanged({ token: t.token, ...somePublicKeys() }, 403, 'JOIN.TOKEN_EXPIRED');
      expect((await revoke(t.id).expect(409)).body).toMatchObject({ code: 'JOIN.TOKEN_NOT_REVOCABLE', details: { state: 'expired' } });
    });

    it('revoked', async () => {
      const t = (await issue(journeys[OTHER]).expect(201)).body;
      await revoke(t.id).expect(204);
      await refusedUnchanged({ token: t.token, ...somePublicKeys() }, 403, 'JOIN.TOKEN_REVOKED');
      expect((await revoke(t.id).expect(409)).body.code).toBe('JOIN.TOKEN_NOT_REVOCABLE');
    });

    it('with a key another member holds, leaving the token waiting', async () => {
      const t = (await issue(journeys[OTHER]).expect(201)).body;
      const sponsorKey = mesh.signerOf(SPONSOR).publicKey;
      const body = await refusedUnchanged(
        { token: t.token, publicKey: sponsorKey, sealingKey: somePublicKeys().sealingKey },
        409,
        'JOIN.KEY_IN_USE',
      );
      expect(body.details).toEqual({ field: 'publicKey' });
      await refusedUnchanged(
        { token: t.token, publicKey: mesh.hubSigner.publicKey, sealingKey: somePublicKeys().sealingKey },
        409,
        'JOIN.KEY_IN_USE',
      );
      expect((await listTokens(journeys[OTHER]).expect(200)).body[0]).toMatchObject({ id: t.id, state: 'waiting' });
    });
  });

  describe('bad input on every new endpoint is refused naming the field, changing nothing', () => {
    let snapshots: DatabaseSnapshots;
    beforeAll(() => (snapshots = new DatabaseSnapshots(mesh.hubDb, BACKGROUND)));
    afterAll(() => snapshots.close());

    const unchanged = async (send: () => Promise<{ status: number; body: { message?: unknown; code?: string } }>) => {
      const before = await snapshots.take();
      const res = await send();
      expect(changedTables(before, await snapshots.take())).toEqual([]);
      return res;
    };

    it('POST /onboarding/join', async () => {
      const token = (await issue(journeys[OTHER]).expect(201)).body.token;
      const good = { token, ...somePublicKeys() };
      const cases: [unknown, string][] = [
        [{ ...good, token: undefined }, 'token must be a join token'],
        [{ ...good, publicKey: 'SU' + 'A'.repeat(56) }, 'publicKey must be an NKey user public key'],
        [{ ...good, publicKey: undefined }, 'publicKey must be an NKey user public key'],
        [{ ...good, sealingKey: good.publicKey }, 'sealingKey must be a curve public key'],
        [{ ...good, sealingKey: 42 }, 'sealingKey must be a curve public key'],
        [{ ...good, coopId: JOINER }, 'property coopId should not exist'],
      ];
      for (const [body, message] of cases) {
        const res = await unchanged(() => postJoin(body));
        expect({ status: res.status, message: JSON.stringify(res.body.message) }).toEqual({
          status: 400,
          message: expect.stringContaining(message),
        });
      }
      // Right shape, wrong checksum: the NATS server could not read it, so it never reaches the authorization.
      const broken = good.publicKey.slice(0, -1) + (good.publicKey.endsWith('A') ? 'B' : 'A');
      const res = await unchanged(() => postJoin({ ...good, publicKey: broken }));
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 400,
        body: { code: 'JOIN.BAD_KEY', details: { field: 'publicKey' } },
      });
    });

    it('POST and GET /onboarding/journeys/:id/join-tokens, DELETE /onboarding/join-tokens/:id', async () => {
      for (const send of [() => issue('not-a-journey'), () => listTokens('not-a-journey'), () => revoke('not-a-token')]) {
        const res = await unchanged(send);
        expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: ['id must be a UUID'] });
      }
      const unknown = randomUUID();
      expect((await unchanged(() => issue(unknown))).body.code).toBe('JOIN.JOURNEY_NOT_FOUND');
      expect((await unchanged(() => listTokens(unknown))).body.code).toBe('JOIN.JOURNEY_NOT_FOUND');
      expect((await unchanged(() => revoke(unknown))).body.code).toBe('JOIN.TOKEN_NOT_FOUND');
    });
  });

  it("never overwrites the co-op's settings file: with no --out, a joiner whose file exists gets the next free name", async () => {
    const existing = join(dir, `${OTHER}.env`);
    writeFileSync(existing, 'KEEP=me\n');
    const t = (await issue(journeys[OTHER]).expect(201)).body;
    const run = await joinCommand(['--hub', hubUrl, '--token', t.token]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const written = join(dir, `${OTHER}-2.env`);
    expect(run.stdout).toContain(`are in ${written} (mode 0600)`);
    expect(run.stdout).not.toContain('templates');
    expect(readFileSync(existing, 'utf8')).toBe('KEEP=me\n');
    const env = parseEnv(readFileSync(written, 'utf8'));
    expect(env).toMatchObject({ COOP_ID: OTHER, COOP_NAME: 'Holmfirth Care Co-op', COOP_LOCALITIES: 'Holmfirth' });
    expect(env.COOP_FOUNDING_TEMPLATES_FILE).toBeUndefined();
    expect(existsSync(join(dir, `${OTHER}-2.templates.json`))).toBe(false);
    await waitFor('the server to let it in', () => canConnect(env.NATS_NKEY_SEED!), Boolean, { timeoutMs: 10_000 });
  });

  // --- helpers -------------------------------------------------------------------------------------

  async function coopRow(id: string, name: string, status: string, sponsor: string | null, publicKey: string | null = null): Promise<void> {
    await mesh.hubQuery(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, sponsor_coop_id, status, profile_updated_at, public_key)
       VALUES ($1, $2, 'community-benefit-society', $3, '{personal-care,befriending}', $4, $5, 'epoch', $6)`,
      [id, name, id === JOINER ? ['Huddersfield', 'Lindley'] : [name.split(' ')[0]], sponsor, status, publicKey],
    );
  }

  /** A journey as the journey's own endpoints leave it: the co-op in the registry, its stages closed up to `upTo`. */
  async function aJourney(coopId: string, name: string, upTo: string, o: { templates: boolean }): Promise<string> {
    const stages = ['community-meetings', 'steering-group', 'model-rules-adopted', 'registered'];
    const closed = stages.slice(0, stages.indexOf(upTo) + 1);
    await coopRow(coopId, name, closed.includes('registered') ? 'registered' : 'forming', SPONSOR);
    const id = randomUUID();
    await mesh.hubQuery(
      `INSERT INTO onboarding_journey (id, coop_id, sponsor_coop_id, proposed_by, runner, started_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '200 days')`,
      [id, coopId, SPONSOR, `coop:${SPONSOR}`, { displayName: 'Ruth Runner', roleTitle: 'Senior carer' }],
    );
    for (const stage of closed) await closeStage(id, stage);
    if (o.templates) {
      await mesh.hubQuery(
        `INSERT INTO onboarding_template (journey_id, rulebook, policies, message_id, shared_at) VALUES ($1, $2, $3, $4, now())`,
        [id, TEMPLATES.rulebook, JSON.stringify(TEMPLATES.policies), randomUUID()],
      );
    }
    return id;
  }

  async function closeStage(journeyId: string, stage: string): Promise<void> {
    await mesh.hubQuery(
      `INSERT INTO onboarding_stage_event (journey_id, stage, action, evidence_what, evidence_reference, evidence_date, by_whom, at)
       VALUES ($1, $2, 'closed', $3, 'REF-1', current_date, 'staff', now())`,
      [journeyId, stage, `evidence of ${stage}`],
    );
  }

  /** Every row of every table of the hub's database, as text. */
  async function hubDatabaseText(): Promise<string> {
    const tables = await mesh.hubQuery<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const parts: string[] = [];
    for (const { t } of tables) {
      const [row] = await mesh.hubQuery<{ all: string | null }>(`SELECT string_agg(to_jsonb(x)::text, E'\\n') AS all FROM "${t}" x`);
      parts.push(`${t}: ${row.all ?? ''}`);
    }
    return parts.join('\n');
  }

  /** The built command as its own process; spawned, not run synchronously, so a stand-in hub in this process can answer it. */
  function joinCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [NODE_MAIN, 'join', ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  async function canConnect(seed: string): Promise<boolean> {
    try {
      const nc = await connect({ servers: server.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)), reconnect: false });
      await nc.close();
      return true;
    } catch {
      return false;
    }
  }

  function hubEnvForProvision(): Record<string, string> {
    return {
      DB_NAME: mesh.hubDb,
      NATS_NKEY_SEED: mesh.hubSeed,
      AUTH_PUBLIC_KEY: mesh.hubAuth.AUTH_PUBLIC_KEY,
      NATS_URL: server.url,
      NATS_SUBJECT_ROOT: mesh.root,
      LOG_LEVEL: 'silent',
    };
  }
});

/** Public halves of fresh keys, as a node would send them. */
function somePublicKeys(): { publicKey: string; sealingKey: string } {
  return { publicKey: createUser().getPublicKey(), sealingKey: newCurveKey().publicKey };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A stand-in for a hub that answers something else: one status, one body, whatever is asked. */
async function answering(status: number, body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** The built hub (`node dist/apps/consortium-hub/main.js serve`) as its own process, everything it writes kept. */
class BuiltHub {
  private output = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [HUB_MAIN, 'serve'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c: Buffer) => (this.output += c.toString('utf8')));
    this.child.stderr!.on('data', (c: Buffer) => (this.output += c.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.pid) this.child.kill('SIGTERM');
    await this.exited;
  }
}
