import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHttpApp, ensureDatabase } from '@app/platform';
import { NodeConfig, nodeDatabaseName } from './config/node.config';
import { nodeDataSourceOptions } from './database/database-options';
import { NodeModule } from './node.module';
import { NODE_VERSION } from './node-version';

/** Creates the co-op's own database if missing and applies pending migrations. */
export async function migrateNode(config: NodeConfig): Promise<string[]> {
  await ensureDatabase({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: nodeDatabaseName(config) });
  const ds = await new DataSource(nodeDataSourceOptions(config)).initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

export async function startNode(config: NodeConfig): Promise<INestApplication> {
  await migrateNode(config);
  const app = await createHttpApp(NodeModule.forRoot(config), {
    title: `Care Co-op Mesh — co-op node (${config.COOP_ID})`,
    description: "A co-op's own node: its profile and its link to the consortium hub. Personal data never leaves it.",
    version: NODE_VERSION,
  });
  await app.listen(config.PORT, config.HOST);
  return app;
}
