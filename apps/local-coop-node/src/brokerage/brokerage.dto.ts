import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

import {
  ANSWER_KINDS,
  AnswerKind,
  BROKERAGE_LIMITS,
  DECLINE_REASONS,
  DeclineReason,
  FUNDING_TYPES,
  FundingType,
  GONE_REASONS,
  GoneReason,
  IsDaysPerWeek,
  IsNoteWithoutPersonalData,
  IsTimesOfDay,
  SERVICE_TYPES,
  ServiceType,
  TimeOfDay,
  TIMES_OF_DAY,
} from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull } from '@app/platform';

import { RegisterServiceUserDto } from '../care';
import type { NodeRequestStatus } from './brokerage.rules';

const STATUSES: NodeRequestStatus[] = ['open', 'answered', 'gone', 'placed'];

/** The admin's answer: an offer (from when, which visits) or a decline (a reason from the list). */
export class AnswerRequestDto {
  @ApiProperty({ enum: ANSWER_KINDS })
  @IsIn(ANSWER_KINDS)
  answer: AnswerKind;

  @ApiPropertyOptional({ example: '2027-03-02', description: 'Offer: the day the co-op can start' })
  @ValidateIf((a: AnswerRequestDto) => a.answer === 'offer' || a.canStartOn !== undefined)
  @IsCalendarDate()
  canStartOn?: string;

  @ApiPropertyOptional({ enum: TIMES_OF_DAY, isArray: true, description: "Offer: which of the request's visits it can cover" })
  @ValidateIf((a: AnswerRequestDto) => a.answer === 'offer' || a.timesOfDayCovered !== undefined)
  @IsTimesOfDay()
  timesOfDayCovered?: TimeOfDay[];

  @ApiPropertyOptional({ example: 7, description: 'Offer: how many of the days a week it can cover' })
  @ValidateIf((a: AnswerRequestDto) => a.answer === 'offer' || a.daysPerWeekCovered !== undefined)
  @IsDaysPerWeek()
  daysPerWeekCovered?: number;

  @ApiPropertyOptional({ enum: DECLINE_REASONS, description: 'Decline: why' })
  @ValidateIf((a: AnswerRequestDto) => a.answer === 'decline' || a.declineReason !== undefined)
  @IsIn(DECLINE_REASONS)
  declineReason?: DeclineReason;

  @ApiPropertyOptional({
    maxLength: BROKERAGE_LIMITS.maxNoteLength,
    description: 'About the offer, never about a person: no dates, postcodes or long numbers',
  })
  @IsOptional()
  @IsString()
  @Length(1, BROKERAGE_LIMITS.maxNoteLength)
  @IsNoteWithoutPersonalData()
  note?: string;
}

export class ListNodeRequestsQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Left out: every request' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: NodeRequestStatus;
}

export class NodeVisitPatternView {
  @ApiProperty() visitsPerDay: number;
  @ApiProperty() daysPerWeek: number;
  @ApiProperty({ enum: TIMES_OF_DAY, isArray: true }) timesOfDay: TimeOfDay[];
  @ApiProperty() carersPerVisit: number;
}

export class AnswerSentView {
  @ApiProperty() messageId: string;
  @ApiProperty({ enum: ANSWER_KINDS }) answer: AnswerKind;
  @ApiProperty({ nullable: true, type: String }) canStartOn: string | null;
  @ApiProperty({ nullable: true, enum: TIMES_OF_DAY, isArray: true }) timesOfDayCovered: TimeOfDay[] | null;
  @ApiProperty({ nullable: true, type: Number }) daysPerWeekCovered: number | null;
  @ApiProperty({ nullable: true, enum: DECLINE_REASONS }) declineReason: DeclineReason | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() answeredAt: string;
  @ApiProperty({ enum: ['waiting', 'applied', 'rejected'], description: "The hub's receipt" }) hubAnswer:
    'waiting' | 'applied' | 'rejected';
  @ApiProperty({ nullable: true, type: String, description: "The hub's reason when rejected" }) hubReason: string | null;
}

export class NodeRequestView {
  @ApiProperty() requestId: string;
  @ApiProperty({ enum: STATUSES }) status: NodeRequestStatus;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ type: NodeVisitPatternView }) visitPattern: NodeVisitPatternView;
  @ApiProperty() startsOn: string;
  @ApiProperty({ enum: FUNDING_TYPES }) fundingType: FundingType;
  @ApiProperty({ nullable: true, type: String }) answerBy: string | null;
  @ApiProperty() postedAt: string;
  @ApiProperty({ nullable: true, type: AnswerSentView }) answerSent: AnswerSentView | null;
  @ApiProperty({ nullable: true, enum: GONE_REASONS }) goneReason: GoneReason | null;
  @ApiProperty({ nullable: true, type: String }) goneAt: string | null;
  @ApiProperty({ description: 'Told gone in answer to an answer that arrived late' }) answerWasLate: boolean;
}

/** The person supported a placement became, once the admin started their care from it. */
export class PlacementCareView {
  @ApiProperty({ description: 'The person supported, under Care' }) serviceUserId: string;
  @ApiProperty({ description: 'The first day of support' }) startedOn: string;
  @ApiProperty() recordedAt: string;
}

/**
 * The person the council gave the co-op against its reference, to start their care from a placement:
 * their details stay on this node. Their locality and how care is paid for are the placement's.
 */
export class StartCareDto extends PickType(RegisterServiceUserDto, ['fullName', 'dateOfBirth', 'address'] as const) {
  @ApiPropertyOptional({ example: '2026-12-08', description: 'First day of support; the day the co-op offered to start when left out' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  startedOn?: string;
}

export class PlacementView {
  @ApiProperty() requestId: string;
  @ApiProperty({ description: "The council's reference: the council gives the person's details against it" }) councilReference: string;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ type: NodeVisitPatternView }) visitPattern: NodeVisitPatternView;
  @ApiProperty() startsOn: string;
  @ApiProperty() canStartOn: string;
  @ApiProperty({ enum: FUNDING_TYPES }) fundingType: FundingType;
  @ApiProperty() acceptedAt: string;
  @ApiProperty({ type: PlacementCareView, nullable: true, description: 'The person supported it became; null until care starts' })
  care: PlacementCareView | null;
}

export class AnswerQueuedView {
  @ApiProperty() requestId: string;
  @ApiProperty({ description: "The message's id: the hub's receipt settles it" }) messageId: string;
  @ApiProperty({ enum: ANSWER_KINDS }) answer: AnswerKind;
}
