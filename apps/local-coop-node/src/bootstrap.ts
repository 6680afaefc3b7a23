import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { createHttpApp, ensureDatabase, runMigrationsOnce } from '@app/platform';
import { serveWebAssets } from '@app/web';

import { NodeConfig, nodeDatabaseName, NodeStorageConfig } from './config/node.config';
import { nodeDataSourceOptions } from './database/database-options';
import { NodeModule } from './node.module';
import { NODE_VERSION } from './node-version';
import { PolicyStore } from './policies';
import { InitialProfile } from './profile';
import { FoundingRulebook, RulebookStore } from './rulebook';
import { seedCoop, SeedSummary } from './seed';

/** Creates the co-op's own database if missing and applies pending migrations. */
export async function migrateNode(config: NodeStorageConfig): Promise<string[]> {
  await ensureDatabase({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: nodeDatabaseName(config),
  });
  const ds = await new DataSource(nodeDataSourceOptions(config)).initialize();
  try {
    return (await runMigrationsOnce(ds)).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

export async function startNode(config: NodeConfig): Promise<INestApplication> {
  await migrateNode(config);
  const app = await createHttpApp(NodeModule.forRoot(config), {
    title: `Care Co-op Mesh — co-op node (${config.COOP_ID})`,
    description:
      "A co-op's own node: its profile and rulebook, members and governance, workforce, care, volunteering and personal data, and its part in the consortium's reporting, live questions, purchasing and tendering. Personal data never leaves it.",
    version: NODE_VERSION,
    bodyLimitKb: config.HTTP_BODY_LIMIT_KB,
    corsOrigins: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',') : [],
  });
  serveWebAssets(app);
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    // A start refused while initialising (a bad founding templates file) leaves no connection open behind it.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** `seed`: migrates, makes sure the profile and founding rulebook exist, then fills the node with sample data. */
export async function seedNode(config: NodeStorageConfig, seed: number): Promise<SeedSummary> {
  await migrateNode(config);
  const ds = await new DataSource(nodeDataSourceOptions(config)).initialize();
  try {
    await new InitialProfile(ds, config).onModuleInit();
    await new FoundingRulebook(ds, new RulebookStore(ds), new PolicyStore(), config).onModuleInit();
    return await seedCoop(ds, { seed });
  } finally {
    await ds.destroy();
  }
}
