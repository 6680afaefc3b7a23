import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A time-credit account: one per volunteer, the co-op's single issuer account, which mints credits
 * for hours given and is the only one allowed below the overdraft, and its single consortium clearing
 * account, through which credits are paid to and from other co-ops. The balance is the sum
 * of the account's entries; the row itself is what transfers lock.
 */
@Entity('time_account')
export class TimeAccount {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: 'issuer' | 'volunteer' | 'clearing';

  @Column('uuid', { name: 'volunteer_id', nullable: true })
  volunteerId: string | null;
}
