import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DomainError, Principal } from '@app/platform';

import { Member } from './member.entity';
import { MemberQueries } from './member.queries';
import { MemberStore } from './member.store';
import { assertMayActOnMember } from './member-access.rules';
import { MemberView, UpdateMemberDto } from './members.dto';

/** A member corrects their own contact details (or the admin does it for them). */
@Injectable()
export class UpdateMember {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: MemberQueries,
    private readonly store: MemberStore,
  ) {}

  async execute(principal: Principal, id: string, dto: UpdateMemberDto): Promise<MemberView> {
    assertMayActOnMember(principal, id);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) throw new DomainError('MEMBERS.NOTHING_TO_CHANGE', 'the request changes no field', 'invalid');
    return this.dataSource.transaction(async (m) => {
      await this.store.lockActive(m, id);
      await m.update(Member, { id }, changes);
      return this.queries.get(id, m);
    });
  }
}
