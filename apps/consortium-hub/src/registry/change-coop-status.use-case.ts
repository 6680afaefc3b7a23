import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus } from '@app/contracts';
import { OutboxRelay, SIGNATURE_KEYS } from '@app/federation';
import { Principal } from '@app/platform';

import { CoopMembershipHooks } from './coop-membership.hooks';
import { setCoopStatus } from './coop-status.store';
import { NatsAuthorizationSync } from './nats-authorization-sync.service';
import { RegistryKeys } from './registry-keys.service';

/**
 * Consortium staff move a co-op through its lifecycle (e.g. trading, suspended, left). Leaving takes
 * effect at once: the hub stops taking the co-op's messages the moment the change commits, and the
 * NATS server drops its connection as soon as the rewritten authorization is reloaded. Every change,
 * with the staff member's note, goes into the co-op's status history in the same transaction (a
 * repeat of the current status too: the note is the record of a decision). Leaving also settles, in
 * that transaction, what waited on the co-op's answer, and being taken back after leaving tells its node
 * what was settled meanwhile (CoopMembershipHooks).
 */
@Injectable()
export class ChangeCoopStatus {
  private readonly logger = new Logger(ChangeCoopStatus.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SIGNATURE_KEYS) private readonly keys: RegistryKeys,
    private readonly natsAuthorization: NatsAuthorizationSync,
    private readonly membershipHooks: CoopMembershipHooks,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(coopId: string, status: CoopStatus, by: Principal, note?: string): Promise<void> {
    const before = await this.dataSource.transaction(async (m) => {
      const was = await setCoopStatus(m, { coopId, to: status, changedBy: by.subject, note });
      if (status === 'left' && was !== 'left') await this.membershipHooks.runLeaving(m, coopId);
      if (status !== 'left' && was === 'left') await this.membershipHooks.runTakenBack(m, coopId);
      return was;
    });
    this.keys.forget(coopId);
    // What the hooks told co-ops (a payment given back) goes now, not at the relay's next poll.
    if ((before === 'left') !== (status === 'left')) this.relay.nudge();
    this.logger.log({ msg: 'co-op status changed', coopId, status, by: by.subject });
    // After the commit, so the authorization is written from the registry as it now stands. A failure
    // does not undo the change: it is shown on GET /coops/nats-authorization and retried.
    if ((before === 'left') !== (status === 'left')) await this.natsAuthorization.sync();
  }
}
