import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { RECRUITMENT_APPLICATION_SEALED_V1, SealedApplicationV1 } from '@app/contracts';
import { OutboxRelay, OutboxService, sealFor } from '@app/federation';

import { applicationFromRow, ApplicationRow } from './application.mapper';
import { CandidateStore } from './candidate.store';
import { CandidateRequestQueries } from './candidate-requests.queries';
import { currentWording } from './consent.rules';
import { CandidateRequestView } from './hiring.dto';
import { ConsentDto } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';

/**
 * The candidate accepts a co-op's request: their consent to it is recorded (with the wording version and
 * the time), and their whole application goes to that co-op's node through the durable path, sealed for
 * the node's curve key alone, in the same transaction. From here the hub cannot read what it sends: the
 * sender key is made for this one message and dropped. The candidate's record is erased from the hub
 * once the node's receipt says it applied the application (RecordApplicationDelivery).
 */
@Injectable()
export class AcceptHireRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly queries: CandidateRequestQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(candidateId: string, requestId: string, dto: ConsentDto, now = new Date()): Promise<CandidateRequestView> {
    const wording = currentWording('hire')!;
    if (dto.wordingVersion !== wording.version) throw RecruitmentErrors.wordingNotCurrent('hire', dto.wordingVersion, wording.version);
    const view = await this.dataSource.transaction(async (m) => {
      const candidate = await this.candidates.lockOwn(m, candidateId);
      const request = await lockWaitingRequest(m, candidateId, requestId);
      const [coop]: { sealing_key: string | null }[] = await m.query('SELECT sealing_key FROM coop WHERE id = $1', [request.coop_id]);
      if (!coop?.sealing_key) throw RecruitmentErrors.noSealingKey(request.coop_id);
      const [row]: ApplicationRow[] = await m.query('SELECT * FROM candidate_application WHERE candidate_id = $1', [candidateId]);
      if (!row) throw RecruitmentErrors.noApplication();
      await m.query(
        `INSERT INTO candidate_consent (id, candidate_id, kind, wording_version, coop_id, request_id, given_at)
         VALUES ($1, $2, 'hire', $3, $4, $5, $6)`,
        [randomUUID(), candidateId, wording.version, request.coop_id, requestId, now],
      );
      const application = applicationFromRow(row);
      const content: SealedApplicationV1 = {
        ...application,
        email: candidate.email,
        consent: { wordingVersion: wording.version, givenAt: now.toISOString() },
      };
      const box = sealFor(coop.sealing_key, content);
      const envelope = await this.outbox.enqueue(
        m,
        RECRUITMENT_APPLICATION_SEALED_V1,
        { requestId, vacancyId: request.vacancy_id, recipientKey: coop.sealing_key, senderKey: box.senderKey, sealed: box.sealed },
        { coopId: request.coop_id },
      );
      await m.query(`UPDATE hire_request SET status = 'accepted', answered_at = $2, application_message_id = $3 WHERE id = $1`, [
        requestId,
        now,
        envelope.id,
      ]);
      await this.candidates.touch(m, candidateId, now);
      return this.queries.request(candidateId, requestId, m);
    });
    this.relay.nudge();
    return view;
  }
}

/** The candidate's own request, locked, and still waiting for their answer. */
export async function lockWaitingRequest(
  m: EntityManager,
  candidateId: string,
  requestId: string,
): Promise<{ coop_id: string; vacancy_id: string }> {
  const [request]: { coop_id: string; vacancy_id: string; status: string }[] = await m.query(
    'SELECT coop_id, vacancy_id, status FROM hire_request WHERE id = $1 AND candidate_id = $2 FOR UPDATE',
    [requestId, candidateId],
  );
  if (!request) throw RecruitmentErrors.requestNotFound();
  if (request.status !== 'waiting') throw RecruitmentErrors.requestNotWaiting(request.status);
  return request;
}
