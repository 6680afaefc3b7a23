import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SignatureKeys } from '@app/federation';

const TTL_MS = 30_000;
/** A co-op with no key is looked up again soon (it may just have been provisioned), but not per message. */
const MISSING_TTL_MS = 2_000;

/**
 * The key each co-op must sign with, from its registry entry; none for a co-op that has left, so
 * nothing it sends counts (durable messages, heartbeats, live answers). Cached briefly: every message
 * is checked. A status change on this hub forgets the co-op at once; a key rotated by the `provision`
 * command, or a status changed on another hub instance, takes effect here within TTL_MS.
 */
@Injectable()
export class RegistryKeys implements SignatureKeys {
  private readonly cache = new Map<string, { key: string | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async keyFor(coopId: string): Promise<string | null> {
    const hit = this.cache.get(coopId);
    if (hit && Date.now() - hit.at < (hit.key ? TTL_MS : MISSING_TTL_MS)) return hit.key;
    const [row] = await this.dataSource.query(`SELECT public_key FROM coop WHERE id = $1 AND status <> 'left'`, [coopId]);
    const key: string | null = row?.public_key ?? null;
    this.cache.set(coopId, { key, at: Date.now() });
    return key;
  }

  forget(coopId: string): void {
    this.cache.delete(coopId);
  }
}
