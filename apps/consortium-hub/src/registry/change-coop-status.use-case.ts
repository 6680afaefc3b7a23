import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus } from '@app/contracts';
import { SIGNATURE_KEYS } from '@app/federation';
import { Principal } from '@app/platform';

import { NatsAuthorizationSync } from './nats-authorization-sync.service';
import { RegistryErrors } from './registry.errors';
import { RegistryKeys } from './registry-keys.service';

/**
 * Consortium staff move a co-op through its lifecycle (e.g. trading, suspended, left). Leaving takes
 * effect at once: the hub stops taking the co-op's messages the moment the change commits, and the
 * NATS server drops its connection as soon as the rewritten authorization is reloaded.
 */
@Injectable()
export class ChangeCoopStatus {
  private readonly logger = new Logger(ChangeCoopStatus.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SIGNATURE_KEYS) private readonly keys: RegistryKeys,
    private readonly natsAuthorization: NatsAuthorizationSync,
  ) {}

  async execute(coopId: string, status: CoopStatus, by: Principal): Promise<void> {
    const before: string = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT status FROM coop WHERE id = $1 FOR UPDATE', [coopId]);
      if (!row) throw RegistryErrors.notFound(coopId);
      await m.query('UPDATE coop SET status = $2, updated_at = now() WHERE id = $1', [coopId, status]);
      return row.status;
    });
    this.keys.forget(coopId);
    this.logger.log({ msg: 'co-op status changed', coopId, status, by: by.subject });
    // After the commit, so the authorization is written from the registry as it now stands. A failure
    // does not undo the change: it is shown on GET /coops/nats-authorization and retried.
    if ((before === 'left') !== (status === 'left')) await this.natsAuthorization.sync();
  }
}
