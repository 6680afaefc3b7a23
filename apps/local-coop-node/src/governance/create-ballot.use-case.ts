import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type { StakeholderClass } from '@app/contracts';

import type { Rulebook } from '../rulebook';
import { RulebookStore, seatsFor } from '../rulebook';
import { BallotKind } from './ballot.entity';
import { BallotQueries } from './ballot.queries';
import { BallotView, CreateBallotDto } from './governance.dto';
import { GovernanceErrors } from './governance.errors';

const MOTION_OPTIONS = [
  { key: 'for', label: 'For' },
  { key: 'against', label: 'Against' },
  { key: 'abstain', label: 'Abstain' },
];

export interface NewBallot {
  kind: BallotKind;
  title: string;
  description?: string | null;
  resolution: 'ordinary' | 'special' | 'plurality';
  eligibleClasses: StakeholderClass[];
  electionClass?: StakeholderClass | null;
  seats?: number | null;
  proposedRulebook?: Rulebook | null;
  opensAt: Date;
  closesAt: Date;
  options: { key: string; label: string; candidateMemberId?: string }[];
}

/** Opens a motion, or a board election in which one class elects its own seats. */
@Injectable()
export class CreateBallot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly ballots: BallotQueries,
  ) {}

  async execute(dto: CreateBallotDto): Promise<BallotView> {
    const id = await this.dataSource.transaction(async (m) => {
      const { rulebook } = await this.rulebooks.current(m);
      const opensAt = dto.opensAt ? new Date(dto.opensAt) : new Date();
      const closesAt = new Date(dto.closesAt);
      if (dto.kind === 'motion') {
        const classes = dto.eligibleClasses ?? rulebook.admittedClasses;
        const stray = classes.find((c) => !rulebook.admittedClasses.includes(c));
        if (stray) throw GovernanceErrors.notEligible(`the rulebook does not admit the ${stray} class`);
        return insertBallot(m, {
          kind: 'motion',
          title: dto.title,
          description: dto.description,
          resolution: dto.resolution!,
          eligibleClasses: classes,
          opensAt,
          closesAt,
          options: MOTION_OPTIONS,
        });
      }
      const cls = dto.stakeholderClass!;
      const ruleSeats = seatsFor(rulebook, cls)?.seats ?? 0;
      const seats = dto.seats ?? ruleSeats;
      if (seats < 1 || seats > ruleSeats) {
        throw GovernanceErrors.board([
          {
            rule: 'GOVERNANCE.BOARD_SEATS_EXCEEDED',
            message: `${cls} may elect ${ruleSeats} board seat${ruleSeats === 1 ? '' : 's'} under the rulebook, not ${seats}`,
          },
        ]);
      }
      const candidates: { id: string; full_name: string; stakeholder_class: string; withdrawn_on: string | null }[] = await m.query(
        'SELECT id, full_name, stakeholder_class, withdrawn_on FROM member WHERE id = ANY($1::uuid[])',
        [dto.candidateMemberIds],
      );
      for (const candidateId of dto.candidateMemberIds!) {
        const c = candidates.find((x) => x.id === candidateId);
        if (!c || c.withdrawn_on) throw GovernanceErrors.badCandidate(`candidate ${candidateId} is not an active member`);
        if (c.stakeholder_class !== cls)
          throw GovernanceErrors.badCandidate(
            `candidate ${c.full_name} is a ${c.stakeholder_class} member and cannot stand for the ${cls} seats`,
          );
      }
      return insertBallot(m, {
        kind: 'election',
        title: dto.title,
        description: dto.description,
        resolution: 'plurality',
        eligibleClasses: [cls],
        electionClass: cls,
        seats,
        opensAt,
        closesAt,
        options: dto.candidateMemberIds!.map((cid) => ({
          key: cid,
          label: candidates.find((x) => x.id === cid)!.full_name,
          candidateMemberId: cid,
        })),
      });
    });
    return this.ballots.get(id, { subject: 'system', role: 'coop-admin' });
  }
}

/** How far back a ballot may say it opened: clocks differ a little, the electorate must not. */
const OPENS_AT_SKEW_MS = 5 * 60_000;

export async function insertBallot(m: EntityManager, b: NewBallot): Promise<string> {
  if (b.closesAt.getTime() <= Date.now()) throw GovernanceErrors.windowInPast();
  // Eligibility is "admitted by the day it opened": a backdated opening would silently shut out newer members.
  if (b.opensAt.getTime() < Date.now() - OPENS_AT_SKEW_MS) throw GovernanceErrors.opensInPast();
  if (b.closesAt <= b.opensAt) throw GovernanceErrors.badVote('closesAt must be after opensAt');
  const id = randomUUID();
  await m.query(
    `INSERT INTO ballot (id, kind, title, description, resolution, eligible_classes, election_class, seats, proposed_rulebook, opens_at, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      b.kind,
      b.title,
      b.description ?? null,
      b.resolution,
      b.eligibleClasses,
      b.electionClass ?? null,
      b.seats ?? null,
      b.proposedRulebook ? JSON.stringify(b.proposedRulebook) : null,
      b.opensAt,
      b.closesAt,
    ],
  );
  for (const [position, o] of b.options.entries()) {
    await m.query('INSERT INTO ballot_option (ballot_id, option_key, position, label, candidate_member_id) VALUES ($1, $2, $3, $4, $5)', [
      id,
      o.key,
      position,
      o.label,
      o.candidateMemberId ?? null,
    ]);
  }
  return id;
}
