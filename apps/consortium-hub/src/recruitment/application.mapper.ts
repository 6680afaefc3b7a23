import type { ContractType, StaffRole } from '@app/contracts';

import type { Application, DbsStatus, RightToWorkEvidence } from './application.rules';
import type { ApplicationDto, ApplicationPatchDto, ApplicationView } from './recruitment.dto';

/** A candidate_application row as pg returns it (dates as 'YYYY-MM-DD', timestamps as Date). */
export interface ApplicationRow {
  candidate_id: string;
  full_name: string;
  phone: string;
  localities: string[];
  roles_sought: StaffRole[];
  minutes_per_week: number;
  contract_types: ContractType[];
  earliest_start: string;
  right_to_work_evidence: RightToWorkEvidence;
  right_to_work_expires_on: string | null;
  dbs_status: DbsStatus;
  dbs_certificate_date: string | null;
  dbs_update_service: boolean | null;
  driving_licence: boolean;
  has_car: boolean;
  languages: string[];
  statement: string;
  requires_real_living_wage: boolean;
  updated_at: Date;
}

export function applicationFromRow(r: ApplicationRow): Application {
  return {
    fullName: r.full_name,
    phone: r.phone,
    localities: r.localities,
    rolesSought: r.roles_sought,
    minutesPerWeek: r.minutes_per_week,
    contractTypes: r.contract_types,
    earliestStart: r.earliest_start,
    rightToWork: { evidence: r.right_to_work_evidence, expiresOn: r.right_to_work_expires_on },
    dbs: { status: r.dbs_status, certificateDate: r.dbs_certificate_date, onUpdateService: r.dbs_update_service },
    drivingLicence: r.driving_licence,
    hasCar: r.has_car,
    languages: r.languages,
    statement: r.statement,
    requiresRealLivingWage: r.requires_real_living_wage,
  };
}

export function applicationFromDto(d: ApplicationDto): Application {
  return {
    fullName: d.fullName,
    phone: d.phone,
    localities: d.localities,
    rolesSought: d.rolesSought,
    minutesPerWeek: d.minutesPerWeek,
    contractTypes: d.contractTypes,
    earliestStart: d.earliestStart,
    rightToWork: { evidence: d.rightToWork.evidence, expiresOn: d.rightToWork.expiresOn ?? null },
    dbs: { status: d.dbs.status, certificateDate: d.dbs.certificateDate ?? null, onUpdateService: d.dbs.onUpdateService ?? null },
    drivingLicence: d.drivingLicence,
    hasCar: d.hasCar,
    languages: d.languages,
    statement: d.statement,
    requiresRealLivingWage: d.requiresRealLivingWage ?? false,
  };
}

/** The stored application with the fields the PATCH gave; rightToWork and dbs are replaced whole. */
export function applyPatch(current: Application, p: ApplicationPatchDto): Application {
  return {
    fullName: p.fullName ?? current.fullName,
    phone: p.phone ?? current.phone,
    localities: p.localities ?? current.localities,
    rolesSought: p.rolesSought ?? current.rolesSought,
    minutesPerWeek: p.minutesPerWeek ?? current.minutesPerWeek,
    contractTypes: p.contractTypes ?? current.contractTypes,
    earliestStart: p.earliestStart ?? current.earliestStart,
    rightToWork: p.rightToWork ? { evidence: p.rightToWork.evidence, expiresOn: p.rightToWork.expiresOn ?? null } : current.rightToWork,
    dbs: p.dbs
      ? { status: p.dbs.status, certificateDate: p.dbs.certificateDate ?? null, onUpdateService: p.dbs.onUpdateService ?? null }
      : current.dbs,
    drivingLicence: p.drivingLicence ?? current.drivingLicence,
    hasCar: p.hasCar ?? current.hasCar,
    languages: p.languages ?? current.languages,
    statement: p.statement ?? current.statement,
    requiresRealLivingWage: p.requiresRealLivingWage ?? current.requiresRealLivingWage,
  };
}

export function applicationView(r: ApplicationRow, email: string): ApplicationView {
  return { ...applicationFromRow(r), email, updatedAt: r.updated_at.toISOString() };
}
