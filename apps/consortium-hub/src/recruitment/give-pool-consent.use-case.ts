import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CandidateQueries } from './candidate.queries';
import { CandidateStore } from './candidate.store';
import { currentWording } from './consent.rules';
import { ConsentDto, ConsentView } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';

/** Records the candidate's consent to the pool, with the version of the wording they were shown and the time. */
@Injectable()
export class GivePoolConsent {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly queries: CandidateQueries,
  ) {}

  async execute(candidateId: string, dto: ConsentDto, now = new Date()): Promise<ConsentView> {
    const wording = currentWording('pool')!;
    if (dto.wordingVersion !== wording.version) throw RecruitmentErrors.wordingNotCurrent('pool', dto.wordingVersion, wording.version);
    return this.dataSource.transaction(async (m) => {
      await this.candidates.lockOwn(m, candidateId);
      const [application]: unknown[] = await m.query('SELECT 1 FROM candidate_application WHERE candidate_id = $1', [candidateId]);
      if (!application) throw RecruitmentErrors.applicationRequired();
      const [active]: unknown[] = await m.query(
        "SELECT 1 FROM candidate_consent WHERE candidate_id = $1 AND kind = 'pool' AND withdrawn_at IS NULL",
        [candidateId],
      );
      if (active) throw RecruitmentErrors.alreadyInPool();
      await m.query("INSERT INTO candidate_consent (id, candidate_id, kind, wording_version, given_at) VALUES ($1, $2, 'pool', $3, $4)", [
        randomUUID(),
        candidateId,
        wording.version,
        now,
      ]);
      await this.candidates.touch(m, candidateId, now);
      return (await this.queries.consents(candidateId, m)).at(-1)!;
    });
  }
}
