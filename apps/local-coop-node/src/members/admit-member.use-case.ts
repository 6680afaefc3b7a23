import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { LONDON_TODAY_SQL } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { MemberQueries } from './member.queries';
import { AdmitMemberDto, MemberView } from './members.dto';
import { MemberErrors } from './members.errors';
import { shareChangeViolation } from './shares.rules';

/** Admits a member into one stakeholder class the rulebook admits, with shares within its limits. */
@Injectable()
export class AdmitMember {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly queries: MemberQueries,
  ) {}

  async execute(dto: AdmitMemberDto): Promise<MemberView> {
    return this.dataSource.transaction(async (m) => {
      const { rulebook } = await this.rulebooks.current(m);
      if (!rulebook.admittedClasses.includes(dto.stakeholderClass)) throw MemberErrors.classNotAdmitted(dto.stakeholderClass);
      const violation = shareChangeViolation(0, 'purchase', dto.initialSharesPence, rulebook);
      if (violation) throw MemberErrors.shares(violation.rule, violation.message);
      const id = randomUUID();
      await m.query(
        `INSERT INTO member (id, stakeholder_class, full_name, email, phone, address, date_of_birth, admitted_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::date, ${LONDON_TODAY_SQL}))`,
        [
          id,
          dto.stakeholderClass,
          dto.fullName,
          dto.email ?? null,
          dto.phone ?? null,
          dto.address ?? null,
          dto.dateOfBirth ?? null,
          dto.admittedOn ?? null,
        ],
      );
      await m.query(`INSERT INTO share_transaction (id, member_id, kind, amount_pence) VALUES ($1, $2, 'purchase', $3)`, [
        randomUUID(),
        id,
        dto.initialSharesPence,
      ]);
      return this.queries.get(id, m);
    });
  }
}
