/**
 * `npm run fleet`: many simulated co-op nodes against a running hub, for an operator trying the hub
 * at a region's size before a region joins (docs/benchmarks.md, "1,000 co-ops").
 *
 *   npm run fleet -- --coops 1000 [--silent 50] [--backlog 10] [--prefix fleet-a] [--heartbeat-ms 5000] [--shared-connection]
 *
 * The hub's own settings come from the environment, as for `consortium-hub provision` (DB_*, NATS_URL,
 * NATS_SUBJECT_ROOT, NATS_NKEY_SEED, NATS_AUTH_FILE…): the fleet provisions its co-ops on the hub's
 * registry in one go (so NATS_AUTH_FILE is written once), connects each with its own key, registers,
 * heartbeats, answers live questions (but the `--silent` last ones), pulls its consumer and, with
 * `--backlog N`, publishes N profile changes per co-op. It reports once every 10 s until Ctrl-C.
 * The co-ops stay in the registry afterwards: use a hub you can throw away, or set them to 'left'.
 */
import { loadConfig } from '@app/platform';

import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';
import { Fleet } from './fleet';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const hub = loadConfig(HubConfig);
  const coops = Number(option(args, 'coops', '100'));
  const backlog = Number(option(args, 'backlog', '0'));
  const prefix = option(args, 'prefix', `fleet-${Date.now().toString(36)}`);
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

  let began = Date.now();
  const fleet = await Fleet.provision(hub, {
    coops,
    prefix,
    silent: Number(option(args, 'silent', '0')),
    sharedConnection: args.includes('--shared-connection'),
  });
  log(`provisioned ${coops} co-ops (${prefix}-1 …) in ${Date.now() - began} ms`);
  began = Date.now();
  await fleet.connect();
  log(`connected in ${Date.now() - began} ms; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
  began = Date.now();
  await fleet.start({ heartbeatMs: Number(option(args, 'heartbeat-ms', String(hub.HEARTBEAT_INTERVAL_MS))) });
  if (backlog > 0) {
    const ids = await fleet.publishBacklog(backlog);
    log(`published a backlog of ${ids.length} messages`);
  }

  const report = setInterval(() => {
    const t = fleet.totals();
    log(
      `registered ${fleet.registered()}/${coops} (${((Date.now() - began) / 1000).toFixed(0)} s); applied ${t.applied}, repeats ${t.repeats}, ` +
        `receipts ${t.receipts.applied}+${t.receipts.rejected} rejected, unconfirmed ${t.unconfirmed}, answered ${t.answered}, ` +
        `heartbeats ${t.heartbeats}; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    );
  }, 10_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(report);
  await fleet.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // No stream takes the co-ops' subjects until the hub has started once and made its topology.
    if ((error as { code?: string }).code === '503') console.error("no JetStream stream for the co-ops' messages: is the hub running?");
    else console.error(error);
    process.exit(1);
  },
);
