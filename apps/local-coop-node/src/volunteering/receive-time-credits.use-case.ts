import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TIME_CREDITS_FORWARDED_V1, TimeCreditsForwardedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock, londonDay } from '@app/platform';

import { incomingCodeViolation, withdrawnViolation } from './time-credits-across.rules';
import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';

/**
 * A payment from another co-op, forwarded by the hub to the holder of one of this co-op's payment
 * codes: the member is credited from the clearing account and the code used, in the inbox transaction.
 * An unknown, used or expired code, or a member who has left, refuses it: the rejected receipt carries
 * the reason (never the person) back to the hub, which reverses its entry and tells the paying co-op.
 * So does a payment the hub has told this node it withdrew (WithdrawTimeCredits).
 */
@Injectable()
export class ReceiveTimeCredits implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: AcrossCoopsStore,
    private readonly ledger: TimeLedger,
    private readonly volunteers: VolunteerQueries,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_FORWARDED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TimeCreditsForwardedV1>, m: EntityManager): Promise<void> {
    const { transferId, fromCoopId, paymentCode, minutes } = envelope.payload;
    const code = await this.store.lockCode(m, paymentCode);
    // The same transfer forwarded again (under another message id) was credited once already.
    if (code?.transferId === transferId) return;
    // Given back by the hub while this co-op was out of the consortium: the payer has the minutes already.
    const withdrawn = withdrawnViolation(await this.store.withdrawal(m, transferId));
    if (withdrawn) throw VolunteeringErrors.broken(withdrawn);
    const now = this.clock.now();
    const unknown = incomingCodeViolation(code, now);
    if (unknown || !code) throw VolunteeringErrors.broken(unknown!);
    const accounts = await this.ledger.lockVolunteerAccounts(m, [code.volunteerId]);
    // Read under the account's lock, which a departure takes too: one recorded while we waited is seen.
    const payee = await this.volunteers.get(code.volunteerId, m);
    const refused = incomingCodeViolation({ ...code, payeeLeftOn: payee.leftOn }, now);
    if (refused) throw VolunteeringErrors.broken(refused);
    const on = londonDay(now);
    await this.store.insertIncoming(m, { id: transferId, volunteerId: code.volunteerId, fromCoopId, minutes, occurredOn: on }, now);
    await this.store.useCode(m, code.id, transferId, now);
    await this.ledger.post(m, {
      purpose: 'received-from-coop',
      fromAccountId: await this.ledger.clearingAccountId(m),
      toAccountId: accounts.get(code.volunteerId)!,
      minutes,
      occurredOn: on,
      note: null,
      volunteerHoursId: null,
      timeCreditTransferId: transferId,
    });
  }
}
