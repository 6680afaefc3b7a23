import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { CandidateFitView, CandidateMatchesView, CandidateRequestStatus, CandidateRequestView, PoolVacancyView } from './hiring.dto';
import { Fit, rankVacancies } from './matching.rules';
import { PoolQueries, vacancyFromRow } from './pool.queries';
import { RecruitmentErrors } from './recruitment.errors';

interface RequestRow {
  id: string;
  status: CandidateRequestStatus;
  requested_at: Date;
  answered_at: Date | null;
  delivery_problem: string | null;
  coop_name: string;
  coop_id: string;
  vacancy_id: string;
  role: PoolVacancyView['role'];
  contract_type: PoolVacancyView['contractType'];
  minutes_per_week: number;
  hourly_pay_pence: number;
  pays_real_living_wage: boolean;
  locality: string;
  starts_on: string;
  state: string;
}

const LIMIT = 50;

/** What a candidate reads of the pool's work for them: the vacancies they fit, and co-ops' requests for them. */
@Injectable()
export class CandidateRequestQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: PoolQueries,
  ) {}

  async requests(candidateId: string, m: EntityManager = this.dataSource.manager): Promise<CandidateRequestView[]> {
    await this.ownRecord(candidateId, m);
    const rows: RequestRow[] = await m.query(`${SELECT_REQUEST} WHERE r.candidate_id = $1 ORDER BY r.requested_at DESC, r.id`, [
      candidateId,
    ]);
    return rows.map(requestView);
  }

  async request(candidateId: string, requestId: string, m: EntityManager = this.dataSource.manager): Promise<CandidateRequestView> {
    const [row]: RequestRow[] = await m.query(`${SELECT_REQUEST} WHERE r.candidate_id = $1 AND r.id = $2`, [candidateId, requestId]);
    if (!row) throw RecruitmentErrors.requestNotFound();
    return requestView(row);
  }

  /** The pooled vacancies the candidate fits, best first; none while they are out of the pool. */
  async matches(candidateId: string): Promise<CandidateMatchesView> {
    await this.ownRecord(candidateId, this.dataSource.manager);
    const me = await this.pool.candidateInPool(candidateId);
    if (!me) return { inPool: false, matches: [] };
    const vacancies = await this.pool.vacanciesFor(me);
    const names = new Map(vacancies.map((v) => [`${v.coopId}/${v.vacancyId}`, v.coopName]));
    return {
      inPool: true,
      matches: rankVacancies(me, vacancies, LIMIT).map((r) => ({
        rank: r.rank,
        vacancy: { ...r.item, coopName: names.get(`${r.item.coopId}/${r.item.vacancyId}`)! },
        fit: fitView(r.fit),
      })),
    };
  }

  private async ownRecord(candidateId: string, m: EntityManager): Promise<void> {
    const [row]: unknown[] = await m.query('SELECT 1 FROM candidate WHERE id = $1 AND erased_at IS NULL', [candidateId]);
    if (!row) throw RecruitmentErrors.candidateNotFound();
  }
}

const SELECT_REQUEST = `
  SELECT r.id, r.status, r.requested_at, r.answered_at, r.delivery_problem, co.name AS coop_name, v.*
    FROM hire_request r
    JOIN pooled_vacancy v ON v.coop_id = r.coop_id AND v.vacancy_id = r.vacancy_id
    JOIN coop co ON co.id = r.coop_id`;

function fitView(f: Fit): CandidateFitView {
  return { score: f.score, hours: f.hours, availableByStart: f.availableByStart, checksValidOnStart: f.checksValidOnStart };
}

function requestView(r: RequestRow): CandidateRequestView {
  return {
    id: r.id,
    vacancy: { ...vacancyFromRow(r), coopName: r.coop_name },
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    deliveryProblem: r.delivery_problem,
  };
}
