import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { VisitQueries } from './visit.queries';
import { VisitParticipants } from './visit-participants.service';
import { PlanVisitDto, VisitView } from './visits.dto';

@Injectable()
export class PlanVisit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participants: VisitParticipants,
    private readonly queries: VisitQueries,
  ) {}

  async execute(dto: PlanVisitDto): Promise<VisitView> {
    const plannedStart = new Date(dto.plannedStart);
    return this.dataSource.transaction(async (m) => {
      await this.participants.assertAvailable(m, dto.serviceUserId, dto.carerId, plannedStart);
      await this.participants.assertContract(m, dto.contractId ?? null, dto.serviceType, plannedStart);
      const id = randomUUID();
      await m.query(
        `INSERT INTO visit (id, service_user_id, carer_id, service_type, planned_start, planned_minutes, contract_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.serviceUserId, dto.carerId, dto.serviceType, plannedStart, dto.plannedMinutes, dto.contractId ?? null],
      );
      return this.queries.get(id, m);
    });
  }
}
