import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignatureKeys } from '@app/federation';

const TTL_MS = 30_000;

/**
 * The key each co-op must sign with, from its registry entry. Cached briefly: every message is
 * checked, and a key changes only when a co-op is provisioned again (effective within TTL_MS).
 */
@Injectable()
export class RegistryKeys implements SignatureKeys {
  private readonly cache = new Map<string, { key: string | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async keyFor(coopId: string): Promise<string | null> {
    const hit = this.cache.get(coopId);
    if (hit && Date.now() - hit.at < TTL_MS && hit.key) return hit.key;
    const [row] = await this.dataSource.query(`SELECT public_key FROM coop WHERE id = $1 AND status <> 'left'`, [coopId]);
    const key: string | null = row?.public_key ?? null;
    this.cache.set(coopId, { key, at: Date.now() });
    return key;
  }
}
