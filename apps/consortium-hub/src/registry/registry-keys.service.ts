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
  private loading: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * A key out of date (or never read) reloads every co-op's key in one query, which callers waiting
   * at the same time share. One query a co-op, as this was, meant a thousand queries every TTL_MS
   * under 1,000 co-ops' heartbeats, and a thousand at once for the first live question after a start:
   * enough to empty the pool and make heartbeats fail as "the database is unavailable".
   */
  async keyFor(coopId: string): Promise<string | null> {
    const hit = this.cache.get(coopId);
    if (hit && Date.now() - hit.at < (hit.key ? TTL_MS : MISSING_TTL_MS)) return hit.key;
    await this.reload();
    const loaded = this.cache.get(coopId);
    if (loaded && loaded.key) return loaded.key;
    this.cache.set(coopId, { key: null, at: loaded?.at ?? Date.now() });
    return null;
  }

  forget(coopId: string): void {
    this.cache.delete(coopId);
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const at = Date.now();
        const rows: { id: string; public_key: string }[] = await this.dataSource.query(
          `SELECT id, public_key FROM coop WHERE public_key IS NOT NULL AND status <> 'left'`,
        );
        const keys = new Map(rows.map((r) => [r.id, r.public_key]));
        // A co-op that has left, or lost its key, is forgotten with the rest.
        for (const [id, entry] of this.cache) if (entry.key && !keys.has(id)) this.cache.delete(id);
        for (const [id, key] of keys) this.cache.set(id, { key, at });
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
