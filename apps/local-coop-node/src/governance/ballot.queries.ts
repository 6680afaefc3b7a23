import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf, Principal } from '@app/platform';

import { MemberQueries } from '../members';
import { Ballot } from './ballot.entity';
import { BallotOption } from './ballot-option.entity';
import { BallotView, ListBallotsQuery } from './governance.dto';
import { GovernanceErrors } from './governance.errors';
import { windowState } from './governance.rules';

@Injectable()
export class BallotQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MemberQueries,
  ) {}

  /** The admin sees every ballot; a member sees the ballots their class may vote on. */
  async list(q: ListBallotsQuery, principal: Principal): Promise<Page<BallotView>> {
    const qb = this.dataSource.getRepository(Ballot).createQueryBuilder('b').orderBy('b.opens_at', 'DESC').addOrderBy('b.id');
    if (q.kind) qb.andWhere('b.kind = :kind', { kind: q.kind });
    if (q.state === 'upcoming') qb.andWhere('b.closed_at IS NULL AND b.opens_at > now()');
    if (q.state === 'open') qb.andWhere('b.closed_at IS NULL AND b.opens_at <= now() AND b.closes_at > now()');
    if (q.state === 'closed') qb.andWhere('(b.closed_at IS NOT NULL OR b.closes_at <= now())');
    if (principal.role === 'member') {
      const me = await this.members.get(principal.memberId ?? '00000000-0000-4000-8000-000000000000').catch(() => null);
      qb.andWhere(':cls = ANY(b.eligible_classes)', { cls: me?.stakeholderClass ?? '-' });
    }
    const [rows, total] = await qb.take(q.limit).skip(q.offset).getManyAndCount();
    return pageOf(await Promise.all(rows.map((b) => this.view(b))), total, q);
  }

  async get(id: string, principal: Principal): Promise<BallotView> {
    const ballot = await this.dataSource.getRepository(Ballot).findOneBy({ id });
    if (!ballot) throw GovernanceErrors.ballotNotFound(id);
    if (principal.role === 'member') {
      const me = await this.members.get(principal.memberId ?? '00000000-0000-4000-8000-000000000000').catch(() => null);
      if (!me || !ballot.eligibleClasses.includes(me.stakeholderClass)) throw GovernanceErrors.ballotNotFound(id);
    }
    return this.view(ballot);
  }

  async options(manager: EntityManager, ballotId: string): Promise<BallotOption[]> {
    return manager.find(BallotOption, { where: { ballotId }, order: { position: 'ASC' } });
  }

  private async view(b: Ballot): Promise<BallotView> {
    const state = windowState(new Date(), b.opensAt, b.closesAt, b.closedAt !== null);
    const options = await this.options(this.dataSource.manager, b.id);
    return {
      id: b.id,
      kind: b.kind,
      title: b.title,
      description: b.description,
      resolution: b.resolution,
      eligibleClasses: b.eligibleClasses,
      electionClass: b.electionClass,
      seats: b.seats,
      opensAt: b.opensAt.toISOString(),
      closesAt: b.closesAt.toISOString(),
      state,
      // Running tallies stay hidden until the result is final, so early counts sway nobody.
      options: options.map((o) => ({
        key: o.optionKey,
        label: o.label,
        candidateMemberId: o.candidateMemberId,
        votes: b.closedAt ? o.votes : null,
      })),
      result: b.result,
      proposedRulebook: b.proposedRulebook,
    };
  }
}
