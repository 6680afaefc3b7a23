import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { londonDay, Principal } from '@app/platform';

import { BallotQueries } from './ballot.queries';
import { CastVoteDto } from './governance.dto';
import { GovernanceErrors } from './governance.errors';
import { windowState } from './governance.rules';

/**
 * One member, one vote, whatever shares they hold. The vote is secret: the member is recorded as
 * having voted, and the tally of their choice goes up, in one transaction, with nothing that links
 * the two. The primary key on (ballot, member) makes a second vote fail even when two arrive at once.
 */
@Injectable()
export class CastVote {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ballots: BallotQueries,
  ) {}

  async execute(principal: Principal, ballotId: string, dto: CastVoteDto): Promise<void> {
    if (principal.role !== 'member' || !principal.memberId)
      throw GovernanceErrors.notEligible('only members vote, with their own member token');
    const memberId = principal.memberId;
    await this.dataSource.transaction(async (m) => {
      const [ballot] = await m.query('SELECT * FROM ballot WHERE id = $1 FOR SHARE', [ballotId]);
      if (!ballot) throw GovernanceErrors.ballotNotFound(ballotId);
      const [member] = await m.query('SELECT stakeholder_class, admitted_on, withdrawn_on FROM member WHERE id = $1 FOR SHARE', [memberId]);
      if (!member || !ballot.eligible_classes.includes(member.stakeholder_class)) {
        // Someone outside the ballot's classes learns nothing about it, as if it did not exist ...
        if (!member || ballot.kind !== 'election') throw GovernanceErrors.ballotNotFound(ballotId);
        // ... except a class election, which the notice of election already made public.
        throw GovernanceErrors.notEligible(
          `this election is for the ${ballot.election_class} seats and only ${ballot.election_class} members vote in it`,
        );
      }
      if (member.withdrawn_on) throw GovernanceErrors.notEligible('a member who has withdrawn no longer votes');
      const keys = this.chosenKeys(ballot, dto);
      const state = windowState(new Date(), ballot.opens_at, ballot.closes_at, ballot.closed_at !== null);
      if (state !== 'open') throw GovernanceErrors.outsideWindow(state);
      if (member.admitted_on > londonDay(ballot.opens_at))
        throw GovernanceErrors.notEligible('members admitted after a ballot opened do not vote on it');

      const options = await this.ballots.options(m, ballotId);
      const unknown = keys.find((k) => !options.some((o) => o.optionKey === k));
      if (unknown) throw GovernanceErrors.badVote(`${unknown} is not an option on this ballot`);

      const inserted = await m.query(
        'INSERT INTO ballot_participation (ballot_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [ballotId, memberId],
      );
      if (inserted.length === 0) throw GovernanceErrors.alreadyVoted();
      await m.query('UPDATE ballot_option SET votes = votes + 1 WHERE ballot_id = $1 AND option_key = ANY($2::text[])', [ballotId, keys]);
    });
  }

  private chosenKeys(ballot: { kind: string; seats: number | null }, dto: CastVoteDto): string[] {
    if (ballot.kind === 'election') {
      if (dto.choice || !dto.candidates)
        throw GovernanceErrors.badVote('candidates must list the option keys of the candidates you vote for');
      if (dto.candidates.length > ballot.seats!)
        throw GovernanceErrors.badVote(`candidates may name at most ${ballot.seats} (the seats being elected)`);
      return dto.candidates;
    }
    if (dto.candidates || !dto.choice) throw GovernanceErrors.badVote('choice must be one of for, against, abstain');
    return [dto.choice];
  }
}
