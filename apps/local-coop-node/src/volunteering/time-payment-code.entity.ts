import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A one-time payment code made for a volunteer of this co-op. Only its SHA-256 is kept: the code is
 * shown once, to whoever made it, and is a bearer's right to be paid into that volunteer's account.
 */
@Entity('time_payment_code')
export class TimePaymentCode {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'code_hash' })
  codeHash: string;

  @Column('uuid', { name: 'volunteer_id' })
  volunteerId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column('uuid', { name: 'transfer_id', nullable: true })
  transferId: string | null;
}
