import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { TransferDto, TransferView } from './time-bank.dto';
import { TimeBankQueries } from './time-bank.queries';
import { overdraftViolation, transferViolation } from './time-bank.rules';
import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';

/**
 * Spends credits: the volunteer who received respite or help pays the one who gave it. The payer's
 * balance is read and debited under the lock of both accounts, so concurrent transfers from one
 * account queue and none can spend what another has already spent.
 */
@Injectable()
export class TransferTimeCredits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
    private readonly queries: TimeBankQueries,
  ) {}

  async execute(dto: TransferDto): Promise<TransferView> {
    return this.dataSource.transaction(async (m) => {
      const accounts = await this.ledger.lockVolunteerAccounts(m, [dto.fromVolunteerId, dto.toVolunteerId]);
      // Read after the locks: a departure committed while we waited is seen.
      const from = await this.volunteers.get(dto.fromVolunteerId, m);
      const to = await this.volunteers.get(dto.toVolunteerId, m);
      const refused = transferViolation(
        { volunteerId: from.id, leftOn: from.leftOn },
        { volunteerId: to.id, leftOn: to.leftOn },
        dto.minutes,
      );
      if (refused) throw VolunteeringErrors.broken(refused);
      const fromAccountId = accounts.get(from.id)!;
      const balance = await this.ledger.balanceOf(m, fromAccountId);
      const { rulebook } = await this.rulebooks.current(m);
      const overdrawn = overdraftViolation(balance, dto.minutes, rulebook.timeCreditOverdraftMinutes);
      if (overdrawn)
        throw VolunteeringErrors.broken(overdrawn, { balanceMinutes: balance, overdraftMinutes: rulebook.timeCreditOverdraftMinutes });
      const id = await this.ledger.post(m, {
        purpose: dto.purpose,
        fromAccountId,
        toAccountId: accounts.get(to.id)!,
        minutes: dto.minutes,
        occurredOn: todayIso(),
        note: dto.note ?? null,
        volunteerHoursId: null,
      });
      return this.queries.transfer(id, m);
    });
  }
}
