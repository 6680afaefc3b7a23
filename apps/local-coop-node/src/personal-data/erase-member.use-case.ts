import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { MemberErasure, MemberErrors } from '../members';
import { VolunteerErasure } from '../volunteering';
import { StaffQueries } from '../workforce';
import { MemberGovernanceStore } from './member-governance.store';
import { MemberErasureView } from './personal-data.dto';
import { memberErasureRefusals } from './personal-data.rules';

/**
 * Erases a former member's personal data, in one transaction, where the law allows it: their details
 * go, what the co-op must keep stays, and every figure (membership, shares, turnout and results,
 * hours, credits, expenses) is exactly what it was.
 */
@Injectable()
export class EraseMember {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MemberErasure,
    private readonly volunteers: VolunteerErasure,
    private readonly staff: StaffQueries,
    private readonly governance: MemberGovernanceStore,
  ) {}

  async execute(id: string): Promise<MemberErasureView> {
    return this.dataSource.transaction(async (m) => {
      // The member row first, then their volunteer record: the order CreateVolunteer takes them in.
      const member = await this.members.lock(m, id);
      const volunteer = await this.volunteers.lockForMember(m, id);
      const staff = await this.staff.ofMember(m, id);
      const reasons = memberErasureRefusals(
        { withdrawnOn: member.withdrawnOn, volunteer, staff: staff.map((s) => ({ leftOn: s.record.leftOn })) },
        todayIso(),
      );
      if (reasons.length) throw MemberErrors.erasureNotAllowed(id, reasons);

      const erasedAt = new Date();
      const label = await this.members.erase(m, member, erasedAt);
      const ballotsRelabelled = await this.governance.relabelCandidate(m, id, label);
      if (volunteer) await this.volunteers.erase(m, volunteer.id, erasedAt);

      const erased = ['name (replaced by the label)', 'email', 'phone', 'address', 'date of birth', 'reason for withdrawal'];
      const kept = [
        'member number, stakeholder class, and the dates of admission and withdrawal: the register of members the society must keep',
        'the share register (every purchase and withdrawal): the register of shares the society must keep',
        'that they voted in each ballot, never how: turnout and quorum figures must not change',
        'any board seat record, without the name',
        'the audit trail of what they did, which names them only by member id and cannot be rewritten',
      ];
      if (ballotsRelabelled > 0) erased.push('their name on ballot papers they stood on (tallies and results unchanged)');
      if (volunteer) {
        erased.push(
          'the volunteer name (replaced by a label), the reason for leaving, notes on their hours and time-credit transfers, and the wording of their expense claims and the notes on them',
        );
        kept.push(
          'volunteer dates, hours by activity, the time-credit ledger, and expense amounts, statuses and payment references: the co-op accounts for them',
        );
      }
      if (staff.length > 0) {
        kept.push(
          'the staff record and training, unchanged: employment records the co-op must keep for their own retention period, and the carer named in the care records of the people they visited; with it whether they were counted as a disadvantaged worker (Italian Type B rule), which a Type B co-op must be able to show the authorities and which its reported share rests on',
        );
      }
      return { memberId: id, memberNumber: member.memberNumber, label, erasedAt: erasedAt.toISOString(), erased, kept };
    });
  }
}
