import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { MemberDataQueries } from '../members';
import { VolunteerDataQueries } from '../volunteering';
import { StaffQueries } from '../workforce';
import { MemberGovernanceQueries } from './member-governance.queries';
import { MemberExportSection, MemberExportView } from './personal-data.dto';

const EXPLANATION: Record<MemberExportSection, string> = {
  member:
    'Your entry in the register of members: your member number, stakeholder class, name and contact details, and when you joined and left. If your details were erased, the name is a neutral label and the contact details are empty.',
  shares:
    'Your community shares: every purchase and withdrawal in the share register, in pence, and what you hold now. Shares never change your vote.',
  boardSeats:
    'Any seat you hold or held on the board, for which stakeholder class, since when, and the election that gave it. A seat is lost on leaving membership.',
  ballots:
    'The ballots you voted in, by title and dates. How you voted is not here because the co-op does not know it: the secret ballot records only that you voted, never your choice.',
  candidacies:
    'The board elections you stood in, the name on the ballot paper, and, once counted, your votes and whether you were elected.',
  volunteer:
    'If you volunteer: your volunteer record, the hours you gave, your time-credit account (the other volunteers you exchanged credits with are not named), and your expense claims. Empty if you have never volunteered.',
  staff:
    'If the co-op employs or employed you: your staff record with contract, pay and dates, whether the co-op counts you as a disadvantaged worker (for the Italian Type B rule; this never leaves the co-op), and your training. Empty if it never has.',
  auditEvents:
    'What you did on this system yourself (the changes you made and the data you exported), from the audit trail: when, what, and how it ended.',
};

/** Everything the node holds about one member, from every table, read in one consistent snapshot. */
@Injectable()
export class MemberExportQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MemberDataQueries,
    private readonly volunteering: VolunteerDataQueries,
    private readonly staff: StaffQueries,
    private readonly governance: MemberGovernanceQueries,
  ) {}

  async build(memberId: string): Promise<MemberExportView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const member = await this.members.record(m, memberId);
      return {
        generatedAt: new Date().toISOString(),
        subject: { kind: 'member', memberId, memberNumber: member.memberNumber },
        explanation: EXPLANATION,
        member,
        shares: await this.members.shareRegister(m, memberId),
        boardSeats: await this.governance.boardSeats(m, memberId),
        ballots: await this.governance.ballotsTakenPart(m, memberId),
        candidacies: await this.governance.candidacies(m, memberId),
        volunteer: await this.volunteering.ofMember(m, memberId),
        staff: await this.staff.ofMember(m, memberId),
        auditEvents: await this.governance.auditEventsBy(m, memberId),
      };
    });
  }
}
