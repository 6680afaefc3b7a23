import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { subjectScheme } from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { natsAuthorization, NatsUser } from './nats-authorization.rules';
import { signalNatsReload } from './nats-server-reload';

/** Every co-op that has a key and has not left: the co-ops NATS lets in. */
export async function registryNatsUsers(ds: DataSource): Promise<NatsUser[]> {
  const coops: { id: string; public_key: string }[] = await ds.query(
    `SELECT id, public_key FROM coop WHERE public_key IS NOT NULL AND status <> 'left' ORDER BY id`,
  );
  return coops.map((c) => ({ coopId: c.id, publicKey: c.public_key }));
}

/** The authorization block for the registry as it stands. */
export async function renderNatsAuthorization(ds: DataSource, config: HubConfig, users?: NatsUser[]): Promise<string> {
  return natsAuthorization(
    subjectScheme(config.NATS_SUBJECT_ROOT),
    new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey,
    users ?? (await registryNatsUsers(ds)),
  );
}

export interface WrittenFile {
  /** False when the file already said exactly this. */
  changed: boolean;
  /** The file's modification time after the call: a later, different one means someone else wrote it. */
  mtimeMs: number;
}

/**
 * Writes the file only if its text differs, atomically (a rename: the server never reads half a
 * file), readable by its owner alone (it names every co-op's key).
 */
export function writeIfChanged(file: string, text: string): WrittenFile {
  let current: string | null = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== text) {
    // A name of its own per write: several hub instances may keep one shared file (every NATS server of
    // a cluster includes it), and two writers sharing one temporary file could rename a half-written one
    // into place — an authorization a server might reload with co-ops missing.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
  }
  return { changed: current !== text, mtimeMs: statSync(file).mtimeMs };
}

/**
 * For the `provision` command, a process of its own: rewrites NATS_AUTH_FILE and, with
 * NATS_SERVER_PID_FILE, has the server reload it at once. A failed reload does not undo the
 * provisioning (the seed must still reach the co-op): it is reported, and the running hub, which
 * notices the file changed, reloads within NATS_AUTH_CHECK_MS.
 */
export async function refreshNatsAuthorization(ds: DataSource, config: HubConfig): Promise<string | null> {
  if (!config.NATS_AUTH_FILE) return null;
  const { changed } = writeIfChanged(config.NATS_AUTH_FILE, await renderNatsAuthorization(ds, config));
  if (changed && config.NATS_SERVER_PID_FILE) {
    await signalNatsReload(config.NATS_SERVER_PID_FILE).catch((error: unknown) =>
      new Logger('NatsAuthorization').error({
        msg: 'NATS authorization written but the server was not reloaded; the running hub retries',
        reason: safeErrorMessage(error),
      }),
    );
  }
  return config.NATS_AUTH_FILE;
}
