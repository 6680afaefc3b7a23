import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { DAY_PATTERN as DAY, Nested } from '../validation';
import { CONTRACT_TYPES, ContractType, STAFF_ROLES, StaffRole } from '../vocabulary';

/** Documents that prove a right to work in the UK (Home Office right-to-work checks). */
export const RIGHT_TO_WORK_EVIDENCE = [
  'british-or-irish-passport',
  'share-code',
  'biometric-residence-permit',
  'birth-certificate-and-ni',
  'other-document',
] as const;
export type RightToWorkEvidence = (typeof RIGHT_TO_WORK_EVIDENCE)[number];

export const DBS_STATUSES = ['none', 'applied', 'clear'] as const;
export type DbsStatus = (typeof DBS_STATUSES)[number];

export class SealedRightToWorkV1 {
  @IsIn(RIGHT_TO_WORK_EVIDENCE)
  evidence: RightToWorkEvidence;

  /** null: no expiry. */
  @ValidateIf((_, v) => v !== null)
  @Matches(DAY, { message: 'expiresOn must be a date, YYYY-MM-DD, or null' })
  @IsISO8601({ strict: true })
  expiresOn: string | null;
}

export class SealedDbsV1 {
  @IsIn(DBS_STATUSES)
  status: DbsStatus;

  @ValidateIf((_, v) => v !== null)
  @Matches(DAY, { message: 'certificateDate must be a date, YYYY-MM-DD, or null' })
  @IsISO8601({ strict: true })
  certificateDate: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsBoolean()
  onUpdateService: boolean | null;
}

export class SealedConsentV1 {
  @IsString()
  @Length(1, 40)
  wordingVersion: string;

  @IsISO8601({ strict: true })
  givenAt: string;
}

/**
 * What is inside a sealed application: the candidate's application as they gave it, their address, and
 * the consent that let it travel to this co-op. It is opened on the hiring node only, and validated
 * there like any message before it is recorded.
 */
export class SealedApplicationV1 {
  @IsString()
  @Length(2, 120)
  fullName: string;

  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false })
  email: string;

  @IsString()
  @Length(6, 30)
  phone: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true })
  rolesSought: StaffRole[];

  @IsInt()
  @Min(0)
  @Max(100 * 60)
  minutesPerWeek: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONTRACT_TYPES.length)
  @IsIn(CONTRACT_TYPES, { each: true })
  contractTypes: ContractType[];

  @Matches(DAY, { message: 'earliestStart must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  earliestStart: string;

  @IsObject()
  @ValidateNested()
  @Nested(SealedRightToWorkV1)
  rightToWork: SealedRightToWorkV1;

  @IsObject()
  @ValidateNested()
  @Nested(SealedDbsV1)
  dbs: SealedDbsV1;

  @IsBoolean()
  drivingLicence: boolean;

  @IsBoolean()
  hasCar: boolean;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 40, { each: true })
  languages: string[];

  @IsString()
  @MaxLength(1000)
  statement: string;

  @IsOptional()
  @IsBoolean()
  requiresRealLivingWage?: boolean;

  @IsObject()
  @ValidateNested()
  @Nested(SealedConsentV1)
  consent: SealedConsentV1;
}
