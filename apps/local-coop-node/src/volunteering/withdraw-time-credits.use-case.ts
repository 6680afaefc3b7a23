import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TIME_CREDITS_WITHDRAWN_V1, TimeCreditsWithdrawnV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock, londonDay } from '@app/platform';

import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';

/**
 * The hub's word that a payment forwarded to this co-op was given back to its payer, because the co-op
 * left the consortium before the hub heard its answer. The node reads it only if the co-op is taken
 * back. In the inbox transaction: the word is kept, so the forward is refused if it comes later
 * (ReceiveTimeCredits); a payment credited before (its answer lost) is taken back from the member into
 * the clearing account and marked withdrawn, so the minutes are paid once, by the payer's co-op. The
 * member's balance may go below the rulebook's overdraft: it is a correction, not a spend.
 */
@Injectable()
export class WithdrawTimeCredits implements OnModuleInit {
  private readonly logger = new Logger(WithdrawTimeCredits.name);

  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: AcrossCoopsStore,
    private readonly ledger: TimeLedger,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_WITHDRAWN_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TimeCreditsWithdrawnV1>, m: EntityManager): Promise<void> {
    const { transferId, reason } = envelope.payload;
    const now = this.clock.now();
    if (!(await this.store.recordWithdrawal(m, transferId, reason, now))) return;
    const transfer = await this.store.lock(m, transferId);
    if (!transfer || transfer.direction !== 'incoming' || transfer.status !== 'completed') return;
    const accounts = await this.ledger.lockVolunteerAccounts(m, [transfer.volunteer_id]);
    await this.ledger.post(m, {
      purpose: 'withdrawn-by-hub',
      fromAccountId: accounts.get(transfer.volunteer_id)!,
      toAccountId: await this.ledger.clearingAccountId(m),
      minutes: transfer.minutes,
      occurredOn: londonDay(now),
      note: null,
      volunteerHoursId: null,
      timeCreditTransferId: transferId,
    });
    await this.store.markWithdrawn(m, transferId, reason, now);
    this.logger.log({ msg: 'a payment from another co-op taken back: the hub gave it back', transferId, minutes: transfer.minutes });
  }
}
