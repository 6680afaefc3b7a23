import 'reflect-metadata';
import { chmodSync, writeFileSync } from 'node:fs';
import { createUser } from 'nkeys.js';
import { CoopStatus } from '@app/contracts';
import { HUB_AUDIENCE, HUB_ROLES, SignInConfig, loadConfig, runCli, runTokenCommand } from '@app/platform';
import { HubConfig, HubStorageConfig } from './config/hub.config';
import { hubNatsAuthorization, migrateHub, provisionHubCoop, startHub } from './bootstrap';

/**
 * consortium-hub [serve]       run the hub (default)
 * consortium-hub migrate       create the database if missing and apply migrations
 * consortium-hub token --role consortium-staff|commissioner|coop [--coop ID] [--ttl 8h]
 * consortium-hub provision --coop ID --name NAME [--status S] [--sponsor ID] [--rotate] [--env-file PATH]
 *                              give a co-op its NKey identity; prints (or writes) its node's settings
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
    const config = loadConfig(HubConfig);
    const out = await provisionHubCoop(config, {
      coopId: required(args, 'coop'),
      name: required(args, 'name'),
      status: option(args, 'status') as CoopStatus | undefined,
      sponsorCoopId: option(args, 'sponsor'),
      rotate: args.includes('--rotate'),
    });
    const env = [
      `COOP_ID=${out.coopId}`,
      `NATS_NKEY_SEED=${out.seed}`,
      `HUB_PUBLIC_KEY=${out.hubPublicKey}`,
      `NATS_URL=${config.NATS_URL}`,
      `NATS_SUBJECT_ROOT=${config.NATS_SUBJECT_ROOT}`,
    ].join('\n');
    const file = option(args, 'env-file');
    if (file) {
      writeFileSync(file, env + '\n', { mode: 0o600 });
      chmodSync(file, 0o600);
      console.log(`provisioned ${out.coopId} (public key ${out.publicKey}); its node's settings are in ${file}`);
    } else {
      console.log(env);
    }
    if (out.authFile) console.error(`NATS authorization rewritten: ${out.authFile} (reload the server: nats-server --signal reload)`);
  },
  'nats-config': async (args) => {
    const text = await hubNatsAuthorization(loadConfig(HubConfig));
    const file = option(args, 'out');
    if (file) writeFileSync(file, text, { mode: 0o600 });
    else process.stdout.write(text);
  },
  keygen: async () => {
    const pair = createUser();
    console.log(`NATS_NKEY_SEED=${Buffer.from(pair.getSeed()).toString()}`);
    console.log(`# public key: ${pair.getPublicKey()}`);
  },
  token: async (args) => {
    const config = loadConfig(SignInConfig);
    console.log(runTokenCommand(args, config.JWT_SECRET, HUB_AUDIENCE, HUB_ROLES));
  },
});

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function required(args: string[], name: string): string {
  const value = option(args, name);
  if (!value) throw new Error(`--${name} is required`);
  return value;
}
