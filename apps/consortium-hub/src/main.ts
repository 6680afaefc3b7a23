import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createUser } from 'nkeys.js';

import { CoopStatus } from '@app/contracts';
import {
  HUB_TOKENS,
  loadConfig,
  readOptions,
  requiredOption,
  runAuthKeysCommand,
  runCli,
  runTokenCommand,
  SignInConfig,
} from '@app/platform';

import { hubNatsAuthorization, migrateHub, provisionHubCoop, provisionHubCoops, startHub } from './bootstrap';
import { HubConfig, HubStorageConfig } from './config/hub.config';
import { parseCoopList } from './registry';

import 'reflect-metadata';

/**
 * consortium-hub [serve]       run the hub (default)
 * consortium-hub migrate       create the database if missing and apply migrations
 * consortium-hub token --role consortium-staff|commissioner|coop [--coop ID] [--ttl 8h]
 *                              a token for this hub only, signed with AUTH_PRIVATE_KEY
 * consortium-hub auth-keys     a new sign-in key pair for the hub (AUTH_PRIVATE_KEY, AUTH_PUBLIC_KEY)
 * consortium-hub provision --coop ID --name NAME [--status S] [--sponsor ID] [--rotate] [--out PATH]
 *                              give a co-op its NKey identity; prints (or writes) its node's settings.
 *                              Not --env-file: Node 20 takes that option for itself, wherever it stands.
 * consortium-hub provision-many --file COOPS --out-dir DIR
 *                              many new co-ops at once (one per line of COOPS: "id,name"); each node's
 *                              settings in DIR/<id>.env; the NATS authorization written once
 * consortium-hub nats-config [--out PATH]   the NATS server authorization written from the registry
 * consortium-hub keygen                     a new NKey user seed and public key (e.g. the hub's own)
 */
void runCli('consortium-hub', {
  serve: async () => {
    await startHub(loadConfig(HubConfig));
  },
  migrate: async () => {
    const applied = await migrateHub(loadConfig(HubStorageConfig));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  provision: async (args) => {
    const options = readOptions(args, { values: ['coop', 'name', 'status', 'sponsor', 'out'], flags: ['rotate'] });
    const config = loadConfig(HubConfig);
    const out = await provisionHubCoop(config, {
      coopId: requiredOption(options, 'coop'),
      name: requiredOption(options, 'name'),
      status: options.values.status as CoopStatus | undefined,
      sponsorCoopId: options.values.sponsor,
      rotate: options.flags.has('rotate'),
    });
    const env = nodeSettings(out.coopId, out.seed, out.hubPublicKey, config);
    const file = options.values.out;
    if (file) {
      writeFileSync(file, env + '\n', { mode: 0o600 });
      chmodSync(file, 0o600);
      console.log(`provisioned ${out.coopId} (public key ${out.publicKey}); its node's settings are in ${file}`);
    } else {
      console.log(env);
    }
    if (out.authFile) console.error(`NATS authorization rewritten: ${out.authFile} (reload the server: nats-server --signal reload)`);
  },
  'provision-many': async (args) => {
    const options = readOptions(args, { values: ['file', 'out-dir'] });
    const requests = parseCoopList(readFileSync(requiredOption(options, 'file'), 'utf8'));
    const dir = requiredOption(options, 'out-dir');
    const config = loadConfig(HubConfig);
    const out = await provisionHubCoops(config, requests);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const coop of out.coops) {
      const file = join(dir, `${coop.coopId}.env`);
      writeFileSync(file, nodeSettings(coop.coopId, coop.seed, out.hubPublicKey, config) + '\n', { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    console.log(`provisioned ${out.coops.length} co-ops; their nodes' settings are in ${dir}/<coop id>.env`);
    if (out.authFile) console.error(`NATS authorization rewritten: ${out.authFile} (reload the server: nats-server --signal reload)`);
  },
  'nats-config': async (args) => {
    const file = readOptions(args, { values: ['out'] }).values.out;
    const text = await hubNatsAuthorization(loadConfig(HubConfig));
    if (file) writeFileSync(file, text, { mode: 0o600 });
    else process.stdout.write(text);
  },
  keygen: async (args) => {
    readOptions(args, {});
    const pair = createUser();
    console.log(`NATS_NKEY_SEED=${Buffer.from(pair.getSeed()).toString()}`);
    console.log(`# public key: ${pair.getPublicKey()}`);
  },
  'auth-keys': async (args) => {
    console.log(runAuthKeysCommand(args));
  },
  token: async (args) => {
    console.log(runTokenCommand(args, loadConfig(SignInConfig), HUB_TOKENS));
  },
});

/** A node's settings from its provisioning: its identity, its key, the hub's key and where NATS is. */
function nodeSettings(coopId: string, seed: string, hubPublicKey: string, config: HubConfig): string {
  return [
    `COOP_ID=${coopId}`,
    `NATS_NKEY_SEED=${seed}`,
    `HUB_PUBLIC_KEY=${hubPublicKey}`,
    `NATS_URL=${config.NATS_URL}`,
    `NATS_SUBJECT_ROOT=${config.NATS_SUBJECT_ROOT}`,
  ].join('\n');
}
