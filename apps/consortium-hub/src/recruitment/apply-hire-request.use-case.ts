import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, RECRUITMENT_HIRE_REQUESTED_V1, RecruitmentHireRequestedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { PoolProfileStore } from './pool-profile.store';
import { RecruitmentErrors } from './recruitment.errors';

/**
 * A co-op asks to hire a candidate it was shown for one of its pooled vacancies. Refused (the co-op's
 * node gets the reason in its receipt) unless: the vacancy is this co-op's and in the pool, the profile
 * id is one this co-op was shown and the candidate is still in the pool, the candidate never declined
 * this co-op, no request from it is already waiting, and the co-op has a sealing key for the
 * application. Then the request waits for the candidate's answer.
 */
@Injectable()
export class ApplyHireRequest implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly profiles: PoolProfileStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(RECRUITMENT_HIRE_REQUESTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<RecruitmentHireRequestedV1>, m: EntityManager): Promise<void> {
    const { coopId } = envelope;
    const { requestId, vacancyId, profileId } = envelope.payload;
    const [taken]: unknown[] = await m.query('SELECT 1 FROM hire_request WHERE id = $1', [requestId]);
    if (taken) throw RecruitmentErrors.requestIdTaken(requestId);
    const [vacancy]: { state: string; role: string; locality: string }[] = await m.query(
      'SELECT state, role, locality FROM pooled_vacancy WHERE coop_id = $1 AND vacancy_id = $2 FOR SHARE',
      [coopId, vacancyId],
    );
    if (!vacancy) throw RecruitmentErrors.vacancyNotPooled(coopId, vacancyId);
    if (vacancy.state !== 'pooled') throw RecruitmentErrors.vacancyNotPooled(coopId, vacancyId, vacancy.state);
    const candidateId = await this.profiles.candidateOf(m, coopId, profileId);
    if (!candidateId) throw RecruitmentErrors.profileUnknown(profileId);
    // The candidate's row is the lock every change to their requests and consents takes.
    await m.query('SELECT 1 FROM candidate WHERE id = $1 AND erased_at IS NULL FOR UPDATE', [candidateId]);
    const [inPool]: unknown[] = await m.query(
      "SELECT 1 FROM candidate_consent WHERE candidate_id = $1 AND kind = 'pool' AND withdrawn_at IS NULL",
      [candidateId],
    );
    if (!inPool) throw RecruitmentErrors.candidateLeftPool();
    const earlier: { status: string }[] = await m.query(
      `SELECT status FROM hire_request WHERE coop_id = $1 AND candidate_id = $2 AND status IN ('declined', 'waiting')`,
      [coopId, candidateId],
    );
    if (earlier.some((r) => r.status === 'declined')) throw RecruitmentErrors.declinedBefore(coopId);
    if (earlier.length > 0) throw RecruitmentErrors.requestWaiting(coopId);
    const [coop]: { sealing_key: string | null }[] = await m.query('SELECT sealing_key FROM coop WHERE id = $1', [coopId]);
    if (!coop?.sealing_key) throw RecruitmentErrors.noSealingKey(coopId);
    await m.query(
      `INSERT INTO hire_request (id, coop_id, vacancy_id, candidate_id, status, role, locality, requested_at)
       VALUES ($1, $2, $3, $4, 'waiting', $5, $6, $7)`,
      [requestId, coopId, vacancyId, candidateId, vacancy.role, vacancy.locality, new Date(envelope.occurredAt)],
    );
  }
}
