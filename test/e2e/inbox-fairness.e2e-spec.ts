import { connect, JetStreamClient, NatsConnection } from 'nats';

import {
  buildMessage,
  COOP_PROFILE_UPDATED_V1,
  encodeMessage,
  Envelope,
  REPORTING_RETURN_SUBMITTED_V1,
  subjectScheme,
} from '@app/contracts';
import { EnvelopeSigner, InboxProcessor } from '@app/federation';

import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * The hub's intake under a co-op that floods it: each co-op gets its turn, so one co-op's flood or
 * poison delays only that co-op. The hub runs with the production ack wait (30 s), so any message
 * that waited for a redelivery would show as a 30-second latency.
 */
describe("the hub's intake is fair between co-ops", () => {
  const mesh = new TestMesh();
  const scheme = subjectScheme(mesh.root);
  const FLOODER = 'flood-valley';
  const QUIET = ['quiet-moor', 'quiet-dale', 'quiet-fell'];
  /** Its own co-op: the flooder's dead-letter budget is spent by then. */
  const POISONER = 'poison-brook';
  const signers = new Map<string, EnvelopeSigner>();
  let nc: NatsConnection;
  let js: JetStreamClient;
  // A day back, inside the inbox's retention horizon, and rising by a millisecond a message.
  let clock = Date.now() - 86_400_000;

  const profile = (coopId: string, name: string) =>
    signers.get(coopId)!.sign(
      buildMessage(
        COOP_PROFILE_UPDATED_V1,
        {
          name,
          legalForm: 'community-benefit-society',
          localities: ['Marsden'],
          servicesOffered: ['personal-care'],
          nodeVersion: '0.1.0',
        },
        { coopId, occurredAt: new Date(clock++) },
      ),
    );
  const publish = (e: Envelope<object>) => js.publish(scheme.coopMessage(e.coopId, e.type), encodeMessage(e), { msgID: e.id });
  const nameOnHub = async (coopId: string) =>
    (await mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [coopId]))[0]?.name;
  const auditRows = async (ids: string[]) =>
    (
      await mesh.hubQuery<{ target: string; n: number }>(
        'SELECT target, count(*)::int AS n FROM audit_event WHERE target = ANY($1) GROUP BY target',
        [ids.map((id) => `message=${id}`)],
      )
    ).map((r) => r.n);

  /** How long a quiet co-op's message takes from its publish to the hub's registry. */
  async function quietLatency(coopId: string, name: string): Promise<number> {
    const started = Date.now();
    await publish(profile(coopId, name));
    await waitFor(
      `${coopId}'s change on the hub`,
      () => nameOnHub(coopId),
      (n) => n === name,
      { timeoutMs: 45_000, intervalMs: 20 },
    );
    return Date.now() - started;
  }

  beforeAll(async () => {
    await mesh.startHub({
      INBOX_ACK_WAIT_MS: '30000',
      INBOX_MAX_HELD_PER_COOP: '5',
      DEAD_LETTER_LIMIT: '20',
      DEAD_LETTER_WINDOW_MS: '86400000',
    });
    for (const coopId of [FLOODER, POISONER, ...QUIET]) {
      await mesh.provision(coopId);
      signers.set(coopId, new EnvelopeSigner(mesh.seedOf(coopId)));
    }
    nc = await connect({ servers: mesh.natsUrl });
    js = nc.jetstream();
    await waitFor(
      'the hub to make its streams',
      async () => !!(await (await nc.jetstreamManager()).streams.find(scheme.coopMessage(FLOODER, 'coop.registered')).catch(() => null)),
    );
  });

  afterAll(async () => {
    await nc?.close();
    await mesh.dispose();
  });

  it("applies another co-op's message within seconds while one co-op floods the hub with 3,000 junk messages, and keeps the flooder's dead letters to a budget and a summary", async () => {
    const subjects = ['coop.registered', 'coop.profile-updated', 'reporting.return-submitted'].map((type) =>
      scheme.coopMessage(FLOODER, type),
    );
    const floodStarted = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 3000 }, (_, i) => js.publish(subjects[i % 3], Buffer.from(`junk ${i} {`))),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    expect(accepted).toBe(3000);

    const latency = await quietLatency(QUIET[0], 'Quiet Moor during the junk');

    const rows = async () =>
      (await mesh.hubQuery<{ n: number }>('SELECT count(*)::int AS n FROM dead_letter WHERE coop_id = $1', [FLOODER]))[0].n;
    const summarised = async () =>
      (
        await mesh.hubQuery<{ n: number | null }>('SELECT sum(suppressed)::int AS n FROM dead_letter_summary WHERE coop_id = $1', [FLOODER])
      )[0].n ?? 0;
    await waitFor(
      'every junk message counted',
      async () => (await rows()) + (await summarised()),
      (n) => n === accepted,
      { timeoutMs: 60_000 },
    );
    expect(await rows()).toBe(20);
    // Fair: the quiet co-op's change is not queued behind the flood (within 3 s, or half the flood's time on a busy machine).
    expect(latency).toBeLessThan(Math.max(3000, (Date.now() - floodStarted) / 2));
  }, 120_000);

  it("applies another co-op's message within seconds during a burst of 150 valid messages from one co-op, and then every one of those exactly once", async () => {
    const burst = Array.from({ length: 150 }, (_, i) => profile(FLOODER, `Flood Valley ${i}`));
    const burstStarted = Date.now();
    await Promise.all(burst.map(publish));

    const latency = await quietLatency(QUIET[1], 'Quiet Dale during the burst');

    await waitFor(
      'the whole burst applied',
      () => nameOnHub(FLOODER),
      (n) => n === 'Flood Valley 149',
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    // Fair: the quiet co-op's change is not queued behind the burst (within 3 s, or half the burst's time on a busy machine).
    expect(latency).toBeLessThan(Math.max(3000, (Date.now() - burstStarted) / 2));
    const applied = await auditRows(burst.map((e) => e.id));
    expect(applied).toHaveLength(150);
    expect(applied.every((n) => n === 1)).toBe(true);
  }, 240_000);

  it("dead-letters a poisoned return on first sight, while the other co-ops' messages in the same batch are applied at once", async () => {
    const poisoned = buildMessage(
      REPORTING_RETURN_SUBMITTED_V1,
      {
        cycleId: '0f0e0d0c-0b0a-4998-8776-655443322110',
        definitionId: 'ccm-quarterly',
        definitionVersion: 1,
        period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
        figures: [{ metric: 'care_hours_delivered', breakdown: null, value: 0.5 }],
      },
      { coopId: POISONER },
    );
    (poisoned.payload.figures[0] as { value: number }).value = 1e-7;
    const before = QUIET.map((coopId) => profile(coopId, `${coopId} before the poison`));
    const after = QUIET.map((coopId) => profile(coopId, `${coopId} after the poison`));
    const started = Date.now();
    for (const e of [...before, signers.get(POISONER)!.sign(poisoned), ...after]) await publish(e);

    for (const coopId of QUIET)
      await waitFor(
        `${coopId} applied`,
        () => nameOnHub(coopId),
        (n) => n === `${coopId} after the poison`,
        { timeoutMs: 45_000, intervalMs: 20 },
      );
    expect(Date.now() - started).toBeLessThan(5000);
    const dead = await waitFor(
      'the poison dead-lettered',
      () => mesh.hubQuery<{ delivery_count: number }>('SELECT delivery_count FROM dead_letter WHERE message_id = $1', [poisoned.id]),
      (r) => r.length > 0,
    );
    expect(dead).toEqual([{ delivery_count: 1 }]);
  }, 60_000);

  it("applies each co-op's messages in stream order while applying several co-ops at once", async () => {
    const committed: string[] = [];
    mesh.hubApp!.get(InboxProcessor).onCommitted = ({ envelope, outcome }) => {
      if (outcome === 'applied') committed.push(`${envelope.coopId} ${(envelope.payload as { name: string }).name}`);
    };
    const sent = new Map<string, string[]>(QUIET.map((c) => [c, []]));
    const envelopes: Envelope<object>[] = [];
    for (let i = 0; i < 25; i++) {
      for (const coopId of QUIET) {
        const name = `${coopId} step ${String(i).padStart(2, '0')}`;
        sent.get(coopId)!.push(name);
        envelopes.push(profile(coopId, name));
      }
    }
    await Promise.all(envelopes.map(publish));
    // Each quiet co-op's own steps: a message of an earlier test still being applied is not one of them.
    const stepsOf = (coopId: string) =>
      committed.filter((c) => c.startsWith(`${coopId} ${coopId} step `)).map((c) => c.slice(coopId.length + 1));
    await waitFor(
      'every step applied',
      () => QUIET.map((coopId) => stepsOf(coopId).length),
      (counts) => counts.every((n) => n >= 25),
      { timeoutMs: 90_000 },
    );

    for (const coopId of QUIET) {
      const own = stepsOf(coopId);
      expect(own).toEqual(sent.get(coopId));
    }
    // Taken in turns, not one co-op's whole queue after another's.
    const switches = committed.filter((c, i) => i > 0 && c.split(' ')[0] !== committed[i - 1].split(' ')[0]).length;
    expect(switches).toBeGreaterThan(25);
  }, 120_000);
});
