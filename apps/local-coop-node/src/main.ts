import 'reflect-metadata';
import { NODE_ROLES, loadConfig, nodeAudience, runCli, runTokenCommand } from '@app/platform';
import { NodeConfig } from './config/node.config';
import { migrateNode, startNode } from './bootstrap';

/**
 * local-coop-node [serve]      run the co-op's node (default)
 * local-coop-node migrate      create the co-op's database if missing and apply migrations
 * local-coop-node token --role coop-admin|member [--member ID] [--ttl 8h]
 */
void runCli('local-coop-node', {
  serve: async () => {
    await startNode(loadConfig(NodeConfig));
  },
  migrate: async () => {
    const applied = await migrateNode(loadConfig(NodeConfig));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  token: async (args) => {
    const config = loadConfig(NodeConfig);
    console.log(runTokenCommand(args, config.JWT_SECRET, nodeAudience(config.COOP_ID), NODE_ROLES));
  },
});
