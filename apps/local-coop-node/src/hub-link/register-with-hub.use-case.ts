import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { COOP_REGISTERED_V1 } from '@app/contracts';
import { curvePublicKey, OutboxRelay, OutboxService } from '@app/federation';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { ProfileQueries, toProfilePayload } from '../profile';

/**
 * At every start the node (re)registers with the hub, with its current profile and version, through
 * the outbox: a node started while NATS is down registers as soon as it is back. A registration still
 * waiting for its receipt is not queued twice.
 */
@Injectable()
export class RegisterWithHub implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegisterWithHub.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    @Inject(NODE_CONFIG) config: NodeConfig,
  ) {
    this.sealingKey = config.NODE_CURVE_SEED ? curvePublicKey(config.NODE_CURVE_SEED) : undefined;
  }

  private readonly sealingKey: string | undefined;

  async onApplicationBootstrap(): Promise<void> {
    await this.execute();
  }

  async execute(): Promise<boolean> {
    const queued = await this.dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE coop_profile IN SHARE ROW EXCLUSIVE MODE');
      const [waiting] = await m.query(`SELECT 1 FROM outbox_message WHERE type = $1 AND status IN ('pending', 'published') LIMIT 1`, [
        COOP_REGISTERED_V1.type,
      ]);
      if (waiting) return false;
      await this.outbox.enqueue(m, COOP_REGISTERED_V1, toProfilePayload(await this.profiles.current(), this.sealingKey), {});
      return true;
    });
    this.logger.log({ msg: queued ? 'registration queued for the hub' : 'registration already waiting for the hub' });
    this.relay.nudge();
    return queued;
  }
}
