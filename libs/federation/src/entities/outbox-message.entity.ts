import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'published' | 'confirmed' | 'rejected';

/**
 * A message waiting to cross to the other side, written in the same transaction as the change
 * that caused it. It is kept until the receiver's receipt says it was applied (or refused for good);
 * JetStream's acknowledgement only moves it from pending to published.
 */
@Entity('outbox_message')
@Index('ix_outbox_due', ['nextAttemptAt'], { where: `status IN ('pending', 'published')` })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  @Column('text')
  type: string;

  @Column('int')
  version: number;

  /** The co-op the message is from (node) or to (hub). */
  @Column('text', { name: 'coop_id' })
  coopId: string;

  @Column('jsonb')
  envelope: object;

  @Column('boolean', { name: 'needs_receipt' })
  needsReceipt: boolean;

  @Column('text')
  status: OutboxStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'settled_at', nullable: true })
  settledAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
