import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message the inbox could not apply: invalid, or still failing after the last delivery. Kept with
 * the reason for an operator; the consumer has moved on. Only a digest and the size of the body are
 * kept, never the body, so nothing a misbehaving sender put in it is stored here.
 */
@Entity('dead_letter')
export class DeadLetter {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('text')
  subject: string;

  @Column('text', { name: 'coop_id', nullable: true })
  coopId: string | null;

  @Column('text')
  reason: string;

  @Column('int', { name: 'size_bytes' })
  sizeBytes: number;

  @Column('char', { name: 'content_sha256', length: 64 })
  contentSha256: string;

  @Column('int', { name: 'delivery_count' })
  deliveryCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
