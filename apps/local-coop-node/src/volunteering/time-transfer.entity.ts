import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { LedgerPurpose } from './time-bank.rules';

/** The header of one double-entry transfer; its two time_entry rows are checked against it at commit. */
@Entity('time_transfer')
export class TimeTransfer {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  purpose: LedgerPurpose;

  @Column('uuid', { name: 'from_account_id' })
  fromAccountId: string;

  @Column('uuid', { name: 'to_account_id' })
  toAccountId: string;

  @Column('int')
  minutes: number;

  @Column('uuid', { name: 'volunteer_hours_id', nullable: true })
  volunteerHoursId: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  /** For a payment across co-ops: the transfer it is part of, the same id on both nodes and the hub. */
  @Column('uuid', { name: 'time_credit_transfer_id', nullable: true })
  timeCreditTransferId: string | null;

  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
