import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RulebookStore } from '../rulebook';
import { MemberQueries } from './member.queries';
import { MemberStore } from './member.store';
import { MemberView, ShareChangeDto } from './members.dto';
import { MemberErrors } from './members.errors';
import { shareChangeViolation } from './shares.rules';

/** Records a purchase or withdrawal of community shares. Shares never change a member's vote. */
@Injectable()
export class ChangeShares {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly queries: MemberQueries,
    private readonly store: MemberStore,
  ) {}

  async execute(id: string, dto: ShareChangeDto): Promise<MemberView> {
    return this.dataSource.transaction(async (m) => {
      await this.store.lockActive(m, id);
      const { rulebook } = await this.rulebooks.current(m);
      const violation = shareChangeViolation(await this.queries.sharesOf(m, id), dto.kind, dto.amountPence, rulebook);
      if (violation) throw MemberErrors.shares(violation.rule, violation.message);
      await m.query('INSERT INTO share_transaction (id, member_id, kind, amount_pence) VALUES ($1, $2, $3, $4)', [
        randomUUID(),
        id,
        dto.kind,
        dto.amountPence,
      ]);
      return this.queries.get(id, m);
    });
  }
}
