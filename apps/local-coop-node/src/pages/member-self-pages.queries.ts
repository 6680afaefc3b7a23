import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { BallotQueries, BallotView, ListBallotsQuery } from '../governance';
import { MemberDataQueries, MemberQueries } from '../members';

/**
 * What a member's own pages show, read with the API's own queries (`GET /members/me`, `GET /ballots`,
 * `GET /ballots/{id}`), and which ballots the member has voted on: only that they voted, never how.
 */
@Injectable()
export class MemberSelfPages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MemberQueries,
    private readonly memberData: MemberDataQueries,
    private readonly ballotQueries: BallotQueries,
  ) {}

  async me(memberId: string) {
    const [member, shares] = await Promise.all([
      this.members.get(memberId),
      this.memberData.shareRegister(this.dataSource.manager, memberId),
    ]);
    return { member, shares };
  }

  /** The ballots the member's class votes on: open ones (with whether they voted), those coming up, and closed ones with results. */
  async ballots(principal: Principal) {
    const [open, upcoming, closed] = await Promise.all(
      (['open', 'upcoming', 'closed'] as const).map(async (state) => (await this.ballotQueries.list(listOf(state), principal)).items),
    );
    const voted = await this.votedOn(
      principal.memberId!,
      [...open, ...closed].map((b) => b.id),
    );
    const mark = (b: BallotView) => ({ ...b, voted: voted.has(b.id) });
    return { open: open.map(mark), upcoming, closed: closed.map(mark) };
  }

  async ballot(id: string, principal: Principal) {
    const ballot = await this.ballotQueries.get(id, principal);
    return { ballot, voted: (await this.votedOn(principal.memberId!, [id])).has(id) };
  }

  private async votedOn(memberId: string, ballotIds: string[]): Promise<Set<string>> {
    if (ballotIds.length === 0) return new Set();
    const rows: { ballot_id: string }[] = await this.dataSource.query(
      'SELECT ballot_id FROM ballot_participation WHERE member_id = $1 AND ballot_id = ANY($2::uuid[])',
      [memberId, ballotIds],
    );
    return new Set(rows.map((r) => r.ballot_id));
  }
}

const listOf = (state: 'open' | 'upcoming' | 'closed') => plainToInstance(ListBallotsQuery, { state, limit: 100, offset: 0 });
