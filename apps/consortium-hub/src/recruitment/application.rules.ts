import type { ContractType, DbsStatus, RightToWorkEvidence, StaffRole } from '@app/contracts';

// The vocabularies travel in the sealed application, so they live with its contract.
export { DBS_STATUSES, type DbsStatus, RIGHT_TO_WORK_EVIDENCE, type RightToWorkEvidence } from '@app/contracts';

/** A British or Irish citizen's right to work never expires, even when the passport that shows it has. */
const NEVER_EXPIRES: readonly RightToWorkEvidence[] = ['british-or-irish-passport', 'birth-certificate-and-ni'];

export const APPLICATION_LIMITS = {
  maxLocalities: 20,
  maxRoles: 5,
  minMinutesPerWeek: 60,
  maxMinutesPerWeek: 3600,
  maxLanguages: 10,
  maxStatement: 1000,
} as const;

/** An application as the rules see it: every field, after a PUT or a PATCH merged onto what was stored. */
export interface Application {
  fullName: string;
  phone: string;
  localities: string[];
  rolesSought: StaffRole[];
  minutesPerWeek: number;
  contractTypes: ContractType[];
  earliestStart: string;
  rightToWork: { evidence: RightToWorkEvidence; expiresOn: string | null };
  dbs: { status: DbsStatus; certificateDate: string | null; onUpdateService: boolean | null };
  drivingLicence: boolean;
  hasCar: boolean;
  languages: string[];
  statement: string;
  /** Matched only with vacancies paying at least the Real Living Wage. */
  requiresRealLivingWage: boolean;
}

/** A broken rule, naming the field as the request does (dbs.certificateDate). */
export interface ApplicationProblem {
  field: string;
  message: string;
}

/**
 * The rules across fields. Dates are judged against `today` only where the request gave them
 * (`given`), so a start date that has since passed does not block correcting a phone number.
 */
export function applicationProblems(a: Application, today: string, given: (field: string) => boolean): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  const dbs = a.dbs;
  if (dbs.status === 'clear') {
    if (dbs.certificateDate === null)
      problems.push({ field: 'dbs.certificateDate', message: 'dbs.certificateDate is required when dbs.status is clear' });
    else if (dbs.certificateDate > today)
      problems.push({ field: 'dbs.certificateDate', message: 'dbs.certificateDate cannot be in the future' });
    if (dbs.onUpdateService === null)
      problems.push({ field: 'dbs.onUpdateService', message: 'dbs.onUpdateService is required when dbs.status is clear' });
  } else {
    if (dbs.certificateDate !== null)
      problems.push({
        field: 'dbs.certificateDate',
        message: `dbs.certificateDate is given only when dbs.status is clear, not ${dbs.status}`,
      });
    if (dbs.onUpdateService !== null)
      problems.push({
        field: 'dbs.onUpdateService',
        message: `dbs.onUpdateService is given only when dbs.status is clear, not ${dbs.status}`,
      });
  }
  const rtw = a.rightToWork;
  if (rtw.expiresOn !== null && NEVER_EXPIRES.includes(rtw.evidence))
    problems.push({
      field: 'rightToWork.expiresOn',
      message: `rightToWork.expiresOn must be null for ${rtw.evidence}: that right to work does not expire`,
    });
  else if (rtw.expiresOn !== null && given('rightToWork') && rtw.expiresOn <= today)
    problems.push({ field: 'rightToWork.expiresOn', message: 'rightToWork.expiresOn has passed: give the date of current evidence' });
  if (given('earliestStart') && a.earliestStart < today)
    problems.push({ field: 'earliestStart', message: 'earliestStart cannot be in the past' });
  if (a.hasCar && !a.drivingLicence)
    problems.push({ field: 'hasCar', message: 'hasCar means a car to drive to visits, which needs drivingLicence true' });
  return problems;
}
