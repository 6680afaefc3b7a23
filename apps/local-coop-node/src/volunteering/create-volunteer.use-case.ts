import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { MemberStore } from '../members';
import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';
import { CreateVolunteerDto, VolunteerView } from './volunteers.dto';

/** Registers a volunteer, perhaps linked to their membership, and opens their time-credit account. */
@Injectable()
export class CreateVolunteer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
    private readonly members: MemberStore,
  ) {}

  async execute(dto: CreateVolunteerDto): Promise<VolunteerView> {
    return this.dataSource.transaction(async (m) => {
      if (dto.memberId) {
        // The member row stays locked until commit, so two requests to link the same member queue
        // and the second finds the first's volunteer record.
        await this.members.lockActive(m, dto.memberId);
        if (await this.volunteers.forMember(dto.memberId, m)) throw VolunteeringErrors.memberAlreadyVolunteer(dto.memberId);
      }
      const id = randomUUID();
      await m.query('INSERT INTO volunteer (id, full_name, member_id, joined_on) VALUES ($1, $2, $3, $4)', [
        id,
        dto.fullName,
        dto.memberId ?? null,
        dto.joinedOn ?? todayIso(),
      ]);
      await this.ledger.openAccount(m, id);
      return this.volunteers.get(id, m);
    });
  }
}
