import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Member } from './member.entity';
import { MemberErrors } from './members.errors';

/** The member row taken under a lock, for the use cases that change a member or rely on them staying active. */
@Injectable()
export class MemberStore {
  /** The member, locked for the rest of the transaction (share changes, withdrawal). */
  async lockActive(manager: EntityManager, id: string): Promise<Member> {
    const member = await manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw MemberErrors.notFound(id);
    if (member.withdrawnOn) throw MemberErrors.alreadyWithdrawn(id);
    return member;
  }
}
