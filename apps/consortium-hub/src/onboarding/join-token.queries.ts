import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { JoinTokenView } from './join.dto';
import { JoinErrors } from './join.errors';
import { joinTokenState } from './join-token.rules';

interface TokenRow {
  id: string;
  journey_id: string;
  coop_id: string;
  issued_by: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** A journey's join tokens, newest first, as staff see them: never the token itself, which the hub does not have. */
@Injectable()
export class JoinTokenQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forJourney(journeyId: string, now = new Date()): Promise<JoinTokenView[]> {
    const [journey] = await this.dataSource.query('SELECT 1 FROM onboarding_journey WHERE id = $1', [journeyId]);
    if (!journey) throw JoinErrors.journeyNotFound(journeyId);
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT id, journey_id, coop_id, issued_by, issued_at, expires_at, used_at, revoked_at
         FROM join_token WHERE journey_id = $1 ORDER BY issued_at DESC, id`,
      [journeyId],
    );
    return rows.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      coopId: r.coop_id,
      state: joinTokenState({ expiresAt: r.expires_at, usedAt: r.used_at, revokedAt: r.revoked_at }, now),
      issuedBy: r.issued_by,
      issuedAt: r.issued_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      usedAt: r.used_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  }
}
