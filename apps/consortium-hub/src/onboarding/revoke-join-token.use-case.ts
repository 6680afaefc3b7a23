import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { JoinErrors } from './join.errors';
import { joinTokenState } from './join-token.rules';
import { JoinTokenStore } from './join-token.store';

/** Staff withdraw a waiting join token (handed to the wrong person, or no longer wanted). */
@Injectable()
export class RevokeJoinToken {
  private readonly logger = new Logger(RevokeJoinToken.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: JoinTokenStore,
  ) {}

  async execute(id: string, by: Principal, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const token = await this.store.lockById(m, id);
      if (!token) throw JoinErrors.tokenNotFound(id);
      const state = joinTokenState(token, now);
      if (state !== 'waiting') throw JoinErrors.notRevocable(id, state);
      await this.store.revoke(m, id, now);
    });
    this.logger.log({ msg: 'join token revoked', tokenId: id, by: by.subject });
  }
}
