import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ContractType } from '@app/contracts';

import type { StaffRole, VacancyStatus } from './workforce.rules';

/** A post the co-op is recruiting for; closed as filled or withdrawn. */
@Entity('vacancy')
export class Vacancy {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  role: StaffRole;

  @Column('text', { name: 'contract_type' })
  contractType: ContractType;

  @Column('int', { name: 'minutes_per_week' })
  minutesPerWeek: number;

  @Column('int', { name: 'hourly_pay_pence' })
  hourlyPayPence: number;

  @Column('text')
  locality: string;

  @Column('date', { name: 'opened_on' })
  openedOn: string;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn: string | null;

  @Column('text')
  status: VacancyStatus;

  /** In the consortium's recruitment pool: the hub shows it to candidates who fit. */
  @Column('boolean')
  pooled: boolean;

  /** Goes up with each change sent to the pool, so the hub never takes an older one over a newer. */
  @Column('int', { name: 'pool_revision' })
  poolRevision: number;

  /** When the post starts, as the pool shows it: set when the vacancy is first pooled. */
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;
}
