import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RECRUITMENT_HIRE_REQUESTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { VacancyStore } from '../workforce';
import { HireRequestQueries } from './hire-request.queries';
import { HireRequestStore } from './hire-request.store';
import { HireRequestView, RequestHireDto } from './hire-requests.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { hireRequestViolation } from './recruitment.rules';

/**
 * The co-op asks the hub for a pool candidate for one of its pooled vacancies. The request and its
 * message are written together; the hub's receipt then says whether the candidate was asked (waiting)
 * or the hub refused (refused, with its reason), and the candidate's answer comes later.
 */
@Injectable()
export class RequestHire {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyStore,
    private readonly store: HireRequestStore,
    private readonly queries: HireRequestQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(dto: RequestHireDto): Promise<HireRequestView> {
    const view = await this.dataSource.transaction(async (m) => {
      // The vacancy's lock keeps two requests for the same candidate and vacancy from both passing the check.
      const vacancy = await this.vacancies.lockForChange(m, dto.vacancyId);
      const violation = hireRequestViolation(vacancy, dto.vacancyId, await this.store.earlierFor(m, dto.profileId));
      if (violation) throw RecruitmentErrors.rule(violation);
      const id = randomUUID();
      const at = new Date();
      await this.store.insert(m, { id, vacancyId: dto.vacancyId, profileId: dto.profileId, at });
      await this.outbox.enqueue(
        m,
        RECRUITMENT_HIRE_REQUESTED_V1,
        { requestId: id, vacancyId: dto.vacancyId, profileId: dto.profileId },
        { occurredAt: at },
      );
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
