import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { EnvelopeSigner } from '@app/federation';
import { createHttpApp, ensureDatabase, runMigrationsOnce } from '@app/platform';
import { serveWebAssets } from '@app/web';

import { version } from '../../../package.json';
import { HubConfig, HubStorageConfig } from './config/hub.config';
import { hubDataSourceOptions } from './database/database-options';
import { HubModule } from './hub.module';
import {
  provisionCoop,
  provisionCoops,
  ProvisionedCoop,
  ProvisionRequest,
  refreshNatsAuthorization,
  renderNatsAuthorization,
} from './registry';

export const HUB_VERSION: string = version;

/** Creates the hub's database if missing and applies pending migrations. */
export async function migrateHub(config: HubStorageConfig): Promise<string[]> {
  await ensureDatabase({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
  });
  const ds = await new DataSource(hubDataSourceOptions(config)).initialize();
  try {
    const applied = await runMigrationsOnce(ds);
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
    description:
      'The consortium hub: the registry of member co-ops, aggregated reporting with disclosure control, live questions, joint purchasing and joint tendering. No personal data about the people of a co-op reaches it.',
    version: HUB_VERSION,
    bodyLimitKb: config.HTTP_BODY_LIMIT_KB,
    corsOrigins: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',') : [],
  });
  serveWebAssets(app);
  await app.listen(config.PORT, config.HOST);
  return app;
}

async function withHubDatabase<T>(config: HubConfig, work: (ds: DataSource) => Promise<T>): Promise<T> {
  await migrateHub(config);
  const ds = await new DataSource(hubDataSourceOptions(config)).initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

export interface ProvisionOutcome extends ProvisionedCoop {
  hubPublicKey: string;
  authFile: string | null;
}

/** `provision`: registers a co-op's identity and returns the settings its node needs (seed included). */
export async function provisionHubCoop(config: HubConfig, request: ProvisionRequest): Promise<ProvisionOutcome> {
  return withHubDatabase(config, async (ds) => {
    const coop = await provisionCoop(ds, request);
    const authFile = await refreshNatsAuthorization(ds, config);
    return { ...coop, hubPublicKey: new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey, authFile };
  });
}

/**
 * Many new co-ops at once: provisioned in one transaction, then NATS_AUTH_FILE written (and the
 * server reloaded) once, not once per co-op. Each co-op's seed is in the answer, as with `provision`.
 */
export async function provisionHubCoops(
  config: HubConfig,
  requests: ProvisionRequest[],
): Promise<{ coops: ProvisionedCoop[]; hubPublicKey: string; authFile: string | null }> {
  return withHubDatabase(config, async (ds) => {
    const coops = await provisionCoops(ds, requests);
    const authFile = await refreshNatsAuthorization(ds, config);
    return { coops, hubPublicKey: new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey, authFile };
  });
}

/** `nats-config`: the NATS server authorization for the registry as it is now. */
export async function hubNatsAuthorization(config: HubConfig): Promise<string> {
  return withHubDatabase(config, (ds) => renderNatsAuthorization(ds, config));
}
