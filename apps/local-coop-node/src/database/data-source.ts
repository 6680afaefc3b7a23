import { DataSource } from 'typeorm';
import { loadConfig } from '@app/platform';
import { NodeConfig } from '../config/node.config';
import { nodeDataSourceOptions } from './database-options';

/** For the TypeORM CLI, with COOP_ID (and the rest of the node's environment) set. */
export default new DataSource(
  nodeDataSourceOptions(loadConfig(NodeConfig, { JWT_SECRET: 'x'.repeat(32), COOP_ID: 'cli', COOP_NAME: 'cli', COOP_LOCALITIES: 'cli', ...process.env })),
);
