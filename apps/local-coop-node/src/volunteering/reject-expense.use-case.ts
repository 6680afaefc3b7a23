import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ExpenseQueries } from './expense.queries';
import { allowedExpenseActions, expenseTransition } from './expense.rules';
import { ExpenseStore } from './expense.store';
import { ExpenseView, RejectExpenseDto } from './expenses.dto';
import { VolunteeringErrors } from './volunteering.errors';

/** The co-op declines a submitted claim, always saying why, so the volunteer can put it right. */
@Injectable()
export class RejectExpense {
  constructor(
    private readonly dataSource: DataSource,
    private readonly expenses: ExpenseQueries,
    private readonly store: ExpenseStore,
  ) {}

  async execute(id: string, dto: RejectExpenseDto): Promise<ExpenseView> {
    return this.dataSource.transaction(async (m) => {
      const claim = await this.store.lock(m, id);
      const step = expenseTransition(claim.status, 'reject');
      if ('violation' in step)
        throw VolunteeringErrors.expenseTransition(step.violation, claim.status, allowedExpenseActions(claim.status));
      await m.query('UPDATE expense_claim SET status = $2, rejected_at = now(), rejection_reason = $3 WHERE id = $1', [
        id,
        step.next,
        dto.reason,
      ]);
      return this.expenses.get(m, id);
    });
  }
}
