import { renameSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { subjectScheme } from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';
import { HubConfig } from '../config/hub.config';
import { natsAuthorization } from './nats-authorization';

/** The authorization block for every co-op that has a key and has not left. */
export async function renderNatsAuthorization(ds: DataSource, config: HubConfig): Promise<string> {
  const coops: { id: string; public_key: string }[] = await ds.query(`SELECT id, public_key FROM coop WHERE public_key IS NOT NULL AND status <> 'left' ORDER BY id`);
  return natsAuthorization(
    subjectScheme(config.NATS_SUBJECT_ROOT),
    new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey,
    coops.map((c) => ({ coopId: c.id, publicKey: c.public_key })),
  );
}

/** Rewrites NATS_AUTH_FILE (atomically: the server never reads half a file) when it is configured. */
export async function refreshNatsAuthorization(ds: DataSource, config: HubConfig): Promise<string | null> {
  if (!config.NATS_AUTH_FILE) return null;
  const text = await renderNatsAuthorization(ds, config);
  const tmp = `${config.NATS_AUTH_FILE}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, config.NATS_AUTH_FILE);
  return config.NATS_AUTH_FILE;
}
