import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, RECRUITMENT_HIRE_ANSWERED_V1, RecruitmentHireAnsweredV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { HireRequestStore } from './hire-request.store';
import { RecruitmentErrors } from './recruitment.errors';
import { statusAfterAnswer } from './recruitment.rules';

/** How one of the co-op's requests ended without an application: declined, the candidate gone, or the vacancy closed. */
@Injectable()
export class RecordHireAnswer implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: HireRequestStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(RECRUITMENT_HIRE_ANSWERED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<RecruitmentHireAnsweredV1>, m: EntityManager): Promise<void> {
    const { requestId, outcome } = envelope.payload;
    const request = await this.store.lock(m, requestId);
    if (!request) throw RecruitmentErrors.unknownRequest(requestId);
    const next = statusAfterAnswer(request.status, outcome);
    if (next) await this.store.setStatus(m, request.id, next);
  }
}
