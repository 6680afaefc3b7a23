import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { StakeholderClass } from '@app/contracts';

import type { Rulebook } from '../rulebook';
import type { BallotResultView } from './governance.dto';

export type BallotKind = 'motion' | 'election' | 'rulebook-change';

/** A vote of the members: a motion, a class's board election, or a rulebook change (special resolution). */
@Entity('ballot')
export class Ballot {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: BallotKind;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** 'plurality' for elections. */
  @Column('text')
  resolution: 'ordinary' | 'special' | 'plurality';

  @Column('text', { name: 'eligible_classes', array: true })
  eligibleClasses: StakeholderClass[];

  @Column('text', { name: 'election_class', nullable: true })
  electionClass: StakeholderClass | null;

  @Column('int', { nullable: true })
  seats: number | null;

  @Column('jsonb', { name: 'proposed_rulebook', nullable: true })
  proposedRulebook: Rulebook | null;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt: Date;

  @Column('timestamptz', { name: 'closes_at' })
  closesAt: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Final once set: computed when the window closes and never recomputed. */
  @Column('jsonb', { nullable: true })
  result: BallotResultView | null;
}
