import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Member } from './member.entity';
import { MemberErrors } from './members.errors';

/**
 * Erases a member's personal details inside the caller's transaction. The register entry stays — member
 * number, class, admission and withdrawal dates — and so does the share register: a society keeps its
 * register of members and shares. Only the name (replaced by a neutral label) and the contact details go.
 */
@Injectable()
export class MemberErasure {
  /** The member, locked for the rest of the transaction; one already erased is refused. */
  async lock(manager: EntityManager, id: string): Promise<Member> {
    const member = await manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw MemberErrors.notFound(id);
    if (member.erasedAt) throw MemberErrors.alreadyErased(id);
    return member;
  }

  /** Returns the label that now stands in for the name. */
  async erase(manager: EntityManager, member: Member, erasedAt: Date): Promise<string> {
    const label = `Erased member #${member.memberNumber}`;
    await manager.query(
      `UPDATE member SET full_name = $2, email = NULL, phone = NULL, address = NULL, date_of_birth = NULL, withdrawal_reason = NULL, erased_at = $3
        WHERE id = $1`,
      [member.id, label, erasedAt],
    );
    // The tie between their sign-in account and this record goes too: nobody signs in as an erased member.
    await manager.query('DELETE FROM member_sign_in WHERE member_id = $1', [member.id]);
    return label;
  }
}
