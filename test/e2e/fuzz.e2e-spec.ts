import { connect } from 'nats';
import { createUser } from 'nkeys.js';

import {
  buildMessage,
  COOP_PROFILE_UPDATED_V1,
  encodeMessage,
  MESSAGE_CATALOG,
  REGISTRATION_ACCEPTED_V1,
  subjectScheme,
} from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';

import { changedTables, DatabaseSnapshots } from '../support/db-snapshot';
import { FuzzedApp, HttpFuzzRun, MeshState } from '../support/http-fuzz-run';
import { TestMesh } from '../support/mesh';
import { HostileMessage, hostileMessages } from '../support/message-fuzz';
import { Fixtures, OperationFuzzer, seededRandom } from '../support/openapi-fuzz';
import { HUB_ROUTES, NODE_ROUTES, PUBLIC } from '../support/route-table';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

/** FUZZ_SEED and FUZZ_VALUES_PER_FIELD widen an exploratory run; the defaults keep it near a minute here. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const PER_FIELD = Number(process.env.FUZZ_VALUES_PER_FIELD ?? 3);

/** Columns that background work changes by design (heartbeats, relay bookkeeping), and the audit trail, which records refusals. */
const BACKGROUND = [
  'outbox_message.status',
  'outbox_message.attempts',
  'outbox_message.next_attempt_at',
  'outbox_message.published_at',
  'outbox_message.settled_at',
  'outbox_message.last_error',
  'coop.last_heartbeat_at',
  'audit_event',
  // A wrong sign-in code is refused and still counted, by design: five wrong tries end the code.
  'candidate_sign_in_code.failed_tries',
];

const FAR = '2030-01-15T12:00:00Z';
const TODAY = ukDay();

/** Bodies for the routes that make the things other routes name, where the document alone does not give a valid one. */
const KNOWN_GOOD: Record<string, (f: Fixtures) => Record<string, unknown>> = {
  'POST /members': () => ({ stakeholderClass: 'worker', fullName: 'Fuzz Member', initialSharesPence: 100 }),
  'POST /ballots': () => ({ kind: 'motion', title: 'Fuzz motion', closesAt: FAR, resolution: 'ordinary' }),
  'POST /visits': () => ({ plannedMinutes: 60, plannedStart: '2026-11-25T09:30:00Z' }),
  'POST /volunteers/{id}/expenses': () => ({ kind: 'meals', amountPence: 500, incurredOn: TODAY, description: 'lunch on a trip' }),
  'POST /volunteers/{id}/hours': () => ({ workedOn: TODAY, activity: 'befriending', minutes: 60 }),
  'POST /purchasing/rounds': (f) => ({ closesAt: FAR, itemIds: [f.get('catalogue')], coopIds: [f.get('coops')] }),
  'POST /purchasing/rounds/{id}/open': () => ({ closesAt: FAR }),
  'POST /tenders/{id}/invitations': (f) => ({ alsoInvite: [f.get('coops')] }),
  'POST /purchasing/rounds/{id}/commitments': (f) => ({ itemId: f.get('catalogue'), quantity: 12 }),
  'POST /tendering/invitations/{tenderId}/offers': (f) => ({
    offers: [{ lotId: f.get('lots'), hoursPerWeek: 30, pricePencePerHour: 2000 }],
  }),
};

/** Steps that make hub and node message each other, so the message fuzz has real payloads to break. */
const FLOWS = [
  'POST /purchasing/rounds/{id}/open',
  'POST /tenders/{id}/invitations',
  'POST /purchasing/rounds/{id}/commitments',
  'POST /tendering/invitations/{tenderId}/offers',
  'POST /reporting/requests/{cycleId}/submission',
];

/** The create routes, in the order their things depend on each other. */
const CREATES = [
  'POST /reporting/cycles',
  'POST /tenders',
  'POST /purchasing/catalogue',
  'POST /purchasing/rounds',
  'POST /members',
  'POST /ballots',
  'POST /staff',
  'POST /vacancies',
  'POST /service-users',
  'POST /service-users/{id}/care-plans',
  'POST /visits',
  'POST /volunteers',
  'POST /volunteers/{id}/expenses',
];

describe('fuzzing every route and every message', () => {
  const mesh = new TestMesh();
  const COOP = 'fuzzed';
  const fixtures: Fixtures = new Map([['coops', COOP]]);
  let state: MeshState;

  beforeAll(async () => {
    // Nothing here is about liveness, and a heartbeat every 300 ms (signed and verified each time; tens
    // of milliseconds with nkeys.js) took half the CPU the fuzzer needs on this machine.
    // Every hostile message must be found by its own dead-letter row, so the per-sender cap (which
    // summarises a flood instead) is lifted here; test/e2e/inbox-fairness checks the cap itself.
    const everyDeadLetter = { DEAD_LETTER_LIMIT: '100000' };
    await mesh.startHub({ HEARTBEAT_TIMEOUT_MS: '600000', ...everyDeadLetter });
    await mesh.startNode(COOP, { HEARTBEAT_INTERVAL_MS: '60000', ...everyDeadLetter });
    await waitFor(
      'the co-op registered on the hub',
      async () => (await mesh.hub().as('consortium-staff').get(`/coops/${COOP}`)).status,
      (s) => s === 200,
    );
    state = new MeshState([new DatabaseSnapshots(mesh.hubDb, BACKGROUND), new DatabaseSnapshots(mesh.nodeDb(COOP), BACKGROUND)]);
  }, 120_000);
  afterAll(async () => {
    await state?.close();
    await mesh.dispose();
  });

  /** Waits until every message an accepted request caused has been delivered and settled. */
  const settled = () =>
    waitFor(
      'the outboxes to settle',
      async () =>
        [
          ...(await mesh.hubQuery("SELECT id FROM outbox_message WHERE status IN ('pending', 'published')")),
          ...(await mesh.nodeQuery(COOP, "SELECT id FROM outbox_message WHERE status IN ('pending', 'published')")),
        ].length,
      (n) => n === 0,
      { timeoutMs: 10_000, intervalMs: 50 },
    ).catch(() => undefined);

  const roleFor = (table: Record<string, string[] | typeof PUBLIC>, route: string, preference: string[]) => {
    const rule = table[route];
    return rule === PUBLIC || !rule ? null : preference.find((r) => rule.includes(r))!;
  };

  it(
    'answers no route with a 5xx, names what it refused, and changes nothing it refused',
    async () => {
      const started = Date.now();
      const hub: FuzzedApp = {
        name: 'hub',
        doc: (await mesh.hubHttp().get('/docs/json').expect(200)).body,
        http: () => mesh.hubHttp(),
        token: (route) => {
          const role = roleFor(HUB_ROUTES, route, ['consortium-staff', 'commissioner', 'coop', 'candidate']);
          return role && mesh.hubToken(role, COOP);
        },
      };
      const node: FuzzedApp = {
        name: 'node',
        doc: (await mesh.nodeHttp(COOP).get('/docs/json').expect(200)).body,
        http: () => mesh.nodeHttp(COOP),
        token: (route) => {
          const role = roleFor(NODE_ROUTES, route, ['coop-admin', 'member']);
          return role && mesh.nodeToken(COOP, role, role === 'member' ? fixtures.get('members') : undefined);
        },
      };
      const run = new HttpFuzzRun(
        [hub, node],
        fixtures,
        (app) => new OperationFuzzer(app.doc, fixtures, SEED, PER_FIELD, KNOWN_GOOD),
        state,
        settled,
      );

      await run.makeFixtures(CREATES, FLOWS);
      await run.reads(4);
      await run.writes();

      const line = (o: { app: string; route: string; label: string; status: number; body: unknown }) =>
        `${o.app} ${o.route} [${o.label}] → ${o.status} ${JSON.stringify(o.body).slice(0, 240)}`;
      console.log(
        `HTTP fuzz, seed ${SEED}, ${PER_FIELD} values a field, ${((Date.now() - started) / 1000).toFixed(1)} s: ${run.findings.summary()}; made ${[...fixtures.keys()].join(', ')}`,
      );
      expect({
        serverErrors: run.findings.serverErrors.map(line),
        refusalsNamingNothing: run.findings.unclearRefusals.map(line),
        changesByRefusedRequests: run.findings.changedByRefusal.map((o) => `${line(o)} changed ${o.tables.join(', ')}`),
      }).toEqual({ serverErrors: [], refusalsNamingNothing: [], changesByRefusedRequests: [] });
    },
    Number(process.env.FUZZ_TIMEOUT_MS ?? 300_000),
  );

  it('dead-letters or rejects every invalid message of every type with its reason, changes nothing else, and keeps consuming', async () => {
    const started = Date.now();
    const scheme = subjectScheme(mesh.root);
    const staff = `Bearer ${mesh.hubToken('consortium-staff')}`;
    // The HTTP fuzz may have moved the co-op through its lifecycle; a co-op that left has no key on record.
    await mesh.hubHttp().patch(`/coops/${COOP}/status`).set('Authorization', staff).send({ status: 'trading' }).expect(204);
    await settled();

    // Real payloads of each type, from what the two sides really sent one another so far.
    const samples = new Map<string, Record<string, unknown>>();
    for (const [direction, rows] of [
      [
        'hub-to-coop',
        await mesh.hubQuery<{ envelope: { type: string; version: number; payload: Record<string, unknown> } }>(
          'SELECT envelope FROM outbox_message ORDER BY created_at',
        ),
      ],
      [
        'coop-to-hub',
        await mesh.nodeQuery<{ envelope: { type: string; version: number; payload: Record<string, unknown> } }>(
          COOP,
          'SELECT envelope FROM outbox_message ORDER BY created_at',
        ),
      ],
    ] as const)
      for (const { envelope } of rows) samples.set(`${direction}:${envelope.type}@${envelope.version}`, envelope.payload);
    // A heartbeat never goes through an outbox.
    samples.set('coop-to-hub:coop.heartbeat@1', { nodeVersion: '0.1.0', outboxUnconfirmed: 0 });

    const stranger = new EnvelopeSigner(Buffer.from(createUser().getSeed()).toString());
    const random = seededRandom(SEED);
    const lied = new Set<string>();
    const messages: (HostileMessage & { receiver: 'hub' | 'node'; type: string })[] = MESSAGE_CATALOG.flatMap((def) =>
      hostileMessages(
        def,
        samples.get(`${def.direction}:${def.type}@${def.version}`),
        { coopId: COOP, scheme, signer: def.direction === 'coop-to-hub' ? mesh.signerOf(COOP) : mesh.hubSigner, stranger },
        // A wide run breaks every field of every type and lies in every envelope; by default PER_FIELD fields a
        // type, and the envelope's lies (decoded by the same code whatever the type) once each way.
        {
          fields: PER_FIELD >= 40 ? 1000 : PER_FIELD,
          envelope: PER_FIELD >= 40 || (!lied.has(def.direction) && lied.add(def.direction) !== undefined),
          random,
        },
      ).map((m) => ({
        ...m,
        receiver: def.direction === 'coop-to-hub' ? ('hub' as const) : ('node' as const),
        type: `${def.type} v${def.version}`,
      })),
    );

    const counts = async () => ({
      hub: (
        await mesh.hubQuery(
          "SELECT (SELECT count(*) FROM inbox_message WHERE outcome = 'applied') AS applied, (SELECT count(*) FROM outbox_message WHERE type <> 'federation.receipt') AS sent, (SELECT count(*) FROM audit_event WHERE outcome = 'succeeded') AS audited",
        )
      )[0],
      node: (
        await mesh.nodeQuery(
          COOP,
          "SELECT (SELECT count(*) FROM inbox_message WHERE outcome = 'applied') AS applied, (SELECT count(*) FROM outbox_message WHERE type <> 'federation.receipt') AS sent, (SELECT count(*) FROM audit_event WHERE outcome = 'succeeded') AS audited",
        )
      )[0],
    });
    const untouched = new MeshState([
      new DatabaseSnapshots(mesh.hubDb, [...BACKGROUND, 'dead_letter', 'inbox_message', 'outbox_message']),
      new DatabaseSnapshots(mesh.nodeDb(COOP), [...BACKGROUND, 'dead_letter', 'inbox_message', 'outbox_message']),
    ]);
    const before = { state: await untouched.take(), counts: await counts() };

    const nc = await connect({ servers: mesh.natsUrl });
    try {
      const js = nc.jetstream();
      // The stream itself refuses a message over its size limit before any consumer sees it: that is a refusal with a reason too.
      const refusedByStream = new Map<HostileMessage, string>();
      for (const m of messages)
        await js
          .publish(m.subject, m.data, { msgID: m.id ?? m.sha256.slice(0, 36) })
          .catch((e: Error) => refusedByStream.set(m, `JetStream: ${e.message}`));
      // A heartbeat is core NATS: its broken variants go to the heartbeat subject too, where they must change nothing.
      for (const m of messages.filter((x) => x.type.startsWith('coop.heartbeat'))) nc.publish(scheme.coopHeartbeat(COOP), m.data);
      await nc.flush();

      const verdicts = async () => {
        const read = async (receiver: 'hub' | 'node') => {
          const q =
            receiver === 'hub'
              ? (sql: string) => mesh.hubQuery<{ id: string | null; sha: string | null; reason: string }>(sql)
              : (sql: string) => mesh.nodeQuery<{ id: string | null; sha: string | null; reason: string }>(COOP, sql);
          return [
            ...(await q('SELECT message_id::text AS id, content_sha256 AS sha, reason FROM dead_letter')),
            ...(await q("SELECT message_id::text AS id, NULL AS sha, reason FROM inbox_message WHERE outcome = 'rejected'")),
          ];
        };
        const found = { hub: await read('hub'), node: await read('node') };
        return messages.map((m) => ({
          m,
          verdict: refusedByStream.has(m)
            ? { reason: refusedByStream.get(m)! }
            : found[m.receiver].find((r) => (m.id && r.id === m.id) || r.sha === m.sha256),
        }));
      };
      const all = await waitFor('every hostile message dead-lettered or rejected', verdicts, (v) => v.every((x) => x.verdict), {
        timeoutMs: 90_000,
        intervalMs: 500,
      }).catch(async () => verdicts());
      expect(
        all.filter((x) => !x.verdict).map((x) => `${x.m.receiver} ${x.m.type} [${x.m.label}]: neither dead-lettered nor rejected`),
      ).toEqual([]);
      expect(all.filter((x) => !(x.verdict?.reason ?? '').trim()).map((x) => `${x.m.type} [${x.m.label}] has no reason`)).toEqual([]);
      expect(changedTables(before.state, await untouched.take())).toEqual([]);
      expect(await counts()).toEqual(before.counts);

      // Both consumers keep going: a valid message each way is applied after all of that.
      const profile = buildMessage(
        COOP_PROFILE_UPDATED_V1,
        {
          name: 'Still Listening Care Co-op',
          legalForm: 'community-benefit-society',
          localities: ['Marsden'],
          servicesOffered: [],
          nodeVersion: '1',
        },
        { coopId: COOP },
      );
      await js.publish(scheme.coopMessage(COOP, profile.type), encodeMessage(mesh.signerOf(COOP).sign(profile)), { msgID: profile.id });
      const accepted = samples.get(`hub-to-coop:${REGISTRATION_ACCEPTED_V1.type}@1`)!;
      const again = buildMessage(REGISTRATION_ACCEPTED_V1, accepted as never, { coopId: COOP });
      await js.publish(scheme.hubMessage(COOP, again.type), encodeMessage(mesh.hubSigner.sign(again)), { msgID: again.id });
      await waitFor(
        'the valid profile applied on the hub',
        async () => (await mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [COOP]))[0].name,
        (n) => n === 'Still Listening Care Co-op',
      );
      await waitFor(
        'the valid registration applied on the node',
        async () =>
          (await mesh.nodeQuery<{ outcome: string }>(COOP, 'SELECT outcome FROM inbox_message WHERE message_id = $1', [again.id]))[0]
            ?.outcome,
        (o) => o === 'applied',
      );
      console.log(
        `message fuzz: ${messages.length} signed hostile messages (${refusedByStream.size} refused by the stream itself) over ${MESSAGE_CATALOG.length} types (without a real payload to break field by field: ${
          MESSAGE_CATALOG.filter((d) => !samples.has(`${d.direction}:${d.type}@${d.version}`))
            .map((d) => d.type)
            .join(', ') || 'none'
        }), all refused with a reason, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await nc.close();
      await untouched.close();
    }
  }, 180_000);
});
