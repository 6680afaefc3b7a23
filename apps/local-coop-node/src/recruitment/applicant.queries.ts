import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { StaffRole } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { ERASED_APPLICATION } from './applicant.store';
import { ApplicantSummaryView, ApplicantView, ApplicationDetailsView, ListApplicantsQuery } from './applicants.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { ApplicantStatus } from './recruitment.rules';

interface ApplicantRow {
  id: string;
  hire_request_id: string;
  vacancy_id: string;
  role: StaffRole;
  full_name: string;
  email: string;
  phone: string;
  application: Omit<ApplicationDetailsView, 'requiresRealLivingWage'> & { requiresRealLivingWage?: boolean };
  consent_wording_version: string;
  consent_given_at: Date;
  received_at: Date;
  status: ApplicantStatus;
  staff_id: string | null;
  decided_at: Date | null;
  erased: boolean;
}

const SELECT = `SELECT a.*, v.role, a.application = '${ERASED_APPLICATION}'::jsonb AS erased FROM applicant a JOIN vacancy v ON v.id = a.vacancy_id`;

@Injectable()
export class ApplicantQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; no contact details in a list. */
  async list(q: ListApplicantsQuery): Promise<Page<ApplicantSummaryView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.vacancyId) where.push(`a.vacancy_id = $${params.push(q.vacancyId)}`);
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM applicant a ${clause}`,
      params,
    );
    const rows: ApplicantRow[] = await this.dataSource.query(
      `${SELECT} ${clause} ORDER BY a.received_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toSummary), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ApplicantView> {
    const [row]: ApplicantRow[] = await manager.query(`${SELECT} WHERE a.id = $1`, [id]);
    if (!row) throw RecruitmentErrors.applicantNotFound(id);
    return toView(row);
  }
}

function toSummary(r: ApplicantRow): ApplicantSummaryView {
  return {
    id: r.id,
    fullName: r.full_name,
    vacancyId: r.vacancy_id,
    role: r.role,
    status: r.status,
    receivedAt: r.received_at.toISOString(),
    erased: r.erased,
  };
}

function toView(r: ApplicantRow): ApplicantView {
  const a = r.application;
  return {
    id: r.id,
    hireRequestId: r.hire_request_id,
    vacancyId: r.vacancy_id,
    role: r.role,
    fullName: r.full_name,
    email: r.erased ? null : r.email,
    phone: r.erased ? null : r.phone,
    application: r.erased
      ? null
      : {
          localities: a.localities,
          rolesSought: a.rolesSought,
          minutesPerWeek: a.minutesPerWeek,
          contractTypes: a.contractTypes,
          earliestStart: a.earliestStart,
          rightToWork: { evidence: a.rightToWork.evidence, expiresOn: a.rightToWork.expiresOn },
          dbs: { status: a.dbs.status, certificateDate: a.dbs.certificateDate, onUpdateService: a.dbs.onUpdateService },
          drivingLicence: a.drivingLicence,
          hasCar: a.hasCar,
          languages: a.languages,
          statement: a.statement,
          requiresRealLivingWage: a.requiresRealLivingWage ?? null,
        },
    consent: { wordingVersion: r.consent_wording_version, givenAt: r.consent_given_at.toISOString() },
    receivedAt: r.received_at.toISOString(),
    status: r.status,
    staffId: r.staff_id,
    decidedAt: r.decided_at?.toISOString() ?? null,
    erased: r.erased,
  };
}
