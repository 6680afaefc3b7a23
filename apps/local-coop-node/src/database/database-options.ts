import { DataSourceOptions } from 'typeorm';
import { FEDERATION_ENTITIES, FederationTables1764000000000 } from '@app/federation';
import { postgresOptions } from '@app/platform';
import { NodeConfig, nodeDatabaseName } from '../config/node.config';
import { HubLink } from '../hub-link/hub-link.entity';
import { CoopProfile } from '../profile/coop-profile.entity';
import { NodeProfile1764000000200 } from './migrations/1764000000200-node-profile';

export const NODE_ENTITIES = [...FEDERATION_ENTITIES, CoopProfile, HubLink];
export const NODE_MIGRATIONS = [FederationTables1764000000000, NodeProfile1764000000200];

export function nodeDataSourceOptions(config: NodeConfig): DataSourceOptions {
  return postgresOptions(
    { host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: nodeDatabaseName(config) },
    { entities: NODE_ENTITIES, migrations: NODE_MIGRATIONS, applicationName: `local-coop-node:${config.COOP_ID}` },
  );
}
