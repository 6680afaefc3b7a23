import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One side of a transfer: negative minutes for the payer, positive for the payee. Append-only. */
@Entity('time_entry')
export class TimeEntry {
  @PrimaryColumn('uuid', { name: 'transfer_id' })
  transferId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('int')
  minutes: number;
}
