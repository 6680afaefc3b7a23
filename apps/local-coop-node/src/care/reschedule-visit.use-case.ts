import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { visitChangeViolation } from './care.rules';
import { Visit } from './visit.entity';
import { VisitQueries } from './visit.queries';
import { VisitStore } from './visit.store';
import { VisitParticipants } from './visit-participants.service';
import { RescheduleVisitDto, VisitView } from './visits.dto';

/** Moves a planned visit, changes its service or its contract, or gives it to another carer employed on the (new) day. */
@Injectable()
export class RescheduleVisit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participants: VisitParticipants,
    private readonly queries: VisitQueries,
    private readonly store: VisitStore,
  ) {}

  async execute(id: string, dto: RescheduleVisitDto): Promise<VisitView> {
    const changes: Partial<Visit> = {
      ...(dto.carerId !== undefined && { carerId: dto.carerId }),
      ...(dto.serviceType !== undefined && { serviceType: dto.serviceType }),
      ...(dto.plannedStart !== undefined && { plannedStart: new Date(dto.plannedStart) }),
      ...(dto.plannedMinutes !== undefined && { plannedMinutes: dto.plannedMinutes }),
      ...(dto.contractId !== undefined && { contractId: dto.contractId }),
    };
    if (Object.keys(changes).length === 0) throw CareErrors.nothingToChange();
    return this.dataSource.transaction(async (m) => {
      const visit = await this.store.lockForChange(m, id);
      const violation = visitChangeViolation(visit.status);
      if (violation) throw CareErrors.rule(violation);
      await this.participants.assertAvailable(
        m,
        visit.serviceUserId,
        changes.carerId ?? visit.carerId,
        changes.plannedStart ?? visit.plannedStart,
      );
      // A tag must still hold after the move or the change of service, whether it is new or kept.
      await this.participants.assertContract(
        m,
        changes.contractId !== undefined ? changes.contractId : visit.contractId,
        changes.serviceType ?? visit.serviceType,
        changes.plannedStart ?? visit.plannedStart,
      );
      await m.update(Visit, { id }, changes);
      return this.queries.get(id, m);
    });
  }
}
