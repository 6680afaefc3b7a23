import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoopStatus } from '@app/contracts';
import { Principal, safeErrorMessage } from '@app/platform';
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
    const before: string = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT status FROM coop WHERE id = $1 FOR UPDATE', [coopId]);
      if (!row) throw RegistryErrors.notFound(coopId);
      await m.query('UPDATE coop SET status = $2, updated_at = now() WHERE id = $1', [coopId, status]);
      return row.status;
    });
    this.logger.log({ msg: 'co-op status changed', coopId, status, by: by.subject });
    // A co-op that leaves loses its NATS identity; one that comes back gets it again. Written after
    // the commit, from the registry as it then stands, so concurrent changes end in the right file.
    if ((before === 'left') !== (status === 'left')) {
      await refreshNatsAuthorization(this.dataSource, this.config).catch((error: Error) =>
        this.logger.error({ msg: 'NATS authorization not rewritten; run "consortium-hub nats-config"', coopId, reason: safeErrorMessage(error) }),
      );
    }
  }
}
