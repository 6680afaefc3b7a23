import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ExpenseQueries } from './expense.queries';
import { allowedExpenseActions, expenseTransition } from './expense.rules';
import { ExpenseStore } from './expense.store';
import { ApproveExpenseDto, ExpenseView } from './expenses.dto';
import { VolunteeringErrors } from './volunteering.errors';

/** The co-op agrees to pay a submitted claim. */
@Injectable()
export class ApproveExpense {
  constructor(
    private readonly dataSource: DataSource,
    private readonly expenses: ExpenseQueries,
    private readonly store: ExpenseStore,
  ) {}

  async execute(id: string, dto: ApproveExpenseDto): Promise<ExpenseView> {
    return this.dataSource.transaction(async (m) => {
      const claim = await this.store.lock(m, id);
      const step = expenseTransition(claim.status, 'approve');
      if ('violation' in step)
        throw VolunteeringErrors.expenseTransition(step.violation, claim.status, allowedExpenseActions(claim.status));
      await m.query('UPDATE expense_claim SET status = $2, approved_at = now(), approval_note = $3 WHERE id = $1', [
        id,
        step.next,
        dto.note ?? null,
      ]);
      return this.expenses.get(m, id);
    });
  }
}
