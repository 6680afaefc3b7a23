import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { DBS_SHOWN, DbsShown, HOURS_FITS, HoursFit, REQUEST_STATES_SHOWN, RequestStateShown } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull } from '@app/platform';

export class PoolVacancyDto {
  @ApiPropertyOptional({
    example: '2027-01-04',
    description: 'When the post starts; defaults to the day the vacancy opens or today, whichever is later. Never in the past',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  startsOn?: string;
}

/** How the candidate fits the vacancy, point by point (PseudonymousProfileV1's fit). */
export class MatchFitView {
  @ApiProperty({ enum: HOURS_FITS }) hours: HoursFit;
  @ApiProperty({ description: 'The candidate can start by the vacancy’s start date' }) availableByStart: boolean;
  @ApiProperty({ description: 'Right to work valid on the start date, and a clear DBS check' }) checksValidOnStart: boolean;
}

/**
 * A pool candidate as this co-op sees them before they accept a request: an id only this co-op is
 * shown, how they fit, and coarse attributes the hub withholds (null) when too few candidates share them.
 */
export class PseudonymousProfileView {
  @ApiProperty({ format: 'uuid', description: 'What POST /hire-requests names the candidate by' }) profileId: string;
  @ApiProperty({ minimum: 1 }) rank: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: MatchFitView }) fit: MatchFitView;
  @ApiPropertyOptional({ enum: DBS_SHOWN, nullable: true }) dbs: DbsShown | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Has a driving licence and a car' }) drives: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Hours a week wanted, in bands, e.g. 16-30' }) hoursBand: string | null;
  @ApiPropertyOptional({ nullable: true, type: [String] }) languages: string[] | null;
  @ApiProperty({ enum: REQUEST_STATES_SHOWN, description: "This co-op's own requests for the candidate" }) requested: RequestStateShown;
}

export class VacancyMatchesView {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ description: 'When the hub matched: the pool changes as candidates join and leave' }) matchedAt: string;
  @ApiProperty({ type: [PseudonymousProfileView] }) matches: PseudonymousProfileView[];
}
