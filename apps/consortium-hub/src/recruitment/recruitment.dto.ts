import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { CONTRACT_TYPES, ContractType, STAFF_ROLES, StaffRole } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull } from '@app/platform';

import { APPLICATION_LIMITS as L, DBS_STATUSES, DbsStatus, RIGHT_TO_WORK_EVIDENCE, RightToWorkEvidence } from './application.rules';
import { CONSENT_KINDS, ConsentKind } from './consent.rules';

const PHONE = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;

export class SignInRequestDto {
  @ApiProperty({ example: 'sam.candidate@example.org', description: 'Where the six-digit code is sent' })
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, allow_ip_domain: false }, { message: 'email must be an email address, e.g. sam@example.org' })
  email: string;
}

export class SignInVerifyDto extends SignInRequestDto {
  @ApiProperty({ example: '042917', description: 'The six digits sent to the address' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the six digits sent to the address' })
  code: string;
}

export class SignInRequestedView {
  @ApiProperty({ example: 'if this address can receive mail, a code is on its way; it lasts 10 minutes' }) message: string;
  @ApiProperty({ example: 600 }) expiresInSeconds: number;
}

export class CandidateTokenView {
  @ApiProperty({ description: 'A bearer token for the candidate role' }) token: string;
  @ApiProperty({ format: 'uuid' }) candidateId: string;
  @ApiProperty({ example: '2026-06-01T17:30:00.000Z' }) expiresAt: string;
}

export class RightToWorkDto {
  @ApiProperty({ enum: RIGHT_TO_WORK_EVIDENCE })
  @IsIn(RIGHT_TO_WORK_EVIDENCE)
  evidence: RightToWorkEvidence;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2028-03-31', description: 'null or absent: no expiry' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}

export class DbsDto {
  @ApiProperty({ enum: DBS_STATUSES })
  @IsIn(DBS_STATUSES)
  status: DbsStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-09-12', description: 'The certificate date: only when clear' })
  @IsOptional()
  @IsCalendarDate()
  certificateDate?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Whether on the DBS update service: only when clear' })
  @IsOptional()
  @IsBoolean()
  onUpdateService?: boolean | null;
}

/** Every field of an application: PUT makes or replaces it whole. */
export class ApplicationDto {
  @ApiProperty({ example: 'Sam Rivers' })
  @IsString()
  @Length(2, 120)
  fullName: string;

  @ApiProperty({ example: '07700 900123' })
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number of digits, spaces, brackets and hyphens, e.g. 07700 900123' })
  phone: string;

  @ApiProperty({ type: [String], example: ['Marsden', 'Slaithwaite'], description: 'Localities the candidate can reach' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLocalities)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['care-worker'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxRoles)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  rolesSought: StaffRole[];

  @ApiProperty({ example: 1200, description: 'Minutes a week wanted (60 to 3600)' })
  @IsInt()
  @Min(L.minMinutesPerWeek)
  @Max(L.maxMinutesPerWeek)
  minutesPerWeek: number;

  @ApiProperty({ enum: CONTRACT_TYPES, isArray: true, example: ['permanent', 'bank'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONTRACT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONTRACT_TYPES, { each: true })
  contractTypes: ContractType[];

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate()
  earliestStart: string;

  @ApiProperty({ type: RightToWorkDto })
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => RightToWorkDto)
  rightToWork: RightToWorkDto;

  @ApiProperty({ type: DbsDto })
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => DbsDto)
  dbs: DbsDto;

  @ApiProperty() @IsBoolean() drivingLicence: boolean;
  @ApiProperty({ description: 'A car to drive to visits (needs drivingLicence)' }) @IsBoolean() hasCar: boolean;

  @ApiProperty({ type: [String], example: ['English', 'Urdu'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLanguages)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 40, { each: true })
  languages: string[];

  @ApiProperty({ example: 'Five years caring for my grandmother; I drive and love a chat.', maxLength: L.maxStatement })
  @IsString()
  @MaxLength(L.maxStatement)
  statement: string;

  @ApiPropertyOptional({ default: false, description: 'Be matched only with vacancies paying at least the Real Living Wage' })
  @IsOptional()
  @IsBoolean()
  requiresRealLivingWage?: boolean;
}

/** Any fields of an application, to correct it; rightToWork and dbs are replaced whole. */
export class ApplicationPatchDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 120) fullName?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number of digits, spaces, brackets and hyphens, e.g. 07700 900123' })
  phone?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLocalities)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities?: string[];

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxRoles)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  rolesSought?: StaffRole[];

  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(L.minMinutesPerWeek) @Max(L.maxMinutesPerWeek) minutesPerWeek?: number;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONTRACT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONTRACT_TYPES, { each: true })
  contractTypes?: ContractType[];

  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate() earliestStart?: string;

  @ApiPropertyOptional({ type: RightToWorkDto })
  @IsOptionalNotNull()
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => RightToWorkDto)
  rightToWork?: RightToWorkDto;

  @ApiPropertyOptional({ type: DbsDto })
  @IsOptionalNotNull()
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => DbsDto)
  dbs?: DbsDto;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() drivingLicence?: boolean;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() hasCar?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxLanguages)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 40, { each: true })
  languages?: string[];

  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(L.maxStatement) statement?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() requiresRealLivingWage?: boolean;
}

export class RightToWorkView {
  @ApiProperty({ enum: RIGHT_TO_WORK_EVIDENCE }) evidence: RightToWorkEvidence;
  @ApiProperty({ type: String, nullable: true }) expiresOn: string | null;
}

export class DbsView {
  @ApiProperty({ enum: DBS_STATUSES }) status: DbsStatus;
  @ApiProperty({ type: String, nullable: true }) certificateDate: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) onUpdateService: boolean | null;
}

export class ApplicationView {
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'The signed-in address' }) email: string;
  @ApiProperty() phone: string;
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
  @ApiProperty({ description: 'Matched only with vacancies paying at least the Real Living Wage' }) requiresRealLivingWage: boolean;
  @ApiProperty() updatedAt: string;
}

export class ConsentDto {
  @ApiProperty({
    example: 'pool-2026-01',
    description: 'The version of the wording the candidate was shown (GET /recruitment/consent-wordings)',
  })
  @IsString()
  @Length(1, 40)
  wordingVersion: string;
}

export class ConsentWordingView {
  @ApiProperty({ enum: CONSENT_KINDS }) kind: ConsentKind;
  @ApiProperty({ example: 'pool-2026-01' }) version: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Whether consent is given to this version now; older versions stay for the record' }) current: boolean;
}

export class ConsentView {
  @ApiProperty({ enum: CONSENT_KINDS }) kind: ConsentKind;
  @ApiProperty() wordingVersion: string;
  @ApiProperty() givenAt: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A hire consent: the co-op that asked' }) coopId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "A hire consent: the co-op's request" }) requestId: string | null;
}

export class ExportedConsentView extends ConsentView {
  @ApiProperty({ description: 'The wording as shown' }) wording: string;
}

export class CandidateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() signedUpAt: string;
  @ApiProperty() lastActiveAt: string;
}

export class SignInRecordView {
  @ApiProperty() signedInAt: string;
}

export class CandidateExportView {
  @ApiProperty({ example: '2026-06-01T17:30:00.000Z' }) exportedAt: string;
  @ApiProperty({ type: CandidateView }) candidate: CandidateView;
  @ApiProperty({ type: ApplicationView, nullable: true }) application: ApplicationView | null;
  @ApiProperty({ type: [ExportedConsentView] }) consents: ExportedConsentView[];
  @ApiProperty({ type: [SignInRecordView], description: 'Each sign-in; codes are never kept' }) signIns: SignInRecordView[];
}
