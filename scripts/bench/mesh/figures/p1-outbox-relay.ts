import { DataSource } from 'typeorm';

import { buildMessage, COOP_PROFILE_UPDATED_V1, encodeMessage } from '@app/contracts';
import { EnvelopeSigner, NatsLink, OutboxRelay, OutboxService } from '@app/federation';

import { waitFor } from '../../../../test/support/wait-for';
import { Figure, FigureOutcome, sized } from '../figure';
import { BenchMesh } from '../support/servers';
import { benchConnection, messagesBySubject, streamTaking } from '../support/streams';
import { elapsedMs, inFlight, perSecond } from '../support/timing';

const COOP = 'relay-dale';
/** The relay awaits each publish's acknowledgement before the next (outbox-relay.service.ts). */
const RELAY_IN_FLIGHT = 1;
/** What an async publisher keeps in flight: the relay's batch. */
const ASYNC_IN_FLIGHT = 100;

const profile = (i: number) => ({
  name: `Relay Dale care co-op v${i}`,
  legalForm: 'community-benefit-society',
  localities: ['Marsden'],
  servicesOffered: ['personal-care'],
  nodeVersion: '0.1.0',
});

/**
 * P1: a real node's outbox relay. N profile updates are written into the node's outbox through its
 * own OutboxService in one transaction; from its commit, the time until every row is marked published
 * (JetStream acknowledged it; the hub's receipt is P2's business). The hub only creates the streams
 * and is stopped, so nothing consumes while the relay publishes. Baseline: the same envelopes
 * published straight to the same stream with Nats-Msg-Id, one in flight as the relay, and async with
 * a batch in flight.
 */
export const p1OutboxRelay: Figure = {
  id: 'P1',
  title: "a node's outbox relay against raw JetStream publish",
  async run(ctx): Promise<FigureOutcome> {
    const n = sized(ctx, 2000, 20_000);
    const mesh = new BenchMesh(ctx, 'P1');
    const subject = mesh.scheme.coopMessage(COOP, COOP_PROFILE_UPDATED_V1.type);
    const rawSubject = mesh.scheme.coopMessage('raw-publisher', COOP_PROFILE_UPDATED_V1.type);
    // Room for every message of the run on one subject: the per-subject cap is back-pressure, not what is measured.
    const hub = await mesh.startHub({ STREAM_MAX_MSGS_PER_SUBJECT: String(4 * n) });
    const nc = await benchConnection(ctx, 'bench P1');
    const jsm = await nc.jetstreamManager();
    const stream = await streamTaking(jsm, subject);
    await mesh.stop(hub);

    const node = await mesh.startNode(COOP);
    await waitFor('the node connected to NATS', () => node.get(NatsLink).isConnected());
    const ds = node.get(DataSource);
    const outbox = node.get(OutboxService);
    const relay = node.get(OutboxRelay);
    const origin = Date.now() - 3_600_000;

    ctx.log(`P1 relay: ${n} messages`);
    await ds.transaction(async (m) => {
      for (let i = 0; i < n; i++) await outbox.enqueue(m, COOP_PROFILE_UPDATED_V1, profile(i), { occurredAt: new Date(origin + i) });
    });
    const began = performance.now();
    relay.nudge();
    // By subject, not by a list of N ids: the probe must cost the database little beside the relay.
    const unpublished = () =>
      ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE subject = $1 AND published_at IS NULL`, [subject]);
    await waitFor('every row published', unpublished, (r) => r[0].n === 0, { timeoutMs: 600_000, intervalMs: 50 });
    const relayMs = elapsedMs(began);

    // The same kind of envelope, signed by a key of its own, on a subject of its own in the same stream.
    const signer = new EnvelopeSigner(mesh.seedOf('raw-publisher'));
    const envelopes = (from: number) =>
      Array.from({ length: n }, (_, i) => {
        const e = signer.sign(
          buildMessage(COOP_PROFILE_UPDATED_V1, profile(i), { coopId: 'raw-publisher', occurredAt: new Date(origin + from + i) }),
        );
        return { id: e.id, data: encodeMessage(e) };
      });
    const js = nc.jetstream();
    const raw = async (concurrency: number, batch: { id: string; data: Uint8Array }[]) => {
      const started = performance.now();
      await inFlight(
        batch.length,
        concurrency,
        async (i) => void (await js.publish(rawSubject, batch[i].data, { msgID: batch[i].id, timeout: 5000 })),
      );
      return elapsedMs(started);
    };
    ctx.log(`P1 raw: ${n} messages, ${RELAY_IN_FLIGHT} and ${ASYNC_IN_FLIGHT} in flight`);
    const serialMs = await raw(RELAY_IN_FLIGHT, envelopes(n));
    const asyncMs = await raw(ASYNC_IN_FLIGHT, envelopes(2 * n));

    const held = await messagesBySubject(jsm, stream);
    const [{ published }] = await ds.query(
      `SELECT count(*)::int AS published FROM outbox_message WHERE subject = $1 AND published_at IS NOT NULL`,
      [subject],
    );
    const relayRate = perSecond(n, relayMs);
    return {
      sizes: { messages: n, relayInFlight: RELAY_IN_FLIGHT, asyncInFlight: ASYNC_IN_FLIGHT },
      rows: [
        {
          measure: 'messages published and confirmed a second (vs one in flight, as the relay)',
          unit: 'msg/s',
          value: relayRate,
          baseline: perSecond(n, serialMs),
          baselineIs: 'raw JetStream publish with Nats-Msg-Id, awaiting each ack',
          bar: { ratioAtLeast: 0.3 },
        },
        {
          measure: `messages published and confirmed a second (vs async, ${ASYNC_IN_FLIGHT} in flight)`,
          unit: 'msg/s',
          value: relayRate,
          baseline: perSecond(n, asyncMs),
          baselineIs: `raw JetStream async publish with Nats-Msg-Id, ${ASYNC_IN_FLIGHT} in flight`,
          bar: { ratioAtLeast: 0.3 },
        },
      ],
      checks: [
        {
          name: 'every outbox row published once',
          ok: held[subject] === published && published >= n,
          detail: `${held[subject] ?? 0} in the stream, ${published} rows published (${n} of them the bench's)`,
        },
        { name: 'every raw message stored once', ok: held[rawSubject] === 2 * n, detail: `${held[rawSubject] ?? 0} of ${2 * n}` },
      ],
    };
  },
};
