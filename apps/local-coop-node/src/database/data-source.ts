import { DataSource } from 'typeorm';

import { loadConfig } from '@app/platform';

import { NodeStorageConfig } from '../config/node.config';
import { nodeDataSourceOptions } from './database-options';

/** For the TypeORM CLI, with COOP_ID (and the rest of the node's environment) set. */
export default new DataSource(
  nodeDataSourceOptions(loadConfig(NodeStorageConfig, { COOP_ID: 'cli', COOP_NAME: 'cli', COOP_LOCALITIES: 'cli', ...process.env })),
);
