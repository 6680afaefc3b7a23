import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the front pages show: the co-op at a glance for its admin, and a member's own entry in the register. */
@Injectable()
export class HomePages {
  constructor(private readonly dataSource: DataSource) {}

  async overview() {
    const [row] = (await this.dataSource.query(
      `SELECT p.name, p.coop_id,
              (SELECT count(*)::int FROM member WHERE (withdrawn_on IS NULL OR withdrawn_on > current_date) AND erased_at IS NULL) AS members,
              (SELECT count(*)::int FROM ballot WHERE closed_at IS NULL AND opens_at <= now() AND closes_at > now()) AS open_ballots
         FROM coop_profile p LIMIT 1`,
    )) as { name: string; coop_id: string; members: number; open_ballots: number }[];
    return { coop: { name: row.name, coopId: row.coop_id }, members: row.members, openBallots: row.open_ballots };
  }

  async member(id: string) {
    const [row] = (await this.dataSource.query(
      `SELECT member_number, full_name, stakeholder_class, admitted_on::text FROM member WHERE id = $1 AND erased_at IS NULL`,
      [id],
    )) as { member_number: number; full_name: string; stakeholder_class: string; admitted_on: string }[];
    if (!row) throw new NotFoundException('Your member record was not found.');
    return { number: row.member_number, name: row.full_name, stakeholderClass: row.stakeholder_class, admittedOn: row.admitted_on };
  }
}
