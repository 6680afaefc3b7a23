import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

import type { SafeguardingCategory, SafeguardingOutcome } from '@app/contracts';

/** A safeguarding concern about a person the co-op supports; only counts by category ever leave the node. */
@Entity('safeguarding_concern')
export class SafeguardingConcern {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'service_user_id' })
  serviceUserId: string;

  @Column('date', { name: 'raised_on' })
  raisedOn: string;

  @Column('text')
  category: SafeguardingCategory;

  /** What was seen or heard; blanked (null) when the person's personal data is erased. */
  @Column('text', { nullable: true })
  details: string | null;

  /** The day the concern was referred to the council's adult safeguarding team; null: not referred. */
  @Column('date', { name: 'referred_on', nullable: true })
  referredOn: string | null;

  @Column('text')
  outcome: SafeguardingOutcome;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
