import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

import {
  BROKERAGE_LIMITS,
  CLOSE_REASONS,
  CloseReason,
  COUNCIL_REFERENCE_PATTERN,
  COUNCIL_REFERENCE_RULE,
  DECLINE_REASONS,
  DeclineReason,
  FUNDING_TYPES,
  FundingType,
  IsCarersPerVisit,
  IsDaysPerWeek,
  IsPackageHours,
  IsServiceTypes,
  IsTimesOfDay,
  IsVisitsPerDay,
  SERVICE_TYPES,
  ServiceType,
  TimeOfDay,
  TIMES_OF_DAY,
} from '@app/contracts';
import { IsCalendarDate, IsTimestampWithZone, PageQuery, PageView } from '@app/platform';

import type { PublishedFigure } from '../reporting';
import type { RequestStatus } from './brokerage.rules';

export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'placed', 'closed', 'expired'];

export class VisitPatternDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: BROKERAGE_LIMITS.maxVisitsPerDay })
  @IsVisitsPerDay()
  visitsPerDay: number;

  @ApiProperty({ example: 7, minimum: 1, maximum: 7 })
  @IsDaysPerWeek()
  daysPerWeek: number;

  @ApiProperty({ enum: TIMES_OF_DAY, isArray: true, example: ['morning', 'lunchtime', 'teatime', 'evening'] })
  @IsTimesOfDay()
  timesOfDay: TimeOfDay[];

  @ApiProperty({ example: 1, minimum: 1, maximum: BROKERAGE_LIMITS.maxCarersPerVisit, description: '2 for a double-up' })
  @IsCarersPerVisit()
  carersPerVisit: number;
}

/** A package request: the care, never the person. Any field not listed here is refused. */
export class CreatePackageRequestDto {
  @ApiProperty({ example: 'KC-2027-00412', description: "The council's case reference: the only link to the person, held by the council" })
  @Matches(COUNCIL_REFERENCE_PATTERN, { message: COUNCIL_REFERENCE_RULE })
  councilReference: string;

  @ApiProperty({ example: 'Marsden' })
  @IsString()
  @Length(2, 80)
  locality: string;

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true, example: ['personal-care'] })
  @IsServiceTypes()
  serviceTypes: ServiceType[];

  @ApiProperty({ example: 14, description: 'Hours of care a week, to a tenth of an hour' })
  @IsPackageHours()
  hoursPerWeek: number;

  @ApiProperty({ type: VisitPatternDto })
  @ValidateNested()
  @Type(() => VisitPatternDto)
  visitPattern: VisitPatternDto;

  @ApiProperty({ example: '2027-03-02' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ enum: FUNDING_TYPES })
  @IsIn(FUNDING_TYPES)
  fundingType: FundingType;

  @ApiPropertyOptional({
    example: '2027-03-01T16:00:00Z',
    description: 'Answers after this are late; the request expires then unless placed',
  })
  @IsOptional()
  @IsTimestampWithZone()
  answerBy?: string;
}

export class AcceptOfferDto {
  @ApiProperty({ description: "The offer's id, as the request's view lists it" })
  @IsUUID('4')
  answerId: string;
}

export class CloseRequestDto {
  @ApiProperty({ enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS)
  reason: CloseReason;
}

export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class OfflineCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its last heartbeat; null if never seen' }) lastHeartbeatAt: string | null;
}

export class RequestPostedView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty() postedAt: string;
  @ApiProperty({ type: [String], description: 'Co-ops online, serving the locality and every service, sent the request' }) asked: string[];
  @ApiProperty({ type: [OfflineCoopView], description: 'Co-ops that serve it but were offline: not asked' }) offline: OfflineCoopView[];
}

export class VisitPatternView extends VisitPatternDto {}

export class AnswerView {
  @ApiProperty({ description: 'The id to accept an offer by' }) answerId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty({ enum: ['offer', 'decline'] }) answer: 'offer' | 'decline';
  @ApiPropertyOptional({ nullable: true, type: String }) canStartOn: string | null;
  @ApiPropertyOptional({ nullable: true, enum: TIMES_OF_DAY, isArray: true }) timesOfDayCovered: TimeOfDay[] | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) daysPerWeekCovered: number | null;
  @ApiPropertyOptional({ nullable: true, enum: DECLINE_REASONS }) declineReason: DeclineReason | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Whether it covers every visit of the request' }) coversAll: boolean;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ description: 'Seconds from the request being posted to this answer arriving' }) secondsToAnswer: number;
  @ApiProperty({ description: 'Arrived after the request was gone or past its deadline' }) late: boolean;
}

export class NotAnsweredView {
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() askedAt: string;
  @ApiProperty({ enum: ['online', 'offline', 'never-seen'] }) connectivity: 'online' | 'offline' | 'never-seen';
  @ApiProperty({ nullable: true, type: String, description: 'When offline: its last heartbeat' }) offlineSince: string | null;
}

export class RequestSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() councilReference: string;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() startsOn: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty() postedAt: string;
  @ApiProperty({ nullable: true, type: String }) answerBy: string | null;
  @ApiProperty({ description: 'Offers in time so far' }) offerCount: number;
}

export class RequestPage extends PageView(RequestSummaryView) {}

export class RequestDetailView extends RequestSummaryView {
  @ApiProperty({ type: VisitPatternView }) visitPattern: VisitPatternView;
  @ApiProperty({ enum: FUNDING_TYPES }) fundingType: FundingType;
  @ApiProperty() postedBy: string;
  @ApiProperty({ type: [AnswerView], description: 'Offers in time, first first' }) offers: AnswerView[];
  @ApiProperty({ type: [AnswerView] }) declines: AnswerView[];
  @ApiProperty({ type: [AnswerView], description: 'Answers that arrived after the request was gone or past its deadline' })
  late: AnswerView[];
  @ApiProperty({ type: [NotAnsweredView], description: 'Asked and not answered' }) notAnswered: NotAnsweredView[];
  @ApiProperty({ nullable: true, type: String }) acceptedAnswerId: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedCoopId: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({ nullable: true, enum: CLOSE_REASONS }) closeReason: CloseReason | null;
}

export class RequestEndedView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ nullable: true, type: String }) acceptedCoopId: string | null;
  @ApiProperty({ type: [String], description: 'Co-ops told the request is gone' }) toldGone: string[];
}

const FIGURE: ApiPropertyOptions = {
  oneOf: [
    { type: 'number' },
    { type: 'object', properties: { suppressed: { type: 'boolean', enum: [true] } }, required: ['suppressed'], description: 'Suppressed' },
  ],
  example: 12,
};

export class TimingView {
  @ApiProperty(FIGURE) count: PublishedFigure;
  @ApiProperty({ nullable: true, type: Number, description: 'Null beside a hidden or small count' }) medianSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile, nearest rank' }) p90Seconds: number | null;
}

export class FiguresTotalView {
  @ApiProperty(FIGURE) posted: PublishedFigure;
  @ApiProperty(FIGURE) placed: PublishedFigure;
  @ApiProperty(FIGURE) notPlaced: PublishedFigure;
  @ApiProperty(FIGURE) open: PublishedFigure;
  @ApiProperty({ type: TimingView }) toFirstOffer: TimingView;
  @ApiProperty({ type: TimingView }) toAcceptance: TimingView;
}

export class FiguresRowView extends FiguresTotalView {
  @ApiProperty() locality: string;
  @ApiProperty({ example: '2027-03' }) month: string;
}

export class BrokerageFiguresView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Counts of people from 1 to this are suppressed (REPORTING_THRESHOLD)' }) threshold: number;
  @ApiProperty() suppressedFigures: number;
  @ApiProperty({ type: [FiguresRowView], description: 'By locality and month of posting' }) rows: FiguresRowView[];
  @ApiProperty({ type: FiguresTotalView }) total: FiguresTotalView;
}
