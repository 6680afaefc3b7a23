import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppMetrics } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';

/**
 * The registry's Prometheus figures, read at each scrape: co-ops by connectivity (as the registry judges
 * it: a heartbeat within HEARTBEAT_TIMEOUT_MS is online), and the heartbeat lag, the age of the oldest
 * last heartbeat among the co-ops online (how close the slowest is to being counted offline).
 */
@Injectable()
export class RegistryMetrics {
  constructor(dataSource: DataSource, @Inject(HUB_CONFIG) config: HubConfig, @Optional() metrics?: AppMetrics) {
    if (!metrics) return;
    // Both gauges come from one query, made once per scrape (they are collected one after the other).
    let last: { at: number; rows: Promise<ConnectivityCounts> } | null = null;
    const read = (): Promise<ConnectivityCounts> => {
      if (!last || Date.now() - last.at > 1000)
        last = { at: Date.now(), rows: connectivityCounts(dataSource, config.HEARTBEAT_TIMEOUT_MS) };
      return last.rows;
    };
    metrics.gauge<'connectivity'>({
      name: 'ccm_coops',
      help: 'Member co-ops by connectivity: online (heartbeat within the timeout), offline, never-seen',
      labelNames: ['connectivity'],
      async collect() {
        const counts = await read();
        this.set({ connectivity: 'online' }, counts.online);
        this.set({ connectivity: 'offline' }, counts.offline);
        this.set({ connectivity: 'never-seen' }, counts.never_seen);
      },
    });
    metrics.gauge({
      name: 'ccm_heartbeat_lag_seconds',
      help: 'Age of the oldest last heartbeat among the co-ops online (0 when none is online)',
      async collect() {
        this.set((await read()).lag);
      },
    });
  }
}

interface ConnectivityCounts {
  online: number;
  offline: number;
  never_seen: number;
  lag: number;
}

async function connectivityCounts(dataSource: DataSource, timeoutMs: number): Promise<ConnectivityCounts> {
  const [row] = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE last_heartbeat_at >= now() - make_interval(secs => $1))::int AS online,
            count(*) FILTER (WHERE last_heartbeat_at < now() - make_interval(secs => $1))::int AS offline,
            count(*) FILTER (WHERE last_heartbeat_at IS NULL)::int AS never_seen,
            coalesce(extract(epoch FROM now() - min(last_heartbeat_at) FILTER (WHERE last_heartbeat_at >= now() - make_interval(secs => $1))), 0)::float AS lag
       FROM coop`,
    [timeoutMs / 1000],
  )) as ConnectivityCounts[];
  return row;
}
