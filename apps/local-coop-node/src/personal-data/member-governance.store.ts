import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What an erasure writes into governance records. */
@Injectable()
export class MemberGovernanceStore {
  /**
   * A candidate's name on a ballot paper is a copy of their member name, so it follows the erasure.
   * Tallies and results are keyed by member id and stay exactly as counted.
   */
  async relabelCandidate(manager: EntityManager, memberId: string, label: string): Promise<number> {
    const [, affected]: [unknown[], number | null] = await manager.query(
      'UPDATE ballot_option SET label = $2 WHERE candidate_member_id = $1',
      [memberId, label],
    );
    return affected ?? 0;
  }
}
