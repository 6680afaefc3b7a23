import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BallotTakenPartView, BoardSeatRecordView, CandidacyView, OwnAuditEventView } from './personal-data.dto';

const iso = (d: Date | string) => new Date(d).toISOString();

interface BallotTakenPartRow {
  title: string;
  opens_at: Date;
  closes_at: Date;
}

interface CandidacyRow extends BallotTakenPartRow {
  closed_at: Date | null;
  label: string;
  votes: number;
  elected: boolean;
}

interface BoardSeatRow {
  stakeholder_class: string;
  since: string;
  elected_in: string | null;
  withdrawn_on: string | null;
}

interface AuditEventRow {
  at: Date;
  action: string;
  target: string | null;
  outcome: string;
  status: number | null;
}

/**
 * A member's part in governance, and what they did on the node, read from the governance tables and
 * the audit trail. Which way anyone voted is not here because the node does not know it:
 * ballot_participation records only that a member voted.
 */
@Injectable()
export class MemberGovernanceQueries {
  async ballotsTakenPart(manager: EntityManager, memberId: string): Promise<BallotTakenPartView[]> {
    const rows: BallotTakenPartRow[] = await manager.query(
      'SELECT b.title, b.opens_at, b.closes_at FROM ballot_participation p JOIN ballot b ON b.id = p.ballot_id WHERE p.member_id = $1 ORDER BY b.opens_at, b.id',
      [memberId],
    );
    return rows.map((r) => ({ title: r.title, opensAt: iso(r.opens_at), closesAt: iso(r.closes_at) }));
  }

  async candidacies(manager: EntityManager, memberId: string): Promise<CandidacyView[]> {
    const rows: CandidacyRow[] = await manager.query(
      `SELECT b.title, b.opens_at, b.closes_at, b.closed_at, o.label, o.votes, coalesce(b.result->'elected' @> to_jsonb(o.option_key), false) AS elected
         FROM ballot_option o JOIN ballot b ON b.id = o.ballot_id WHERE o.candidate_member_id = $1 ORDER BY b.opens_at, b.id`,
      [memberId],
    );
    return rows.map((r) => {
      const closed = r.closed_at !== null;
      return {
        ballotTitle: r.title,
        opensAt: iso(r.opens_at),
        closesAt: iso(r.closes_at),
        label: r.label,
        votes: closed ? r.votes : null,
        elected: closed ? r.elected : null,
      };
    });
  }

  async boardSeats(manager: EntityManager, memberId: string): Promise<BoardSeatRecordView[]> {
    const rows: BoardSeatRow[] = await manager.query(
      `SELECT s.stakeholder_class, s.since, b.title AS elected_in, m.withdrawn_on
         FROM board_seat s JOIN member m ON m.id = s.member_id LEFT JOIN ballot b ON b.id = s.ballot_id WHERE s.member_id = $1`,
      [memberId],
    );
    return rows.map((r) => ({
      stakeholderClass: r.stakeholder_class,
      since: r.since,
      electedIn: r.elected_in,
      current: r.withdrawn_on === null,
    }));
  }

  async auditEventsBy(manager: EntityManager, memberId: string): Promise<OwnAuditEventView[]> {
    const rows: AuditEventRow[] = await manager.query(
      'SELECT at, action, target, outcome, status FROM audit_event WHERE actor = $1 ORDER BY id',
      [`member:${memberId}`],
    );
    return rows.map((r) => ({ at: iso(r.at), action: r.action, target: r.target, outcome: r.outcome, status: r.status }));
  }
}
