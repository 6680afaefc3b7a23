import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import {
  CONTRACT_TYPES,
  ContractType,
  DBS_STATUSES,
  DbsStatus,
  RECRUITMENT_LIMITS,
  RIGHT_TO_WORK_EVIDENCE,
  RightToWorkEvidence,
  STAFF_ROLES,
  StaffRole,
} from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, PageQuery, PageView } from '@app/platform';

import { APPLICANT_STATUSES, ApplicantStatus } from './recruitment.rules';

export class ListApplicantsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  vacancyId?: string;

  @ApiPropertyOptional({ enum: APPLICANT_STATUSES })
  @IsOptional()
  @IsIn(APPLICANT_STATUSES)
  status?: ApplicantStatus;
}

/** One line of the list: enough to pick the applicant, no contact details. */
export class ApplicantSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The label "Erased applicant #…" once erased' }) fullName: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ enum: STAFF_ROLES, description: "The vacancy's role" }) role: StaffRole;
  @ApiProperty({ enum: APPLICANT_STATUSES }) status: ApplicantStatus;
  @ApiProperty() receivedAt: string;
  @ApiProperty() erased: boolean;
}

export class ApplicantPage extends PageView(ApplicantSummaryView) {}

export class RightToWorkView {
  @ApiProperty({ enum: RIGHT_TO_WORK_EVIDENCE }) evidence: RightToWorkEvidence;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: no expiry' }) expiresOn: string | null;
}

export class DbsView {
  @ApiProperty({ enum: DBS_STATUSES }) status: DbsStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) certificateDate: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) onUpdateService: boolean | null;
}

/** The application as the candidate gave it, less name and contact (which are beside it). */
export class ApplicationDetailsView {
  @ApiProperty({ type: [String] }) localities: string[];
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) rolesSought: StaffRole[];
  @ApiProperty() minutesPerWeek: number;
  @ApiProperty({ enum: CONTRACT_TYPES, isArray: true }) contractTypes: ContractType[];
  @ApiProperty() earliestStart: string;
  @ApiProperty({ type: RightToWorkView }) rightToWork: RightToWorkView;
  @ApiProperty({ type: DbsView }) dbs: DbsView;
  @ApiProperty() drivingLicence: boolean;
  @ApiProperty() hasCar: boolean;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() statement: string;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) requiresRealLivingWage: boolean | null;
}

export class ApplicantConsentView {
  @ApiProperty({ description: 'The version of the wording the candidate was shown' }) wordingVersion: string;
  @ApiProperty() givenAt: string;
}

/** The whole application: personal data, read by the admin only, every read audited. */
export class ApplicantView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) hireRequestId: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ enum: STAFF_ROLES, description: "The vacancy's role" }) role: StaffRole;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null once erased' }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null once erased' }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: ApplicationDetailsView, description: 'null once erased' })
  application: ApplicationDetailsView | null;
  @ApiProperty({ type: ApplicantConsentView, description: 'The consent that let the application come to this co-op' })
  consent: ApplicantConsentView;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: APPLICANT_STATUSES }) status: ApplicantStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The staff record, once hired' }) staffId:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() erased: boolean;
}

/** Hiring an applicant: the role, contract type and locality are the vacancy's; hours and pay default to its own. */
export class HireApplicantDto {
  @ApiProperty({ example: '2027-01-04' })
  @IsCalendarDate()
  startedOn: string;

  @ApiPropertyOptional({ description: "Guaranteed minutes a week; defaults to the vacancy's" })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(RECRUITMENT_LIMITS.maxMinutesPerWeek)
  contractedMinutesPerWeek?: number;

  @ApiPropertyOptional({ description: "pence per hour; defaults to the vacancy's" })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(RECRUITMENT_LIMITS.maxPencePerHour)
  hourlyPayPence?: number;
}

export class ApplicantHiredView {
  @ApiProperty({ type: ApplicantView }) applicant: ApplicantView;
  @ApiProperty({ format: 'uuid', description: 'The new staff record (GET /staff/:id)' }) staffId: string;
}

export class ApplicantErasureView {
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty({ description: 'What now stands for the name' }) label: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty({ type: [String] }) erased: string[];
  @ApiProperty({ type: [String] }) kept: string[];
}
