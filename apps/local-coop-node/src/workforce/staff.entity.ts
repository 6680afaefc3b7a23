import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ContractType } from '@app/contracts';

import type { StaffRole } from './workforce.rules';

/** Someone the co-op employs, on one contract. Personal data: it never leaves this node. */
@Entity('staff')
export class Staff {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  @Column('text')
  role: StaffRole;

  @Column('text', { name: 'contract_type' })
  contractType: ContractType;

  @Column('int', { name: 'hourly_pay_pence' })
  hourlyPayPence: number;

  @Column('int', { name: 'contracted_minutes_per_week' })
  contractedMinutesPerWeek: number;

  @Column('date', { name: 'started_on' })
  startedOn: string;

  /** The last day worked. */
  @Column('date', { name: 'left_on', nullable: true })
  leftOn: string | null;

  @Column('text', { name: 'leaving_reason', nullable: true })
  leavingReason: string | null;

  /** Set when the employee is also a (worker) member of the co-op. */
  @Column('uuid', { name: 'member_id', nullable: true })
  memberId: string | null;

  @Column('text')
  locality: string;

  /** A disadvantaged worker for the Italian Type B rule: special-category data, never sent off the node. */
  @Column('boolean')
  disadvantaged: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt: Date;
}
