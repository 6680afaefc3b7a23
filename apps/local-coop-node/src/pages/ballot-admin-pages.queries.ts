import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * What the admin's ballot page shows beyond the API's ballot view: how many members have voted so far on
 * a ballot still open (who voted and how stay secret; the tally stays hidden until the close).
 */
@Injectable()
export class BallotAdminPages {
  constructor(private readonly dataSource: DataSource) {}

  async votesCastSoFar(ballotIds: readonly string[]): Promise<Record<string, number>> {
    if (ballotIds.length === 0) return {};
    const rows: { ballot_id: string; voted: number }[] = await this.dataSource.query(
      'SELECT ballot_id, count(*)::int AS voted FROM ballot_participation WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id',
      [ballotIds],
    );
    return Object.fromEntries(ballotIds.map((id) => [id, rows.find((r) => r.ballot_id === id)?.voted ?? 0]));
  }
}
