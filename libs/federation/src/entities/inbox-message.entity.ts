import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type InboxOutcome = 'applied' | 'rejected';

/**
 * One row per message id ever applied (or refused for a business rule). Inserted in the same
 * transaction as the message's effect, so a repeat, however late, changes nothing. The content hash
 * tells a true repeat from a different message that reuses an id.
 */
@Entity('inbox_message')
export class InboxMessage {
  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId: string;

  @Column('text')
  type: string;

  @Column('int')
  version: number;

  @Column('text', { name: 'coop_id' })
  coopId: string;

  @Column('char', { name: 'content_sha256', length: 64 })
  contentSha256: string;

  @Column('text')
  outcome: InboxOutcome;

  @Column('text', { nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
