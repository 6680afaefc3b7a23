import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { ONE_TIME_CODE_SENDER, OneTimeCodeSender } from './one-time-code-sender.service';
import { reminderDue, reminderId, removalTime, retentionSettingsOf } from './retention.rules';
import { RetentionStore } from './retention.store';

/**
 * Reminds one inactive candidate that their record will be removed unless they sign in. The reminder
 * is sent inside the transaction that records it, under the candidate's lock, as the last step before
 * the commit: a failed send records nothing (so nobody is purged unwarned), and a crash after the send
 * but before the commit makes the next sweep ask again with the same reminder id, which the sender
 * delivers once (docs/recruitment.md, Retention).
 */
@Injectable()
export class RemindInactiveCandidate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RetentionStore,
    @Inject(ONE_TIME_CODE_SENDER) private readonly sender: OneTimeCodeSender,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  /** True when this call reminded the candidate; false when not due under the lock, gone, or held elsewhere. */
  async execute(candidateId: string, now = new Date()): Promise<boolean> {
    const settings = retentionSettingsOf(this.config);
    return this.dataSource.transaction(async (m) => {
      const c = await this.store.lockIfFree(m, candidateId);
      if (!c || !reminderDue({ lastActiveAt: c.last_active_at, remindedAt: c.reminded_at }, now, settings)) return false;
      await this.store.recordReminder(m, c.id, now);
      await this.sender.sendReminder({
        reminderId: reminderId(c.id, c.last_active_at),
        email: c.email,
        removeAfter: removalTime(c.last_active_at, now, settings),
      });
      return true;
    });
  }
}
