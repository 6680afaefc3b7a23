import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

import { DAY_PATTERN as DAY, Nested } from '../validation';
import { FUNDING_TYPES, FundingType, ServiceType } from '../vocabulary';
import { IsCarersPerVisit, IsDaysPerWeek, IsPackageHours, IsServiceTypes, IsTimesOfDay, IsVisitsPerDay } from './brokerage-validation';
import { TimeOfDay } from './brokerage-vocabulary';

/** How the hours fall: visits a day, days a week, times of day, carers at each visit. */
export class VisitPatternV1 {
  @IsVisitsPerDay()
  visitsPerDay: number;

  @IsDaysPerWeek()
  daysPerWeek: number;

  @IsTimesOfDay()
  timesOfDay: TimeOfDay[];

  /** Two for a "double-up" (two carers at once, e.g. with a hoist). */
  @IsCarersPerVisit()
  carersPerVisit: number;
}

/**
 * The care a package asks for, as both apps and the messages describe it: where, what, how much,
 * how it falls in the week, from when, and who pays. Nothing about the person.
 */
export class PackageTermsV1 {
  @IsString()
  @Length(2, 80)
  locality: string;

  @IsServiceTypes()
  serviceTypes: ServiceType[];

  @IsPackageHours()
  hoursPerWeek: number;

  @ValidateNested()
  @Nested(VisitPatternV1)
  visitPattern: VisitPatternV1;

  @Matches(DAY, { message: 'startsOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn: string;

  @IsIn(FUNDING_TYPES)
  fundingType: FundingType;

  /** Answers after this are recorded as late; the request expires then if nobody was placed. */
  @IsOptional()
  @IsISO8601({ strict: true })
  answerBy?: string;
}
