import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { FundingType } from '@app/contracts';

/** A person the co-op supports. Personal data: it never leaves this node. */
@Entity('service_user')
export class ServiceUser {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  /** Null only once the person's personal data has been erased. */
  @Column('date', { name: 'date_of_birth', nullable: true })
  dateOfBirth: string | null;

  /** Null only once the person's personal data has been erased. */
  @Column('text', { nullable: true })
  address: string | null;

  @Column('text')
  locality: string;

  @Column('text', { name: 'funding_type' })
  fundingType: FundingType;

  @Column('date', { name: 'started_on' })
  startedOn: string;

  /** The last day of support. */
  @Column('date', { name: 'ended_on', nullable: true })
  endedOn: string | null;

  /** When the personal details were erased; the record of the support given is kept. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt: Date;
}
