import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus } from '@app/contracts';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { connectivityOf } from './connectivity.rules';
import { Coop } from './coop.entity';
import { CoopPage, CoopStatusChangeView, CoopView, ListCoopsQuery } from './registry.dto';
import { RegistryErrors } from './registry.errors';

@Injectable()
export class RegistryQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async list(query: ListCoopsQuery): Promise<CoopPage> {
    const qb = this.dataSource.getRepository(Coop).createQueryBuilder('c').orderBy('c.name').addOrderBy('c.id');
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.locality) qb.andWhere(':locality = ANY(c.localities)', { locality: query.locality });
    if (query.service) qb.andWhere(':service = ANY(c.services_offered)', { service: query.service });
    if (query.connectivity) {
      const cutoff = new Date(Date.now() - this.config.HEARTBEAT_TIMEOUT_MS);
      if (query.connectivity === 'never-seen') qb.andWhere('c.last_heartbeat_at IS NULL');
      if (query.connectivity === 'online') qb.andWhere('c.last_heartbeat_at >= :cutoff', { cutoff });
      if (query.connectivity === 'offline') qb.andWhere('c.last_heartbeat_at < :cutoff', { cutoff });
    }
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    const now = new Date();
    return { items: rows.map((c) => this.view(c, now)), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<CoopView> {
    const coop = await this.dataSource.getRepository(Coop).findOneBy({ id });
    if (!coop) throw RegistryErrors.notFound(id);
    return this.view(coop, new Date());
  }

  /** Every status the co-op has had, oldest first, with who changed it and their note. */
  async statusHistory(id: string): Promise<CoopStatusChangeView[]> {
    const [known]: unknown[] = await this.dataSource.query('SELECT 1 FROM coop WHERE id = $1', [id]);
    if (!known) throw RegistryErrors.notFound(id);
    const rows: { from_status: CoopStatus | null; to_status: CoopStatus; note: string | null; changed_by: string; changed_at: Date }[] =
      await this.dataSource.query(
        'SELECT from_status, to_status, note, changed_by, changed_at FROM coop_status_change WHERE coop_id = $1 ORDER BY changed_at, id',
        [id],
      );
    return rows.map((r) => ({
      fromStatus: r.from_status,
      toStatus: r.to_status,
      note: r.note,
      changedBy: r.changed_by,
      changedAt: new Date(r.changed_at).toISOString(),
    }));
  }

  /**
   * Co-ops of these statuses with what a live question needs (id, name, localities, online now), in
   * the registry's order, from one plain query. The live question read them through list(), page by
   * page with a count and whole entities: at 1,000 co-ops, tens of milliseconds before asking.
   */
  async members(statuses: CoopStatus[]): Promise<{ coopId: string; name: string; localities: string[]; online: boolean }[]> {
    const rows: { id: string; name: string; localities: string[]; last_heartbeat_at: Date | null }[] = await this.dataSource.query(
      'SELECT id, name, localities, last_heartbeat_at FROM coop WHERE status = ANY($1::text[]) ORDER BY name, id',
      [statuses],
    );
    const now = new Date();
    return rows.map((r) => ({
      coopId: r.id,
      name: r.name,
      localities: r.localities,
      online: connectivityOf(r.last_heartbeat_at, now, this.config.HEARTBEAT_TIMEOUT_MS) === 'online',
    }));
  }

  async allIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM coop');
    return rows.map((r) => r.id);
  }

  private view(c: Coop, now: Date): CoopView {
    return {
      id: c.id,
      name: c.name,
      legalForm: c.legalForm,
      localities: c.localities,
      servicesOffered: c.servicesOffered,
      registrationNumber: c.registrationNumber,
      cqcRating: c.cqcRating,
      sponsorCoopId: c.sponsorCoopId,
      status: c.status,
      connectivity: connectivityOf(c.lastHeartbeatAt, now, this.config.HEARTBEAT_TIMEOUT_MS),
      lastHeartbeatAt: c.lastHeartbeatAt?.toISOString() ?? null,
      nodeVersion: c.nodeVersion,
      registeredAt: c.registeredAt.toISOString(),
    };
  }
}
