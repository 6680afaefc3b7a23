import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ExpenseQueries } from './expense.queries';
import { allowedExpenseActions, expenseTransition } from './expense.rules';
import { ExpenseStore } from './expense.store';
import { ExpenseView, PayExpenseDto } from './expenses.dto';
import { VolunteeringErrors } from './volunteering.errors';

/** Records that an approved claim was paid (the money moves through the co-op's treasurer). */
@Injectable()
export class PayExpense {
  constructor(
    private readonly dataSource: DataSource,
    private readonly expenses: ExpenseQueries,
    private readonly store: ExpenseStore,
  ) {}

  async execute(id: string, dto: PayExpenseDto): Promise<ExpenseView> {
    return this.dataSource.transaction(async (m) => {
      const claim = await this.store.lock(m, id);
      const step = expenseTransition(claim.status, 'pay');
      if ('violation' in step)
        throw VolunteeringErrors.expenseTransition(step.violation, claim.status, allowedExpenseActions(claim.status));
      await m.query('UPDATE expense_claim SET status = $2, paid_at = now(), payment_reference = $3 WHERE id = $1', [
        id,
        step.next,
        dto.reference ?? null,
      ]);
      return this.expenses.get(m, id);
    });
  }
}
