import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { visitChangeViolation } from './care.rules';
import { VisitQueries } from './visit.queries';
import { VisitStore } from './visit.store';
import { VisitOutcomeDto, VisitView } from './visits.dto';

/** Records what became of a planned visit: delivered (for how long), missed, or cancelled. */
@Injectable()
export class RecordVisitOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: VisitQueries,
    private readonly store: VisitStore,
  ) {}

  async execute(id: string, dto: VisitOutcomeDto): Promise<VisitView> {
    return this.dataSource.transaction(async (m) => {
      // The row lock makes a second recording wait, then see the first one's outcome and be refused.
      const visit = await this.store.lockForChange(m, id);
      const violation = visitChangeViolation(visit.status);
      if (violation) throw CareErrors.rule(violation);
      await m.query('UPDATE visit SET status = $2, delivered_minutes = $3 WHERE id = $1', [
        id,
        dto.status,
        dto.status === 'delivered' ? dto.deliveredMinutes : null,
      ]);
      return this.queries.get(id, m);
    });
  }
}
