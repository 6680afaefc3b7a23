import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { visitChangeViolation } from './care.rules';
import { VisitQueries } from './visit.queries';
import { VisitStore } from './visit.store';
import { VisitParticipants } from './visit-participants.service';
import { VisitOutcomeDto, VisitView } from './visits.dto';

/** Records what became of a planned visit: delivered (for how long), missed, or cancelled; and the contract it delivered, if named now. */
@Injectable()
export class RecordVisitOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: VisitQueries,
    private readonly store: VisitStore,
    private readonly participants: VisitParticipants,
  ) {}

  async execute(id: string, dto: VisitOutcomeDto): Promise<VisitView> {
    return this.dataSource.transaction(async (m) => {
      // The row lock makes a second recording wait, then see the first one's outcome and be refused.
      const visit = await this.store.lockForChange(m, id);
      const violation = visitChangeViolation(visit.status);
      if (violation) throw CareErrors.rule(violation);
      const contractId = dto.contractId ?? visit.contractId;
      if (dto.contractId !== undefined) await this.participants.assertContract(m, dto.contractId, visit.serviceType, visit.plannedStart);
      await m.query('UPDATE visit SET status = $2, delivered_minutes = $3, contract_id = $4 WHERE id = $1', [
        id,
        dto.status,
        dto.status === 'delivered' ? dto.deliveredMinutes : null,
        contractId,
      ]);
      return this.queries.get(id, m);
    });
  }
}
