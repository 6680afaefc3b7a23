import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ServiceType } from '@app/contracts';

import type { VisitStatus } from './care.rules';

/** One visit by one carer to one person; delivered minutes are known only once it is delivered. */
@Entity('visit')
export class Visit {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'service_user_id' })
  serviceUserId: string;

  @Column('uuid', { name: 'carer_id' })
  carerId: string;

  @Column('text', { name: 'service_type' })
  serviceType: ServiceType;

  @Column('timestamptz', { name: 'planned_start' })
  plannedStart: Date;

  @Column('int', { name: 'planned_minutes' })
  plannedMinutes: number;

  @Column('text')
  status: VisitStatus;

  @Column('int', { name: 'delivered_minutes', nullable: true })
  deliveredMinutes: number | null;

  /** The consortium contract the visit delivers (tendering's tender_contract), when it names one. */
  @Column('uuid', { name: 'contract_id', nullable: true })
  contractId: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt: Date;
}
