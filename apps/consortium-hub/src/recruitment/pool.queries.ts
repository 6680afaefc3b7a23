import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { applicationFromRow, ApplicationRow } from './application.mapper';
import { PoolCandidate, PoolVacancy } from './matching.rules';

interface VacancyRow {
  coop_id: string;
  vacancy_id: string;
  role: PoolVacancy['role'];
  contract_type: PoolVacancy['contractType'];
  minutes_per_week: number;
  hourly_pay_pence: number;
  pays_real_living_wage: boolean;
  locality: string;
  starts_on: string;
  state: string;
}

export function vacancyFromRow(r: VacancyRow): PoolVacancy {
  return {
    coopId: r.coop_id,
    vacancyId: r.vacancy_id,
    role: r.role,
    contractType: r.contract_type,
    minutesPerWeek: r.minutes_per_week,
    hourlyPayPence: r.hourly_pay_pence,
    paysRealLivingWage: r.pays_real_living_wage,
    locality: r.locality,
    startsOn: r.starts_on,
  };
}

function candidateFromRow(r: ApplicationRow & { joined_pool_at: Date }): PoolCandidate {
  const { fullName: _name, phone: _phone, statement: _statement, ...rest } = applicationFromRow(r);
  return { ...rest, candidateId: r.candidate_id, joinedPoolAt: r.joined_pool_at };
}

/** Who is in the pool: a live consent to it, a record not ended, an application. */
const IN_POOL = `
  FROM candidate c
  JOIN candidate_application a ON a.candidate_id = c.id
  JOIN candidate_consent pc ON pc.candidate_id = c.id AND pc.kind = 'pool' AND pc.withdrawn_at IS NULL
 WHERE c.erased_at IS NULL`;

/** The pool as matching reads it: candidates (without name, contact or statement) and pooled vacancies. */
@Injectable()
export class PoolQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A co-op's own vacancy as the pool holds it (any state), or null: another co-op's is never found. */
  async vacancyOf(
    coopId: string,
    vacancyId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<(PoolVacancy & { state: string }) | null> {
    const [row]: VacancyRow[] = await m.query('SELECT * FROM pooled_vacancy WHERE coop_id = $1 AND vacancy_id = $2', [coopId, vacancyId]);
    return row ? { ...vacancyFromRow(row), state: row.state } : null;
  }

  /** Candidates in the pool who could fit the vacancy (its role, its locality): matching decides the rest. */
  async candidatesFor(v: PoolVacancy, m: EntityManager = this.dataSource.manager): Promise<PoolCandidate[]> {
    const rows: (ApplicationRow & { joined_pool_at: Date })[] = await m.query(
      `SELECT a.*, pc.given_at AS joined_pool_at ${IN_POOL}
         AND $1 = ANY (a.roles_sought)
         AND EXISTS (SELECT 1 FROM unnest(a.localities) l WHERE lower(trim(l)) = lower(trim($2)))`,
      [v.role, v.locality],
    );
    return rows.map(candidateFromRow);
  }

  /** The candidate as matching sees them, if they are in the pool. */
  async candidateInPool(candidateId: string, m: EntityManager = this.dataSource.manager): Promise<PoolCandidate | null> {
    const [row]: (ApplicationRow & { joined_pool_at: Date })[] = await m.query(
      `SELECT a.*, pc.given_at AS joined_pool_at ${IN_POOL} AND c.id = $1`,
      [candidateId],
    );
    return row ? candidateFromRow(row) : null;
  }

  /** Pooled vacancies a candidate could fit (a role they seek, a locality they reach), with their co-op's name. */
  async vacanciesFor(c: PoolCandidate, m: EntityManager = this.dataSource.manager): Promise<(PoolVacancy & { coopName: string })[]> {
    const rows: (VacancyRow & { coop_name: string })[] = await m.query(
      `SELECT v.*, co.name AS coop_name
         FROM pooled_vacancy v JOIN coop co ON co.id = v.coop_id
        WHERE v.state = 'pooled' AND co.status NOT IN ('suspended', 'left')
          AND v.role = ANY ($1) AND lower(trim(v.locality)) = ANY ($2)`,
      [c.rolesSought, c.localities.map((l) => l.trim().toLowerCase())],
    );
    return rows.map((r) => ({ ...vacancyFromRow(r), coopName: r.coop_name }));
  }
}
