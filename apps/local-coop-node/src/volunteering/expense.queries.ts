import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf, Principal } from '@app/platform';

import { ExpenseKind, ExpenseStatus } from './expense.rules';
import { ExpenseView, ListExpensesQuery } from './expenses.dto';
import { mayActOnVolunteer, VolunteerScope } from './volunteer-access.rules';
import { VolunteeringErrors } from './volunteering.errors';

/** An expense_claim row as `pg` returns it: numeric miles as a string, dates as 'YYYY-MM-DD', timestamps as Date. */
export interface ExpenseClaimRecord {
  id: string;
  volunteer_id: string;
  kind: ExpenseKind;
  amount_pence: number;
  miles: string | null;
  rate_pence_per_mile: number | null;
  incurred_on: string;
  description: string | null;
  status: ExpenseStatus;
  submitted_at: Date;
  approved_at: Date | null;
  approval_note: string | null;
  rejected_at: Date | null;
  rejection_reason: string | null;
  paid_at: Date | null;
  payment_reference: string | null;
}

const SELECT = 'SELECT e.*, v.member_id FROM expense_claim e JOIN volunteer v ON v.id = e.volunteer_id';

@Injectable()
export class ExpenseQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListExpensesQuery, scope: VolunteerScope): Promise<Page<ExpenseView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope !== 'all') where.push(`v.member_id = $${params.push(scope.memberId)}`);
    if (q.status) where.push(`e.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`e.kind = $${params.push(q.kind)}`);
    if (q.volunteerId) where.push(`e.volunteer_id = $${params.push(q.volunteerId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM expense_claim e JOIN volunteer v ON v.id = e.volunteer_id ${clause}`,
      params,
    );
    const rows: ExpenseClaimRecord[] = await this.dataSource.query(
      `${SELECT} ${clause} ORDER BY e.submitted_at, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  /** The claim, if the caller may see it: a member only their own, anything else a 404. */
  async visibleTo(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<ExpenseView> {
    const [row]: (ExpenseClaimRecord & { member_id: string | null })[] = await manager.query(`${SELECT} WHERE e.id = $1`, [id]);
    if (!row) throw VolunteeringErrors.expenseNotFound(id);
    if (!mayActOnVolunteer(principal, { memberId: row.member_id })) throw VolunteeringErrors.expenseNotFound(id);
    return toView(row);
  }

  /** Every claim the volunteer made, oldest first, for their data export. */
  async allOf(manager: EntityManager, volunteerId: string): Promise<ExpenseView[]> {
    const rows: ExpenseClaimRecord[] = await manager.query(`${SELECT} WHERE e.volunteer_id = $1 ORDER BY e.submitted_at, e.id`, [
      volunteerId,
    ]);
    return rows.map(toView);
  }

  async get(manager: EntityManager, id: string): Promise<ExpenseView> {
    const [row]: (ExpenseClaimRecord & { member_id: string | null })[] = await manager.query(`${SELECT} WHERE e.id = $1`, [id]);
    if (!row) throw VolunteeringErrors.expenseNotFound(id);
    return toView(row);
  }
}

export function toView(r: ExpenseClaimRecord): ExpenseView {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    kind: r.kind,
    amountPence: r.amount_pence,
    miles: r.miles === null ? null : Number(r.miles),
    ratePencePerMile: r.rate_pence_per_mile,
    incurredOn: r.incurred_on,
    description: r.description,
    status: r.status,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    approvalNote: r.approval_note,
    rejectedAt: r.rejected_at,
    rejectionReason: r.rejection_reason,
    paidAt: r.paid_at,
    paymentReference: r.payment_reference,
  };
}
