/**
 * How long a co-op's message takes from its JetStream publish to its commit on the hub, through the
 * real path: a hub started as in production (its durable consumer, inbox, signature check, handler,
 * audit row and receipt), against the local PostgreSQL and NATS. Genuine signed messages from several
 * co-ops are published at a steady rate, and the latency of each is measured.
 *
 *   npm run bench:intake               (or: npm run bench, which runs every benchmark)
 *
 * BENCH_MESSAGES (3000), BENCH_COOPS (10), BENCH_RATE (messages a second, 25: below what the hub
 * applies, so the numbers show delivery and not a queue), NATS_URL, DB_HOST/DB_PORT/DB_USER/DB_PASSWORD.
 * Prints the distribution; any latency near INBOX_ACK_WAIT_MS (30 s) is a delivered message that
 * waited for redelivery. Exits 1 when the slowest message took longer than half the ack wait.
 */
import { connect } from 'nats';
import { createUser } from 'nkeys.js';

import { buildMessage, COOP_PROFILE_UPDATED_V1, encodeMessage, subjectScheme } from '@app/contracts';
import { EnvelopeSigner, InboxProcessor } from '@app/federation';
import { dropDatabase, loadConfig, newAuthKeyPair } from '@app/platform';

import { provisionHubCoop, startHub } from '../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const COOPS = Number(process.env.BENCH_COOPS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 25);
const ACK_WAIT_MS = 30_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const root = `bench${id}`;
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const config = loadConfig(HubConfig, {
    PORT: '0',
    NATS_URL: natsUrl,
    NATS_SUBJECT_ROOT: root,
    DB_NAME: `ccm_test_bench_${id}`,
    AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY,
    NATS_NKEY_SEED: Buffer.from(createUser().getSeed()).toString(),
    INBOX_ACK_WAIT_MS: String(ACK_WAIT_MS),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...(process.env.BENCH_HUB_ENV ? (JSON.parse(process.env.BENCH_HUB_ENV) as Record<string, string>) : {}),
  });
  const scheme = subjectScheme(root);
  const coops = Array.from({ length: COOPS }, (_, i) => `bench-coop-${i}`);
  const signers = new Map<string, EnvelopeSigner>();
  for (const coopId of coops)
    signers.set(coopId, new EnvelopeSigner((await provisionHubCoop(config, { coopId, name: `Bench co-op ${coopId}` })).seed));

  const hub = await startHub(config);
  const nc = await connect({ servers: natsUrl });
  try {
    const js = nc.jetstream();
    const applied = new Map<string, number>();
    hub.get(InboxProcessor).onCommitted = ({ envelope }) => void applied.set(envelope.id, Date.now());

    // Signed before the clock starts: the bench measures the hub, not the sender.
    // A day back (inside the inbox's retention horizon), a millisecond apart so each profile change is later.
    const start = Date.now() - 86_400_000;
    const messages = Array.from({ length: MESSAGES }, (_, i) => {
      const coopId = coops[i % COOPS];
      const envelope = signers.get(coopId)!.sign(
        buildMessage(
          COOP_PROFILE_UPDATED_V1,
          {
            name: `Bench co-op ${coopId} v${i}`,
            legalForm: 'community-benefit-society',
            localities: ['Marsden'],
            servicesOffered: ['personal-care'],
            nodeVersion: '0.1.0',
          },
          { coopId, occurredAt: new Date(start + i) },
        ),
      );
      return { id: envelope.id, subject: scheme.coopMessage(coopId, envelope.type), data: encodeMessage(envelope) };
    });
    await waitForStream(js, scheme.coopMessage(coops[0], 'bench.probe'));

    console.log(
      `Publishing ${MESSAGES} signed messages from ${COOPS} co-ops at ${RATE} a second to a hub (ack wait ${ACK_WAIT_MS / 1000} s)`,
    );
    const published = new Map<string, number>();
    const began = Date.now();
    for (let i = 0; i < messages.length; i++) {
      const due = began + (i * 1000) / RATE;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const m = messages[i];
      published.set(m.id, Date.now());
      await js.publish(m.subject, m.data, { msgID: m.id });
    }
    const deadline = Date.now() + 3 * ACK_WAIT_MS;
    while (applied.size < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    const latencies = messages
      .filter((m) => applied.has(m.id))
      .map((m) => applied.get(m.id)! - published.get(m.id)!)
      .sort((a, b) => a - b);
    const missing = MESSAGES - latencies.length;
    const over = (ms: number) => latencies.filter((l) => l > ms).length;
    console.log(
      `applied ${latencies.length} of ${MESSAGES} in ${((Date.now() - began) / 1000).toFixed(1)} s${missing ? ` (${missing} never, within ${(3 * ACK_WAIT_MS) / 1000} s of the last publish)` : ''}`,
    );
    console.log('latency ms   p50     p90     p99     p99.9   max');
    console.log(
      `             ${[50, 90, 99, 99.9].map((p) => String(percentile(latencies, p)).padEnd(8)).join('')}${latencies[latencies.length - 1]}`,
    );
    console.log(`over 1 s: ${over(1000)}   over 5 s: ${over(5000)}   over ${ACK_WAIT_MS / 2000} s: ${over(ACK_WAIT_MS / 2)}`);
    const slowest = latencies[latencies.length - 1] ?? Infinity;
    process.exitCode = missing === 0 && slowest < ACK_WAIT_MS / 2 ? 0 : 1;
  } finally {
    await nc.close();
    await hub.close();
    const admin = await connect({ servers: natsUrl });
    const jsm = await admin.jetstreamManager();
    for (const s of [scheme.coopStream(), scheme.hubStream()]) await jsm.streams.delete(s).catch(() => false);
    await admin.close();
    await dropDatabase({
      host: config.DB_HOST,
      port: config.DB_PORT,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      database: config.DB_NAME,
    });
  }
}

/** The hub creates its stream once connected: publishing before that would only measure the start. */
async function waitForStream(js: ReturnType<Awaited<ReturnType<typeof connect>>['jetstream']>, subject: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const jsm = await js.jetstreamManager();
      if (await jsm.streams.find(subject)) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
