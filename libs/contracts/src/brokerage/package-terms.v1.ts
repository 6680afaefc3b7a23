import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { DAY_PATTERN as DAY, IsNumberWithDecimals, Nested } from '../validation';
import { FUNDING_TYPES, FundingType, SERVICE_TYPES, ServiceType } from '../vocabulary';
import { BROKERAGE_LIMITS, TimeOfDay, TIMES_OF_DAY } from './brokerage-vocabulary';

/** How the hours fall: visits a day, days a week, times of day, carers at each visit. */
export class VisitPatternV1 {
  @IsInt()
  @Min(1)
  @Max(BROKERAGE_LIMITS.maxVisitsPerDay)
  visitsPerDay: number;

  @IsInt()
  @Min(1)
  @Max(7)
  daysPerWeek: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TIMES_OF_DAY.length)
  @ArrayUnique()
  @IsIn(TIMES_OF_DAY, { each: true })
  timesOfDay: TimeOfDay[];

  /** Two for a "double-up" (two carers at once, e.g. with a hoist). */
  @IsInt()
  @Min(1)
  @Max(BROKERAGE_LIMITS.maxCarersPerVisit)
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

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BROKERAGE_LIMITS.maxServiceTypes)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes: ServiceType[];

  /** Hours of care a week, to a tenth of an hour (six minutes). */
  @IsNumberWithDecimals(1)
  @Min(0.5)
  @Max(BROKERAGE_LIMITS.maxHoursPerWeek)
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
