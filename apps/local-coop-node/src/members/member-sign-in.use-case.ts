import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SignedInPerson, WebPeople, WebUser } from '@app/web';

import { CURRENT_MEMBER } from './member-access.rules';

const NOT_LINKED =
  "Your account is not tied to a member of this co-op. Ask your co-op's admin to record on your membership the email address you sign in with.";

/**
 * Who may sign in to the node's pages. An admin needs only the role. A member is tied to their own
 * member record: by the tie made at an earlier sign-in, or at the first one by the verified email
 * address on their current membership (one record only). A withdrawn or erased member cannot sign in,
 * and a session made before they were is ended at their next page.
 */
@Injectable()
export class MemberSignIn implements WebPeople {
  constructor(private readonly dataSource: DataSource) {}

  async admit(person: SignedInPerson, role: string): Promise<{ memberId?: string } | { refused: string }> {
    if (role !== 'member') return {};
    return this.dataSource.transaction(async (manager) => {
      const [tied] = (await manager.query(
        `SELECT m.id, ${CURRENT_MEMBER} AS current
           FROM member_sign_in s JOIN member m ON m.id = s.member_id WHERE s.subject = $1`,
        [person.subject],
      )) as { id: string; current: boolean }[];
      if (tied) return tied.current ? { memberId: tied.id } : { refused: 'Your membership of this co-op has ended.' };
      const email = person.claims.email;
      if (typeof email !== 'string' || person.claims.email_verified !== true) return { refused: NOT_LINKED };
      const found = (await manager.query(
        `SELECT m.id FROM member m LEFT JOIN member_sign_in s ON s.member_id = m.id
          WHERE lower(m.email) = lower($1) AND ${CURRENT_MEMBER} AND s.subject IS NULL
          FOR UPDATE OF m`,
        [email],
      )) as { id: string }[];
      if (found.length !== 1) return { refused: NOT_LINKED };
      await manager.query('INSERT INTO member_sign_in (subject, member_id) VALUES ($1, $2)', [person.subject, found[0].id]);
      return { memberId: found[0].id };
    });
  }

  async stillAdmitted(user: WebUser): Promise<boolean> {
    if (user.role !== 'member') return true;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM member_sign_in s JOIN member m ON m.id = s.member_id WHERE s.subject = $1 AND m.id = $2 AND ${CURRENT_MEMBER}`,
      [user.subject, user.memberId],
    )) as unknown[];
    return rows.length === 1;
  }
}
