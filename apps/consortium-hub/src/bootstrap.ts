import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHttpApp, ensureDatabase } from '@app/platform';
import { HubConfig } from './config/hub.config';
import { hubDataSourceOptions } from './database/database-options';
import { HubModule } from './hub.module';
import { version } from '../../../package.json';

export const HUB_VERSION: string = version;

/** Creates the hub's database if missing and applies pending migrations. */
export async function migrateHub(config: HubConfig): Promise<string[]> {
  await ensureDatabase({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: config.DB_NAME });
  const ds = await new DataSource(hubDataSourceOptions(config)).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Migrates, then starts the hub's HTTP API and federation; listens once everything is ready. */
export async function startHub(config: HubConfig): Promise<INestApplication> {
  await migrateHub(config);
  const app = await createHttpApp(HubModule.forRoot(config), {
    title: 'Care Co-op Mesh — consortium hub',
    description: 'Registry of member co-ops, and (in later releases) reporting, procurement, recruitment and onboarding.',
    version: HUB_VERSION,
    bodyLimitKb: config.HTTP_BODY_LIMIT_KB,
    corsOrigins: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',') : [],
  });
  await app.listen(config.PORT, config.HOST);
  return app;
}
