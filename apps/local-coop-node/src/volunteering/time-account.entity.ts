import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A time-credit account: one per volunteer, and the co-op's single issuer account, which mints
 * credits for hours given and is the only one allowed below the overdraft. The balance is the sum
 * of the account's entries; the row itself is what transfers lock.
 */
@Entity('time_account')
export class TimeAccount {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: 'issuer' | 'volunteer';

  @Column('uuid', { name: 'volunteer_id', nullable: true })
  volunteerId: string | null;
}
