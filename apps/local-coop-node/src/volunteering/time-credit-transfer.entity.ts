import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { TransferPurpose } from './time-bank.rules';
import type { CrossCoopDirection, CrossCoopStatus } from './time-credits-across.rules';

/**
 * A payment of time credits across co-ops, as this node knows it: outgoing (a volunteer of this co-op
 * paid a payment code of another co-op) or incoming (a volunteer of this co-op was paid from another).
 * The id is made by the paying node and is the same on the hub and on the other node.
 */
@Entity('time_credit_transfer')
export class TimeCreditTransfer {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  direction: CrossCoopDirection;

  /** The payer (outgoing) or the payee (incoming): a volunteer of this co-op, never named beyond it. */
  @Column('uuid', { name: 'volunteer_id' })
  volunteerId: string;

  @Column('text', { name: 'other_coop_id' })
  otherCoopId: string;

  @Column('int')
  minutes: number;

  @Column('text', { nullable: true })
  purpose: TransferPurpose | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text')
  status: CrossCoopStatus;

  @Column('text', { name: 'refusal_reason', nullable: true })
  refusalReason: string | null;

  /** The outgoing message's id, by which the hub's receipt finds the transfer. */
  @Column('uuid', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'settled_at', nullable: true })
  settledAt: Date | null;

  @Column('date', { name: 'completed_on', nullable: true })
  completedOn: string | null;
}
