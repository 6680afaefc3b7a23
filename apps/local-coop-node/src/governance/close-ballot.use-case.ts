import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { LONDON_TODAY_SQL, londonDay } from '@app/platform';

import { BoardMember, boardViolations, RulebookStore } from '../rulebook';
import { Ballot } from './ballot.entity';
import { BallotQueries } from './ballot.queries';
import { BallotStore } from './ballot.store';
import { BallotResultView } from './governance.dto';
import { GovernanceErrors } from './governance.errors';
import { electionResult, motionResult } from './governance.rules';

/**
 * Computes a ballot's result once its window has closed, and makes it final: a closed ballot is
 * never recounted. A passed rulebook change is adopted, and an election seats its winners in place
 * of the class's previous board members, in the same transaction.
 */
@Injectable()
export class CloseBallot {
  private readonly logger = new Logger(CloseBallot.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ballots: BallotQueries,
    private readonly rulebooks: RulebookStore,
    private readonly store: BallotStore,
  ) {}

  async execute(id: string, now = new Date()): Promise<BallotResultView> {
    return this.dataSource.transaction(async (m) => {
      const ballot = await this.store.lock(m, id);
      if (ballot.result) return ballot.result;
      if (now < ballot.closesAt) throw GovernanceErrors.stillOpen(ballot.closesAt);
      const result = await this.count(m, ballot);
      await m.query('UPDATE ballot SET result = $2, closed_at = $3 WHERE id = $1', [id, JSON.stringify(result), now]);
      this.logger.log({
        msg: 'ballot closed',
        ballotId: id,
        kind: ballot.kind,
        quorumMet: result.quorumMet,
        passed: result.passed ?? null,
      });
      return result;
    });
  }

  private async count(m: EntityManager, ballot: Ballot): Promise<BallotResultView> {
    const { rulebook } = await this.rulebooks.current(m);
    // Eligible: members of the ballot's classes admitted by the day it opened and not gone before the day it
    // closed, both days as the UK's clock reads them.
    const [{ eligible }] = await m.query(
      `SELECT count(*)::int AS eligible FROM member
        WHERE stakeholder_class = ANY($1::text[]) AND admitted_on <= $2::date AND (withdrawn_on IS NULL OR withdrawn_on >= $3::date)`,
      [ballot.eligibleClasses, londonDay(ballot.opensAt), londonDay(ballot.closesAt)],
    );
    const [{ voted }] = await m.query('SELECT count(*)::int AS voted FROM ballot_participation WHERE ballot_id = $1', [ballot.id]);
    const options = await this.ballots.options(m, ballot.id);
    const votesOf = (key: string) => options.find((o) => o.optionKey === key)?.votes ?? 0;

    if (ballot.kind === 'election') {
      // A candidate who has left the co-op by the close cannot take a seat; the next in line does.
      const gone: { id: string }[] = await m.query('SELECT id FROM member WHERE id = ANY($1::uuid[]) AND withdrawn_on IS NOT NULL', [
        options.map((o) => o.candidateMemberId),
      ]);
      const standing = options.filter((o) => !gone.some((g) => g.id === o.candidateMemberId));
      const result = electionResult(
        standing.map((o) => ({ key: o.optionKey, votes: o.votes })),
        ballot.seats!,
        eligible,
        voted,
        rulebook.quorumPercent,
      );
      const withdrawn = options.filter((o) => !standing.includes(o)).map((o) => ({ key: o.optionKey, votes: o.votes }));
      return {
        ...result,
        ...(withdrawn.length ? { withdrawnCandidates: withdrawn } : {}),
        ...(await this.seat(m, ballot, result.elected)),
      };
    }
    const motion = motionResult(
      { for: votesOf('for'), against: votesOf('against'), abstain: votesOf('abstain') },
      eligible,
      voted,
      ballot.resolution as 'ordinary' | 'special',
      rulebook,
    );
    if (ballot.kind === 'rulebook-change' && motion.passed) {
      try {
        const adopted = await this.rulebooks.adopt(m, ballot.proposedRulebook!, `ballot:${ballot.id}`);
        return { ...motion, adoptedRulebookVersion: adopted.version };
      } catch (error) {
        return { ...motion, notAdopted: (error as Error).message };
      }
    }
    return { ...motion };
  }

  /** Seats the winners for the election's class, unless the board that would result breaks the rulebook. */
  private async seat(m: EntityManager, ballot: Ballot, elected: string[]): Promise<Pick<BallotResultView, 'seated' | 'notSeated'>> {
    if (elected.length === 0) return { seated: [] };
    const { rulebook } = await this.rulebooks.current(m);
    const others: BoardMember[] = (
      await m.query(
        `SELECT b.member_id, b.stakeholder_class FROM board_seat b JOIN member mm ON mm.id = b.member_id
          WHERE b.stakeholder_class <> $1 AND mm.withdrawn_on IS NULL`,
        [ballot.electionClass],
      )
    ).map((r: { member_id: string; stakeholder_class: BoardMember['stakeholderClass'] }) => ({
      memberId: r.member_id,
      stakeholderClass: r.stakeholder_class,
    }));
    const board = [...others, ...elected.map((memberId) => ({ memberId, stakeholderClass: ballot.electionClass! }))];
    const violations = boardViolations(board, rulebook, 'seats');
    if (violations.length) return { seated: [], notSeated: violations };
    await m.query('DELETE FROM board_seat WHERE stakeholder_class = $1', [ballot.electionClass]);
    for (const memberId of elected) {
      await m.query(
        `INSERT INTO board_seat (member_id, stakeholder_class, ballot_id, since) VALUES ($1, $2, $3, ${LONDON_TODAY_SQL})
         ON CONFLICT (member_id) DO UPDATE SET stakeholder_class = EXCLUDED.stakeholder_class, ballot_id = EXCLUDED.ballot_id, since = EXCLUDED.since`,
        [memberId, ballot.electionClass, ballot.id],
      );
    }
    return { seated: elected };
  }
}
