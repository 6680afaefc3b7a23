import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';

import { defineMessage } from '../message-definition';
import { DAY_PATTERN as DAY } from '../validation';
import { IsDaysPerWeek, IsNoteWithoutPersonalData, IsTimesOfDay } from './brokerage-validation';
import { BROKERAGE_LIMITS, DECLINE_REASONS, DeclineReason, TimeOfDay } from './brokerage-vocabulary';

export const ANSWER_KINDS = ['offer', 'decline'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/**
 * Co-op to hub: its one answer to a package request, an offer (from when, which visits) or a
 * decline (a reason from the list). Fields of the other kind must be absent.
 */
export class BrokerageAnswerMadeV1 {
  @IsUUID('4')
  requestId: string;

  @IsIn(ANSWER_KINDS)
  answer: AnswerKind;

  @ValidateIf((a: BrokerageAnswerMadeV1) => a.answer === 'offer' || a.canStartOn !== undefined)
  @Matches(DAY, { message: 'canStartOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  canStartOn?: string;

  /** The times of day of the request's visits this co-op can cover. */
  @ValidateIf((a: BrokerageAnswerMadeV1) => a.answer === 'offer' || a.timesOfDayCovered !== undefined)
  @IsTimesOfDay()
  timesOfDayCovered?: TimeOfDay[];

  @ValidateIf((a: BrokerageAnswerMadeV1) => a.answer === 'offer' || a.daysPerWeekCovered !== undefined)
  @IsDaysPerWeek()
  daysPerWeekCovered?: number;

  @ValidateIf((a: BrokerageAnswerMadeV1) => a.answer === 'decline' || a.declineReason !== undefined)
  @IsIn(DECLINE_REASONS)
  declineReason?: DeclineReason;

  @IsOptional()
  @IsString()
  @Length(1, BROKERAGE_LIMITS.maxNoteLength)
  @IsNoteWithoutPersonalData()
  note?: string;

  /** When the admin answered on the node (the node's clock). */
  @IsISO8601({ strict: true })
  answeredAt: string;
}

export const BROKERAGE_ANSWER_MADE_V1 = defineMessage({
  type: 'brokerage.answer-made',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: BrokerageAnswerMadeV1,
});
