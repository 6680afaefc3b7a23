import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ShareTransactionKind } from './shares.rules';

/** The share register: every purchase and withdrawal of community shares, in pence. */
@Entity('share_transaction')
export class ShareTransaction {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'member_id' })
  memberId: string;

  @Column('text')
  kind: ShareTransactionKind;

  @Column('int', { name: 'amount_pence' })
  amountPence: number;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
