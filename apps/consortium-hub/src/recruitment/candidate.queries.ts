import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ApplicationRow, applicationView } from './application.mapper';
import { ConsentKind, wordingOf } from './consent.rules';
import { ApplicationView, CandidateExportView, ConsentView } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';

interface CandidateRow {
  id: string;
  email: string;
  signed_up_at: Date;
  last_active_at: Date;
}

interface ConsentRow {
  kind: ConsentKind;
  wording_version: string;
  given_at: Date;
  withdrawn_at: Date | null;
  coop_id: string | null;
  request_id: string | null;
}

/** What a candidate may read about themselves, and nothing about anyone else: every read is keyed by the signed-in id. */
@Injectable()
export class CandidateQueries {
  constructor(private readonly dataSource: DataSource) {}

  async application(candidateId: string, m: EntityManager = this.dataSource.manager): Promise<ApplicationView> {
    const candidate = await this.candidate(candidateId, m);
    const [row]: ApplicationRow[] = await m.query('SELECT * FROM candidate_application WHERE candidate_id = $1', [candidateId]);
    if (!row) throw RecruitmentErrors.noApplication();
    return applicationView(row, candidate.email);
  }

  async consents(candidateId: string, m: EntityManager = this.dataSource.manager): Promise<ConsentView[]> {
    await this.candidate(candidateId, m);
    return (await this.consentRows(candidateId, m)).map(consentView);
  }

  /** Everything the hub holds about the candidate, in one document (UK GDPR Art. 15 and 20). */
  async export(candidateId: string): Promise<CandidateExportView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await this.candidate(candidateId, m);
      const [app]: ApplicationRow[] = await m.query('SELECT * FROM candidate_application WHERE candidate_id = $1', [candidateId]);
      const signIns: { signed_in_at: Date }[] = await m.query(
        'SELECT signed_in_at FROM candidate_sign_in WHERE candidate_id = $1 ORDER BY signed_in_at',
        [candidateId],
      );
      return {
        exportedAt: new Date().toISOString(),
        candidate: { id: c.id, email: c.email, signedUpAt: c.signed_up_at.toISOString(), lastActiveAt: c.last_active_at.toISOString() },
        application: app ? applicationView(app, c.email) : null,
        consents: (await this.consentRows(candidateId, m)).map((r) => ({
          ...consentView(r),
          wording: wordingOf(r.kind, r.wording_version)?.text ?? '',
        })),
        signIns: signIns.map((s) => ({ signedInAt: s.signed_in_at.toISOString() })),
      };
    });
  }

  private async candidate(candidateId: string, m: EntityManager): Promise<CandidateRow> {
    const [row]: CandidateRow[] = await m.query(
      'SELECT id, email, signed_up_at, last_active_at FROM candidate WHERE id = $1 AND erased_at IS NULL',
      [candidateId],
    );
    if (!row) throw RecruitmentErrors.candidateNotFound();
    return row;
  }

  private consentRows(candidateId: string, m: EntityManager): Promise<ConsentRow[]> {
    return m.query(
      'SELECT kind, wording_version, given_at, withdrawn_at, coop_id, request_id FROM candidate_consent WHERE candidate_id = $1 ORDER BY given_at, id',
      [candidateId],
    );
  }
}

function consentView(r: ConsentRow): ConsentView {
  return {
    kind: r.kind,
    wordingVersion: r.wording_version,
    givenAt: r.given_at.toISOString(),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    coopId: r.coop_id,
    requestId: r.request_id,
  };
}
