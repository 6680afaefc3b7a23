import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CURRENT_MEMBER } from '../members';

/** What the admin's front page shows: the co-op at a glance. */
@Injectable()
export class HomePages {
  constructor(private readonly dataSource: DataSource) {}

  async overview() {
    const [row] = (await this.dataSource.query(
      `SELECT p.name, p.coop_id,
              (SELECT count(*)::int FROM member m WHERE ${CURRENT_MEMBER}) AS members,
              (SELECT count(*)::int FROM ballot WHERE closed_at IS NULL AND opens_at <= now() AND closes_at > now()) AS open_ballots
         FROM coop_profile p LIMIT 1`,
    )) as { name: string; coop_id: string; members: number; open_ballots: number }[];
    return { coop: { name: row.name, coopId: row.coop_id }, members: row.members, openBallots: row.open_ballots };
  }
}
