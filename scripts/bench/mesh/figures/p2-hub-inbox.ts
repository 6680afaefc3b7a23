import { randomUUID } from 'node:crypto';

import { JetStreamClient } from 'nats';

import { COOP_PROFILE_UPDATED_V1, RECRUITMENT_VACANCY_CHANGED_V1 } from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';

import { Figure, FigureOutcome, Row, sized } from '../figure';
import { allApplied, appliedCounter, publishAll, SignedMessage, signedMessage } from '../support/hub-intake';
import { APP_POOL_SIZE, rawPool, rawTwoInsertTransactions } from '../support/raw-postgres';
import { BenchMesh } from '../support/servers';
import { benchConnection, streamTaking } from '../support/streams';
import { elapsedMs, perSecond } from '../support/timing';

/**
 * Messages per co-op: no more than the inbox holds for one co-op at once (INBOX_MAX_HELD_PER_COOP, 20),
 * so what is measured is applying, not a flood's messages put back and redelivered for fairness (P6).
 */
const PER_COOP = 20;

type Sign = (coopId: string, i: number, at: Date) => SignedMessage;

/**
 * P2: the hub's inbox. Genuine messages, each signed with its co-op's own key, are published to a hub
 * started in-process; from the first publish, the time until the last is committed (signature checked,
 * the effect, inbox row, audit row and receipt in the outbox), first by a hub that applies each message
 * in a transaction of its own (INBOX_BATCH_MAX 1), then by one with the default batches (one commit for
 * up to INBOX_BATCH_MAX messages). Two kinds: a vacancy put in the recruitment pool (one upsert: what
 * most messages cost), and a profile update (which takes the registry's identity lock: one at a time
 * across co-ops), batched only.
 * Baseline: a transaction of two inserts and a commit, on a pool of the hub's size with as many in
 * flight as the hub's inbox runs (INBOX_CONCURRENCY).
 */
export const p2HubInbox: Figure = {
  id: 'P2',
  title: "the hub's inbox against raw PostgreSQL transactions",
  async run(ctx): Promise<FigureOutcome> {
    const vacancies = sized(ctx, 2000, 20_000);
    const profiles = sized(ctx, 500, 2000);
    const mesh = new BenchMesh(ctx, 'P2');
    const concurrency = mesh.hubConfig().INBOX_CONCURRENCY;
    const coops = Array.from({ length: Math.ceil(vacancies / PER_COOP) }, (_, i) => `inbox-coop-${i}`);
    const signers = await mesh.provision(coops);
    const signer = (coopId: string): EnvelopeSigner => signers.get(coopId)!;

    const vacancy: Sign = (coopId, i, at) =>
      signedMessage(
        mesh.scheme,
        signer(coopId),
        RECRUITMENT_VACANCY_CHANGED_V1,
        {
          vacancyId: randomUUID(),
          revision: 1,
          state: 'pooled',
          role: 'care-worker',
          contractType: 'permanent',
          minutesPerWeek: 1200 + (i % 600),
          hourlyPayPence: 1300,
          paysRealLivingWage: true,
          locality: 'Marsden',
          startsOn: '2027-01-04',
        },
        coopId,
        at,
      );
    const profile: Sign = (coopId, i, at) =>
      signedMessage(
        mesh.scheme,
        signer(coopId),
        COOP_PROFILE_UPDATED_V1,
        {
          name: `${coopId} care co-op v${i}`,
          legalForm: 'community-benefit-society',
          localities: ['Marsden'],
          servicesOffered: ['personal-care'],
          nodeVersion: '0.1.0',
        },
        coopId,
        at,
      );

    // First a hub that applies each message in a transaction of its own (INBOX_BATCH_MAX 1), then one
    // with the default batches, on the same database and stream.
    const single = await mesh.startHub({ INBOX_BATCH_MAX: '1' });
    const nc = await benchConnection(ctx, 'bench P2');
    await streamTaking(await nc.jetstreamManager(), mesh.scheme.coopMessage(coops[0], 'bench.probe'));
    const js = nc.jetstream();
    ctx.log(`P2 hub, one message a transaction: ${vacancies} vacancy changes from ${coops.length} co-ops`);
    const singleApplied = appliedCounter(single);
    const singleRun = await applyAll({ mesh, js, applied: singleApplied, coops }, vacancies, vacancy);
    await mesh.stop(single);

    const hub = await mesh.startHub();
    const batchMax = mesh.hubConfig().INBOX_BATCH_MAX;
    const applied = appliedCounter(hub);
    const run = { mesh, js, applied, coops };
    ctx.log(`P2 hub, batches of up to ${batchMax}: ${vacancies} vacancy changes from ${coops.length} co-ops`);
    const vacancyRun = await applyAll(run, vacancies, vacancy);
    ctx.log(`P2 hub: ${profiles} profile updates from ${coops.length} co-ops`);
    const profileRun = await applyAll(run, profiles, profile);

    ctx.log(`P2 raw: ${vacancies} transactions, ${concurrency} in flight on a pool of ${APP_POOL_SIZE}`);
    const rawMs = await rawTwoInsertTransactions(await rawPool(ctx, mesh.database('raw'), APP_POOL_SIZE), vacancies, concurrency);
    const raw = perSecond(vacancies, rawMs);
    const baselineIs = `raw BEGIN; two INSERTs; COMMIT, ${concurrency} in flight on a pool of ${APP_POOL_SIZE}`;

    const ids = [...singleRun.ids, ...vacancyRun.ids, ...profileRun.ids];
    const [{ rows, distinct }] = await mesh.query<{ rows: number; distinct: number }>(
      mesh.database('hub'),
      `SELECT count(*)::int AS rows, count(DISTINCT message_id)::int AS distinct FROM inbox_message WHERE message_id = ANY($1::uuid[])`,
      [ids],
    );
    const once = ids.filter((id) => (singleApplied.get(id) ?? 0) + (applied.get(id) ?? 0) === 1).length;
    const rowsOf: Row[] = [
      {
        measure: 'vacancy changes applied a second, one per transaction (INBOX_BATCH_MAX 1)',
        unit: 'msg/s',
        value: singleRun.rate,
        baseline: raw,
        baselineIs,
      },
      {
        measure: `vacancy changes applied a second, batched (INBOX_BATCH_MAX ${batchMax})`,
        unit: 'msg/s',
        value: vacancyRun.rate,
        baseline: raw,
        baselineIs,
        bar: { ratioAtLeast: 0.5 },
      },
      {
        measure: `profile updates applied a second, batched (the registry's identity lock: one at a time)`,
        unit: 'msg/s',
        value: profileRun.rate,
        baseline: raw,
        baselineIs,
      },
    ];
    return {
      sizes: {
        vacancyChanges: vacancies,
        profileUpdates: profiles,
        coops: coops.length,
        inboxConcurrency: concurrency,
        inboxBatchMax: batchMax,
        poolSize: APP_POOL_SIZE,
      },
      rows: rowsOf,
      checks: [
        { name: 'every message applied exactly once', ok: once === ids.length, detail: `${once} of ${ids.length} applied once` },
        {
          name: 'one inbox row per message',
          ok: rows === ids.length && distinct === ids.length,
          detail: `${rows} inbox rows, ${distinct} distinct ids, ${ids.length} sent`,
        },
      ],
    };
  },
};

/** Signs `count` messages (before the clock starts), publishes them and waits until the hub applied all. */
async function applyAll(
  run: { mesh: BenchMesh; js: JetStreamClient; applied: Map<string, number>; coops: string[] },
  count: number,
  sign: Sign,
): Promise<{ ids: string[]; rate: number }> {
  // A day back (inside the inbox's retention horizon), a millisecond apart so each change is the later one.
  const origin = Date.now() - 86_400_000;
  const messages = Array.from({ length: count }, (_, i) => sign(run.coops[i % run.coops.length], i, new Date(origin + i)));
  const ids = messages.map((m) => m.id);
  const began = performance.now();
  await publishAll(run.js, messages);
  await allApplied(run.applied, ids);
  return { ids, rate: perSecond(count, elapsedMs(began)) };
}
