import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { FUNDING_TYPES, type FundingType, SERVICE_TYPES, type ServiceType } from '@app/contracts';
import { IsMonth, keyedBy, PageQuery, PageView } from '@app/platform';

export class MonthQuery {
  @ApiProperty({ example: '2026-11' })
  @IsMonth()
  month: string;
}

export class ContinuityListQuery extends PageQuery {
  @ApiProperty({ example: '2026-11' })
  @IsMonth()
  month: string;
}

/** Planned and delivered visits count; missed and cancelled ones brought no carer to the door. */
export class ContinuityView {
  @ApiProperty() serviceUserId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() month: string;
  @ApiProperty({ description: 'Different carers who visit (or are due to) in the month' }) distinctCarers: number;
  @ApiProperty() visits: number;
}

export class ServiceTypeFigures {
  @ApiProperty({ description: 'Visits scheduled, not counting cancelled ones' }) visitsPlanned: number;
  @ApiProperty() minutesPlanned: number;
  @ApiProperty() visitsDelivered: number;
  @ApiProperty() minutesDelivered: number;
  @ApiProperty() visitsMissed: number;
  @ApiProperty() visitsCancelled: number;
}

/** ServiceTypeFigures is reached only through visitsByServiceType's keys. */
@ApiExtraModels(ServiceTypeFigures)
export class CareSummaryView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'People supported on any day of the period' }) peopleSupported: number;
  @ApiProperty(keyedBy(FUNDING_TYPES, 'number')) peopleByFundingType: Record<FundingType, number>;
  @ApiProperty(keyedBy(SERVICE_TYPES, ServiceTypeFigures, 'Visits starting in the period, by service type')) visitsByServiceType: Record<
    ServiceType,
    ServiceTypeFigures
  >;
  @ApiProperty({ description: 'Goals of plans reviewed in the period' }) goalsReviewed: number;
  @ApiProperty({ description: "Of those, goals whose performance or satisfaction rose by 2 points or more (COPM's meaningful change)" })
  goalsImproved: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) goalsImprovedPercent: number | null;
}

export class ContinuityPage extends PageView(ContinuityView) {}
