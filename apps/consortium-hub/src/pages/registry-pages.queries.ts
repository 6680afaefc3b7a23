import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

import { ukDateTime, ukDayOf } from '@app/web';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { Connectivity, CoopView, ListCoopsQuery, RegistryQueries } from '../registry';
import { connectivityTag, REGISTRY_PAGE_SIZE, statusLabel, timeAgo } from './registry-pages.rules';

/**
 * What the registry pages show, read through the registry API's own queries (GET /coops, its
 * connectivity filter for the counts, GET /coops/:id and its status history): online means what the API
 * says it means, a heartbeat within HEARTBEAT_TIMEOUT_MS.
 */
@Injectable()
export class RegistryPages {
  constructor(
    private readonly registry: RegistryQueries,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  /** One page of the registry by name, and how many co-ops are online, offline and never seen. */
  async overview(page: number) {
    const list = (filter: Partial<ListCoopsQuery>) => this.registry.list(plainToInstance(ListCoopsQuery, filter));
    const count = async (connectivity: Connectivity) => (await list({ connectivity, limit: 1 })).total;
    const [coops, online, offline, neverSeen] = await Promise.all([
      list({ limit: REGISTRY_PAGE_SIZE, offset: (page - 1) * REGISTRY_PAGE_SIZE }),
      count('online'),
      count('offline'),
      count('never-seen'),
    ]);
    const now = new Date();
    return {
      coops: coops.items.map((c) => this.row(c, now)),
      total: coops.total,
      counts: { online, offline, neverSeen },
      timeoutSeconds: this.config.HEARTBEAT_TIMEOUT_MS / 1000,
    };
  }

  /** One co-op with every status it has had, oldest first. */
  async coop(coopId: string) {
    const coop = await this.registry.get(coopId);
    const history = await this.registry.statusHistory(coopId);
    return {
      coop: this.row(coop, new Date()),
      history: history.map((h) => ({
        ...h,
        from: h.fromStatus ? statusLabel(h.fromStatus) : '–',
        to: statusLabel(h.toStatus),
        at: ukDateTime(h.changedAt),
      })),
      timeoutSeconds: this.config.HEARTBEAT_TIMEOUT_MS / 1000,
    };
  }

  private row(c: CoopView, now: Date) {
    return {
      ...c,
      statusText: statusLabel(c.status),
      tag: connectivityTag(c.connectivity),
      heartbeat: ukDateTime(c.lastHeartbeatAt),
      heartbeatAgo: timeAgo(c.lastHeartbeatAt, now),
      joined: ukDayOf(c.registeredAt),
    };
  }
}
