import { fleetBench, hubInProcess, queryHub, until } from '../../../fleet/fleet-bench';
import { BenchContext, Figure, FigureOutcome, Row, sized } from '../figure';

/**
 * P6: N durable messages (profile changes, signed, JetStream with Nats-Msg-Id as a node's relay
 * publishes them) from every co-op of a fleet while the hub is stopped; the hub starts and drains
 * them. Messages applied a second, from the hub's start to the last commit, against P2's rate for
 * the hub's inbox measured earlier in the same run. Messages per co-op stay well under the stream's
 * per-subject limit (STREAM_MAX_MSGS_PER_SUBJECT, 1,000: one subject is one co-op and one type).
 */
export const p6BacklogDrain: Figure = {
  id: 'P6',
  title: 'a backlog drains after an outage',
  async run(ctx: BenchContext): Promise<FigureOutcome> {
    const coops = sized(ctx, 100, 1000);
    const perCoop = sized(ctx, 30, 100);
    const messages = coops * perCoop;
    const { config, fleet } = await fleetBench(ctx, 'p6', { coops });
    const first = await hubInProcess(ctx, config);
    await fleet.connect();
    await fleet.start({ heartbeatMs: 5000 });
    if (!(await until(() => fleet.registered() === coops, 180_000)))
      throw new Error(`only ${fleet.registered()} of ${coops} co-ops registered`);
    await first.close();

    ctx.log(`P6 publishing ${messages} messages from ${coops} co-ops while the hub is down`);
    const ids = await fleet.publishBacklog(perCoop);
    const count = () =>
      queryHub(config, `SELECT count(*)::int AS n FROM inbox_message WHERE type = 'coop.profile-updated'`).then((r) => r[0].n as number);
    const began = performance.now();
    await hubInProcess(ctx, config);
    const drained = await until(async () => (await count()) >= messages, sized(ctx, 120_000, 900_000), 250);
    const seconds = (performance.now() - began) / 1000;
    const applied = await count();
    // The receipts go back through the hub's outbox relay, behind the inbox: waited for, not timed.
    const receiptsFrom = performance.now();
    await until(() => fleet.totals().unconfirmed === 0, sized(ctx, 60_000, 600_000));
    const receiptSeconds = (performance.now() - receiptsFrom) / 1000;

    const [inbox] = await queryHub(
      config,
      `SELECT count(*)::int AS rows, count(DISTINCT message_id)::int AS ids FROM inbox_message WHERE message_id = ANY($1::uuid[])`,
      [ids],
    );
    const [audit] = await queryHub(config, `SELECT count(*)::int AS n FROM audit_event WHERE target = ANY($1::text[])`, [
      ids.map((id) => `message=${id}`),
    ]);
    const p2 = ctx.earlier('P2');
    // The backlog is profile changes, so the baseline is P2's rate for the same message (batched, as the
    // hub runs by default): a profile change takes the registry's identity lock, a vacancy change does not.
    const p2Rate = p2?.rows.find((r) => /profile/i.test(r.measure)) ?? p2?.rows.find((r) => r.bar !== undefined) ?? p2?.rows[0];
    const row: Row = {
      measure: `backlog of ${messages} from ${coops} co-ops applied after the hub starts`,
      unit: 'messages/s',
      value: applied / seconds,
      ...(p2Rate ? { baseline: p2Rate.value, baselineIs: `P2: ${p2Rate.measure}`, bar: { ratioAtLeast: 0.5 } } : {}),
    };
    const totals = fleet.totals();
    return {
      sizes: { coops, messages, perCoop },
      rows: [row],
      checks: [
        { name: 'drained', ok: drained, detail: `${applied} of ${messages} in ${seconds.toFixed(1)} s` },
        { name: 'nothing lost', ok: inbox.ids === messages, detail: `${inbox.ids} in the hub's inbox` },
        {
          name: 'a receipt back at every co-op',
          ok: totals.unconfirmed === 0,
          detail: `${totals.unconfirmed} without a receipt ${receiptSeconds.toFixed(0)} s after the drain`,
        },
        { name: 'nothing applied twice', ok: inbox.rows === messages && audit.n === messages, detail: `${audit.n} audit rows` },
      ],
      notes: p2Rate ? [] : ['P2 did not run before P6 in this run: the drain rate has no baseline (run P2 and P6 together)'],
    };
  },
};
