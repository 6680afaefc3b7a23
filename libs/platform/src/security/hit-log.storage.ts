import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** One client's hits, each as the time it stops counting, oldest first; `head` is the first still counted. */
interface HitLog {
  expiries: number[];
  head: number;
}

interface ClientRecord {
  readonly hits: Map<string, HitLog>;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

const SWEEP_MS = 60_000;

/**
 * The rate limiter's memory: what @nestjs/throttler's own in-memory storage does, hit for hit (a
 * sliding log of each client's hits in the window, a client over the limit blocked for the block
 * duration), without its cost per request. That storage copies a client's whole log on every request
 * to drop the expired hits, so a client making N requests a window paid for N hits each time, and
 * memory churned at the same rate. Hits are logged in the order they expire, so here the expired ones
 * are at the front: dropping them moves an index, and the log is compacted now and then.
 */
export class HitLogStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly clients = new Map<string, ClientRecord>();
  private sweep?: NodeJS.Timeout;

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.sweep ??= setInterval(() => this.evictIdle(Date.now()), SWEEP_MS).unref();
    const now = Date.now();
    let client = this.clients.get(key);
    if (!client) {
      client = { hits: new Map(), expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false };
      this.clients.set(key, client);
    }
    const log = liveHits(client, throttlerName, now);
    let timeToExpire = secondsUntil(client.expiresAt, now);
    if (timeToExpire <= 0) {
      client.expiresAt = now + ttl;
      timeToExpire = secondsUntil(client.expiresAt, now);
    }
    if (blockDuration <= 0) {
      const isBlocked = count(log) >= limit;
      if (!isBlocked) log.expiries.push(now + ttl);
      return {
        totalHits: count(log) + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? (count(log) ? secondsUntil(log.expiries[log.head], now) : timeToExpire) : 0,
      };
    }
    if (!client.isBlocked) log.expiries.push(now + ttl);
    if (count(log) > limit && !client.isBlocked) {
      client.isBlocked = true;
      client.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = secondsUntil(client.blockExpiresAt, now);
    if (timeToBlockExpire <= 0 && client.isBlocked) {
      client.isBlocked = false;
      client.hits.set(throttlerName, { expiries: [now + ttl], head: 0 });
    }
    return {
      totalHits: count(client.hits.get(throttlerName)!),
      timeToExpire,
      isBlocked: client.isBlocked,
      timeToBlockExpire,
    };
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
    this.clients.clear();
  }

  /** Forgets clients with nothing left to count or block, as the library's storage does every minute. */
  private evictIdle(now: number): void {
    for (const [key, client] of this.clients) {
      if (client.isBlocked && client.blockExpiresAt > now) continue;
      if (client.expiresAt > now) continue;
      if ([...client.hits.keys()].some((name) => count(liveHits(client, name, now)) > 0)) continue;
      this.clients.delete(key);
    }
  }
}

/** The client's log for this limit with the expired hits dropped from the front. */
function liveHits(client: ClientRecord, throttlerName: string, now: number): HitLog {
  let log = client.hits.get(throttlerName);
  if (!log) {
    log = { expiries: [], head: 0 };
    client.hits.set(throttlerName, log);
  }
  while (log.head < log.expiries.length && log.expiries[log.head] <= now) log.head++;
  // Compact once the dropped part is the larger half: each hit is copied at most once on average.
  if (log.head > 64 && log.head * 2 > log.expiries.length) {
    log.expiries = log.expiries.slice(log.head);
    log.head = 0;
  }
  return log;
}

const count = (log: HitLog) => log.expiries.length - log.head;
const secondsUntil = (at: number, now: number) => Math.ceil((at - now) / 1000);
