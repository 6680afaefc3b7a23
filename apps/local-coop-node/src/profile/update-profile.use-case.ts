import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { COOP_PROFILE_UPDATED_V1 } from '@app/contracts';
import { curvePublicKey, OutboxRelay, OutboxService } from '@app/federation';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { CoopProfile } from './coop-profile.entity';
import { UpdateProfileDto } from './profile.dto';
import { ProfileErrors } from './profile.errors';
import { toProfilePayload, toProfileView } from './profile.mapper';

/**
 * The admin changes the public profile. The change and the message telling the hub are one
 * transaction: the hub hears of every committed change, even one made while NATS was down.
 */
@Injectable()
export class UpdateProfile {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    @Inject(NODE_CONFIG) config: NodeConfig,
  ) {
    this.sealingKey = config.NODE_CURVE_SEED ? curvePublicKey(config.NODE_CURVE_SEED) : undefined;
  }

  private readonly sealingKey: string | undefined;

  async execute(changes: UpdateProfileDto, correlationId?: string) {
    if (Object.values(changes).every((v) => v === undefined)) throw ProfileErrors.nothingToChange();
    const saved = await this.dataSource.transaction(async (m) => {
      const profile = await m.findOne(CoopProfile, { where: {}, lock: { mode: 'pessimistic_write' } });
      if (!profile) throw ProfileErrors.missing();
      Object.assign(profile, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), { updatedAt: new Date() });
      await m.save(profile);
      await this.outbox.enqueue(m, COOP_PROFILE_UPDATED_V1, toProfilePayload(profile, this.sealingKey), {
        correlationId,
        occurredAt: profile.updatedAt,
      });
      return profile;
    });
    this.relay.nudge();
    return toProfileView(saved);
  }
}
