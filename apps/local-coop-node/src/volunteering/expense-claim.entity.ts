import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ExpenseKind, ExpenseStatus } from './expense.rules';

/** What a volunteer spent for the co-op, to be paid back so that no volunteer is out of pocket. */
@Entity('expense_claim')
export class ExpenseClaim {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'volunteer_id' })
  volunteerId: string;

  @Column('text')
  kind: ExpenseKind;

  @Column('int', { name: 'amount_pence' })
  amountPence: number;

  /** Tenths of a mile, for mileage claims only. */
  @Column('numeric', { precision: 7, scale: 1, nullable: true })
  miles: string | null;

  /** The rate actually used, so a later change of rate never changes an old claim. */
  @Column('int', { name: 'rate_pence_per_mile', nullable: true })
  ratePencePerMile: number | null;

  @Column('date', { name: 'incurred_on' })
  incurredOn: string;

  /** Blanked (null) when the volunteer's personal data is erased. */
  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  status: ExpenseStatus;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt: Date | null;

  @Column('text', { name: 'approval_note', nullable: true })
  approvalNote: string | null;

  @Column('timestamptz', { name: 'rejected_at', nullable: true })
  rejectedAt: Date | null;

  @Column('text', { name: 'rejection_reason', nullable: true })
  rejectionReason: string | null;

  @Column('timestamptz', { name: 'paid_at', nullable: true })
  paidAt: Date | null;

  @Column('text', { name: 'payment_reference', nullable: true })
  paymentReference: string | null;
}
