import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TIME_CREDITS_SENT_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock, londonDay, Principal } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { RulebookStore } from '../rulebook';
import { overdraftViolation } from './time-bank.rules';
import { AcrossCoopsTransferView, PayAcrossCoopsDto } from './time-credits-across.dto';
import { AcrossCoopsQueries } from './time-credits-across.queries';
import { outgoingViolation, payerViolation } from './time-credits-across.rules';
import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';

/**
 * Pays a volunteer's credits to a member of another co-op, known here only by the payment code their
 * co-op gave them. The payer is debited to the clearing account, the transfer recorded and its message
 * queued in one transaction, under the payer's account lock, so concurrent payments queue and none
 * spends past the rulebook's overdraft. The hub and the other co-op answer later; a refusal gives the
 * minutes back (SettleTimeCredits).
 */
@Injectable()
export class PayAcrossCoops {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
    private readonly store: AcrossCoopsStore,
    private readonly queries: AcrossCoopsQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async execute(principal: Principal, dto: PayAcrossCoopsDto): Promise<AcrossCoopsTransferView> {
    const view = await this.dataSource.transaction(async (m) => {
      const accounts = await this.ledger.lockVolunteerAccounts(m, [dto.fromVolunteerId]);
      const payer = await this.volunteers.visibleTo(principal, dto.fromVolunteerId, m);
      const { rulebook } = await this.rulebooks.current(m);
      const notAllowed = payerViolation(principal.role === 'coop-admin' ? 'coop-admin' : 'member', rulebook.membersMayPayAcrossCoops);
      if (notAllowed) throw VolunteeringErrors.broken(notAllowed);
      const route = outgoingViolation(this.config.COOP_ID, dto.paymentCode, { volunteerId: payer.id, leftOn: payer.leftOn });
      if ('rule' in route) throw VolunteeringErrors.broken(route);
      const fromAccountId = accounts.get(payer.id)!;
      const balance = await this.ledger.balanceOf(m, fromAccountId);
      const overdrawn = overdraftViolation(balance, dto.minutes, rulebook.timeCreditOverdraftMinutes);
      if (overdrawn)
        throw VolunteeringErrors.broken(overdrawn, { balanceMinutes: balance, overdraftMinutes: rulebook.timeCreditOverdraftMinutes });
      const id = randomUUID();
      const at = this.clock.now();
      const occurredOn = londonDay(at);
      // The envelope keeps the real time: the hub judges a message's age by it, whatever the node's clock is set to.
      const envelope = await this.outbox.enqueue(
        m,
        TIME_CREDITS_SENT_V1,
        { transferId: id, paymentCode: dto.paymentCode, minutes: dto.minutes },
        {},
      );
      await this.store.insertOutgoing(
        m,
        {
          id,
          volunteerId: payer.id,
          toCoopId: route.toCoopId,
          minutes: dto.minutes,
          purpose: dto.purpose,
          note: dto.note ?? null,
          messageId: envelope.id,
          occurredOn,
        },
        at,
      );
      await this.ledger.post(m, {
        purpose: 'sent-to-coop',
        fromAccountId,
        toAccountId: await this.ledger.clearingAccountId(m),
        minutes: dto.minutes,
        occurredOn,
        note: null,
        volunteerHoursId: null,
        timeCreditTransferId: id,
      });
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
