import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TIME_CREDITS_SETTLED_V1, TimeCreditOutcome, TimeCreditsSettledV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock, londonDay } from '@app/platform';

import { settlementStep } from './time-credits-across.rules';
import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';
import { VolunteeringErrors } from './volunteering.errors';

const MAX_REASON = 2000;

/**
 * The end of a payment this co-op sent: completed (the other co-op credited its member) or refused
 * (by the hub, in its receipt, or by the other co-op, through the hub), when the payer is given the
 * minutes back from the clearing account. Under the transfer's lock and by its state, so a repeated
 * or late answer changes nothing, and a transfer is never both completed and given back.
 */
@Injectable()
export class SettleTimeCredits implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: AcrossCoopsStore,
    private readonly ledger: TimeLedger,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_SETTLED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TimeCreditsSettledV1>, m: EntityManager): Promise<void> {
    const { transferId, outcome, reason } = envelope.payload;
    await this.settle(m, transferId, outcome, reason ?? null);
  }

  /** Also called with the hub's rejected receipt, in the transaction that settles the outbox row. */
  async settle(m: EntityManager, transferId: string, outcome: TimeCreditOutcome, reason: string | null): Promise<void> {
    const transfer = await this.store.lock(m, transferId);
    if (!transfer || transfer.direction !== 'outgoing') throw VolunteeringErrors.acrossCoopsTransferNotFound(transferId);
    const step = settlementStep(transfer.status, outcome);
    if (step === 'nothing') return;
    if (typeof step !== 'string') throw VolunteeringErrors.broken(step);
    const at = this.clock.now();
    const on = londonDay(at);
    if (step === 'complete') return this.store.markCompleted(m, transfer.id, at, on);
    await this.store.markRefused(m, transfer.id, (reason ?? 'refused').slice(0, MAX_REASON), at);
    const accounts = await this.ledger.lockVolunteerAccounts(m, [transfer.volunteer_id]);
    await this.ledger.post(m, {
      purpose: 'returned-by-coop',
      fromAccountId: await this.ledger.clearingAccountId(m),
      toAccountId: accounts.get(transfer.volunteer_id)!,
      minutes: transfer.minutes,
      occurredOn: on,
      note: null,
      volunteerHoursId: null,
      timeCreditTransferId: transfer.id,
    });
  }
}
