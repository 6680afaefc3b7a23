import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { londonDay, Principal } from '@app/platform';

import { MemberQueries } from './member.queries';
import { MemberStore } from './member.store';
import { assertMayActOnMember } from './member-access.rules';
import { MemberView, WithdrawMemberDto } from './members.dto';
import { MemberErrors } from './members.errors';

/**
 * A member leaves: membership ends and their withdrawable shares are paid back in full, recorded in
 * the share register (which is kept). From then on they hold no vote and no board seat.
 */
@Injectable()
export class WithdrawMember {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: MemberQueries,
    private readonly store: MemberStore,
  ) {}

  async execute(principal: Principal, id: string, dto: WithdrawMemberDto): Promise<MemberView> {
    assertMayActOnMember(principal, id);
    return this.dataSource.transaction(async (m) => {
      const member = await this.store.lockActive(m, id);
      const today = londonDay(new Date());
      const on = dto.withdrawnOn ?? today;
      if (on < member.admittedOn) throw MemberErrors.withdrawalBeforeAdmission();
      // Shares are paid back and the vote ends now: a date ahead would record what has not happened.
      if (on > today) throw MemberErrors.withdrawalInFuture();
      const balance = await this.queries.sharesOf(m, id);
      if (balance > 0)
        await m.query(`INSERT INTO share_transaction (id, member_id, kind, amount_pence) VALUES ($1, $2, 'withdrawal', $3)`, [
          randomUUID(),
          id,
          balance,
        ]);
      await m.query('UPDATE member SET withdrawn_on = $2, withdrawal_reason = $3 WHERE id = $1', [id, on, dto.reason ?? null]);
      return this.queries.get(id, m);
    });
  }
}
