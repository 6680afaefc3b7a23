import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';

import { defineMessage } from '../message-definition';
import { IsNumberWithDecimals, NestedEach } from '../validation';
import { COOP_ID_PATTERN, COOP_ID_RULE } from '../vocabulary';
import { defineLiveQuestion } from './live-question';
import { isMonday, WEEK_START_RULE } from './week';

/** Hours are given to the hundredth; more than a co-op could ever contract in a week is refused as nonsense. */
const HOURS_LIMIT = 1_000_000;
const hours = (field: string) => [
  IsNumberWithDecimals(2, { message: `${field} must be a number of hours with at most 2 decimals` }),
  Min(-HOURS_LIMIT, { message: `${field} must be between -${HOURS_LIMIT} and ${HOURS_LIMIT} hours` }),
  Max(HOURS_LIMIT, { message: `${field} must be between -${HOURS_LIMIT} and ${HOURS_LIMIT} hours` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const IsWeekStart = (): PropertyDecorator =>
  ValidateBy({ name: 'isWeekStart', validator: { validate: isMonday, defaultMessage: () => `weekStart must be ${WEEK_START_RULE}` } });

/** Hub to every online node: how many care hours has your co-op spare in the week starting `weekStart`? */
export class SpareCareHoursQuestionV1 {
  @IsUUID('4')
  questionId: string;

  @IsWeekStart()
  weekStart: string;
}

/** Spare hours allocated to one of the co-op's public localities (negative: more planned than contracted). */
export class LocalitySpareHoursV1 {
  @IsString()
  @Length(2, 80)
  locality: string;

  @apply(hours('spareHours'))
  spareHours: number;
}

const EachLocalityOnce = (): PropertyDecorator =>
  ValidateBy({
    name: 'eachLocalityOnce',
    validator: {
      validate: (value: unknown) =>
        !Array.isArray(value) ||
        new Set(value.map((v) => (typeof v === 'object' && v !== null ? (v as { locality?: unknown }).locality : v))).size === value.length,
      defaultMessage: () => 'localities must name each locality once',
    },
  });

/**
 * A node's answer: hours only, by the co-op's public localities. No person, carer or visit appears;
 * the rule that computes it is the node's (see docs/live-questions.md).
 */
export class SpareCareHoursAnswerV1 {
  @IsUUID('4')
  questionId: string;

  @Matches(COOP_ID_PATTERN, { message: `coopId must be a co-op id: ${COOP_ID_RULE}` })
  coopId: string;

  @IsWeekStart()
  weekStart: string;

  @NestedEach(LocalitySpareHoursV1)
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @EachLocalityOnce()
  localities: LocalitySpareHoursV1[];

  @apply(hours('totalSpareHours'))
  totalSpareHours: number;
}

export const SPARE_CARE_HOURS_ANSWER_V1 = defineMessage({
  type: 'query.spare-care-hours-answer',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'core',
  payload: SpareCareHoursAnswerV1,
});

export const SPARE_CARE_HOURS_V1 = defineLiveQuestion<SpareCareHoursQuestionV1, SpareCareHoursAnswerV1>({
  name: 'spare-care-hours.v1',
  question: SpareCareHoursQuestionV1,
  answer: SPARE_CARE_HOURS_ANSWER_V1,
  mismatch(question, answer) {
    if (answer.questionId !== question.questionId) return `answers question ${answer.questionId}, not ${question.questionId}`;
    if (answer.weekStart !== question.weekStart) return `answers for the week of ${answer.weekStart}, not ${question.weekStart}`;
    return null;
  },
});
