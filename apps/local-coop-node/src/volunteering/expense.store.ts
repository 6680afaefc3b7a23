import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ExpenseClaimRecord, toView } from './expense.queries';
import { ExpenseView } from './expenses.dto';
import { VolunteeringErrors } from './volunteering.errors';

/** The expense claim taken under a lock, for the use cases that decide on it. */
@Injectable()
export class ExpenseStore {
  /** The claim locked for a change of state, so two decisions on it queue and the second sees the first. */
  async lock(manager: EntityManager, id: string): Promise<ExpenseView> {
    const [row]: ExpenseClaimRecord[] = await manager.query('SELECT e.* FROM expense_claim e WHERE e.id = $1 FOR UPDATE', [id]);
    if (!row) throw VolunteeringErrors.expenseNotFound(id);
    return toView(row);
  }
}
