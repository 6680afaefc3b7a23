import { Matches } from 'class-validator';

import { COOP_ID_PATTERN } from '@app/contracts';
import { newCurveKey } from '@app/federation';
import { loadConfig, nodeTokens, readOptions, runAuthKeysCommand, runCli, runTokenCommand, SignInConfig } from '@app/platform';

import { migrateNode, seedNode, startNode } from './bootstrap';
import { NodeConfig, NodeStorageConfig } from './config/node.config';
import { runJoinCommand } from './onboarding/join.command';

import 'reflect-metadata';

/** Signing a token for a node needs only its private key and which co-op it is for. */
class NodeTokenConfig extends SignInConfig {
  @Matches(COOP_ID_PATTERN, { message: 'COOP_ID must be set to the co-op id, e.g. colne-valley' })
  COOP_ID: string;
}

/**
 * local-coop-node [serve]      run the co-op's node (default)
 * local-coop-node migrate      create the co-op's database if missing and apply migrations
 * local-coop-node token --role coop-admin|member [--member ID] [--ttl 8h]
 *                              a token for this node only, signed with AUTH_PRIVATE_KEY
 * local-coop-node auth-keys    a new sign-in key pair for this node (AUTH_PRIVATE_KEY, AUTH_PUBLIC_KEY)
 * local-coop-node curve-key    a new curve key for sealed applications (NODE_CURVE_SEED) and its public key
 * local-coop-node seed [--coop ID] [--seed N]   fill an empty node with a believable sample co-op
 * local-coop-node join --hub URL --token TOKEN [--out FILE] [--force]
 *                              join the consortium with the token staff issued: makes the node's keys here,
 *                              sends the hub their public halves, writes the node's settings (mode 0600)
 */
void runCli('local-coop-node', {
  serve: async () => {
    await startNode(loadConfig(NodeConfig));
  },
  migrate: async () => {
    const applied = await migrateNode(loadConfig(NodeStorageConfig));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  seed: async (args) => {
    const { values } = readOptions(args, { values: ['coop', 'seed'] });
    const coop = values.coop;
    const seed = Number(values.seed ?? 1);
    if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number');
    const env = coop
      ? { COOP_NAME: titled(coop) + ' Care Co-op', COOP_LOCALITIES: titled(coop), ...process.env, COOP_ID: coop }
      : process.env;
    const summary = await seedNode(loadConfig(NodeStorageConfig, env), seed);
    console.log(JSON.stringify(summary));
  },
  'auth-keys': async (args) => {
    console.log(runAuthKeysCommand(args));
  },
  // Made here, on the node: the seed never leaves it; the hub learns only the public key, from the profile.
  'curve-key': async (args) => {
    readOptions(args, {});
    const key = newCurveKey();
    console.log(`NODE_CURVE_SEED=${key.seed}`);
    console.log(`# public key: ${key.publicKey}`);
  },
  join: async (args) => {
    console.log(await runJoinCommand(args));
  },
  token: async (args) => {
    const config = loadConfig(NodeTokenConfig);
    console.log(runTokenCommand(args, config, nodeTokens(config.COOP_ID)));
  },
});

function titled(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
