import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { formatPaymentCode, PAYMENT_CODE_SECRET_LENGTH } from '@app/contracts';
import { Clock, Principal } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { MakePaymentCodeDto, PaymentCodeView } from './time-credits-across.dto';
import { PAYMENT_CODE_DEFAULT_HOURS, paymentCodeExpiry } from './time-credits-across.rules';
import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';

/**
 * A one-time code a member of another co-op can be paid to, for a volunteer of this co-op (the admin
 * for anyone, a member for themselves). The code names this co-op, so the hub can route a payment, and
 * nothing else: only its hash is kept, and only this node can tell whose it is.
 */
@Injectable()
export class MakePaymentCode {
  constructor(
    private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
    private readonly store: AcrossCoopsStore,
    private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async execute(principal: Principal, dto: MakePaymentCodeDto): Promise<PaymentCodeView> {
    return this.dataSource.transaction(async (m) => {
      // The account's lock orders this after a departure being recorded, which it then sees.
      await this.ledger.lockVolunteerAccounts(m, [dto.volunteerId]);
      const volunteer = await this.volunteers.visibleTo(principal, dto.volunteerId, m);
      if (volunteer.leftOn !== null)
        throw VolunteeringErrors.broken({
          rule: 'TIMEBANK.VOLUNTEER_LEFT',
          message: `volunteer ${volunteer.id} left on ${volunteer.leftOn}`,
        });
      const createdAt = this.clock.now();
      const expiresAt = paymentCodeExpiry(createdAt, dto.validForHours ?? PAYMENT_CODE_DEFAULT_HOURS);
      const code = formatPaymentCode(this.config.COOP_ID, randomBytes(PAYMENT_CODE_SECRET_LENGTH));
      const id = await this.store.insertCode(m, { code, volunteerId: volunteer.id, createdAt, expiresAt });
      return { id, code, volunteerId: volunteer.id, createdAt, expiresAt };
    });
  }
}
