import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoopStatus } from '@app/contracts';
import { Principal } from '@app/platform';
import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { RegistryErrors } from './registry.errors';
import { refreshNatsAuthorization } from './write-nats-authorization';

/** Consortium staff move a co-op through its lifecycle (e.g. trading, suspended, left). */
@Injectable()
export class ChangeCoopStatus {
  private readonly logger = new Logger(ChangeCoopStatus.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async execute(coopId: string, status: CoopStatus, by: Principal): Promise<void> {
    const [before] = await this.dataSource.query('SELECT status FROM coop WHERE id = $1', [coopId]);
    if (!before) throw RegistryErrors.notFound(coopId);
    await this.dataSource.query('UPDATE coop SET status = $2, updated_at = now() WHERE id = $1', [coopId, status]);
    this.logger.log({ msg: 'co-op status changed', coopId, status, by: by.subject });
    // A co-op that leaves loses its NATS identity; one that comes back gets it again.
    if ((before.status === 'left') !== (status === 'left')) await refreshNatsAuthorization(this.dataSource, this.config);
  }
}
