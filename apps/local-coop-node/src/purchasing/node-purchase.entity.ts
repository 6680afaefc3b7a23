import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A purchase the co-op made itself, outside the consortium's joint rounds. */
@Entity('node_purchase')
export class NodePurchase {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  supplier: string;

  /** What was bought. */
  @Column('text')
  description: string;

  @Column('date', { name: 'bought_on' })
  boughtOn: string;

  /** bigint: pg gives it as a string. */
  @Column('bigint', { name: 'amount_pence' })
  amountPence: string;

  /** The co-op locality the supplier is local to; null: not a local supplier. */
  @Column('text', { name: 'local_to', nullable: true })
  localTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
