import { DataSource } from 'typeorm';

import { loadConfig } from '@app/platform';

import { HubStorageConfig } from '../config/hub.config';
import { hubDataSourceOptions } from './database-options';

/** For the TypeORM CLI: `typeorm-ts-node-commonjs -d apps/consortium-hub/src/database/data-source.ts migration:show`. */
export default new DataSource(hubDataSourceOptions(loadConfig(HubStorageConfig)));
