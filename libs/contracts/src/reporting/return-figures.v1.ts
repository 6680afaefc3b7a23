import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

import { DAY_PATTERN as DAY, IsNumberWithDecimals, Nested, NestedEach } from '../validation';
import {
  CONTRACT_TYPES,
  ContractType,
  FUNDING_TYPES,
  FundingType,
  SAFEGUARDING_CATEGORIES,
  SafeguardingCategory,
  SERVICE_TYPES,
  ServiceType,
  STAKEHOLDER_CLASSES,
  StakeholderClass,
} from '../vocabulary';
import { DEFINITION_ID_PATTERN, METRIC_ID_PATTERN } from './return-definition';
import { parsePeriod, PERIOD_LABEL_RULE } from './return-period';

/**
 * A co-op's figures for one return, as they travel from node to hub. Only vocabulary values,
 * the co-op's public locality names, the period and numbers: nothing here can hold a person.
 * Whether the figures make sense against their definition is `validateReturn`'s job.
 */
export class ReturnPeriodV1 {
  /** Any period label (return-period.ts); `validateReturn` checks that the return's definition allows its type. */
  @IsPeriodLabel()
  label: string;

  @Matches(DAY, { message: 'start must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @IsPeriodDay('start')
  start: string;

  @Matches(DAY, { message: 'end must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @IsPeriodDay('end')
  end: string;
}

/** A period label of any type that `parsePeriod` reads: one rule for the hub's API, its messages and the node. */
export function IsPeriodLabel(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriodLabel',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parsePeriod(value) !== null,
        defaultMessage: (args) => `${args?.property ?? 'period'} must be ${PERIOD_LABEL_RULE}`,
      },
    },
    options,
  );
}

/** The first or last day of the period its object's label names (a label that names none is the label's own error). */
function IsPeriodDay(edge: 'start' | 'end'): PropertyDecorator {
  return ValidateBy({
    name: 'isPeriodDay',
    validator: {
      validate: (value: unknown, args) => {
        const period = parsePeriod(String((args?.object as { label?: unknown }).label));
        return period === null || period[edge] === value;
      },
      defaultMessage: (args) => {
        const period = parsePeriod(String((args?.object as { label?: unknown }).label));
        return `${edge} must be the ${edge === 'start' ? 'first' : 'last'} day of ${period?.label}, ${period?.[edge]}`;
      },
    },
  });
}

/** One cell of a one-way breakdown: exactly one of these is set (`validateReturn` checks which). */
export class FigureBreakdownV1 {
  /** One of the co-op's public localities (its profile). */
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;

  @IsOptional()
  @IsIn(SERVICE_TYPES)
  service_type?: ServiceType;

  @IsOptional()
  @IsIn(FUNDING_TYPES)
  funding_type?: FundingType;

  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contract_type?: ContractType;

  @IsOptional()
  @IsIn(STAKEHOLDER_CLASSES)
  stakeholder_class?: StakeholderClass;

  /** One of the co-op's consortium contracts, by the id the hub gave it. */
  @IsOptional()
  @IsUUID('4')
  contract?: string;

  /** A Care Act 2014 category of abuse or neglect (counts of safeguarding concerns, from version 3). */
  @IsOptional()
  @IsIn(SAFEGUARDING_CATEGORIES)
  safeguarding_category?: SafeguardingCategory;
}

export class ReturnFigureV1 {
  @IsString()
  @Length(2, 64)
  @Matches(METRIC_ID_PATTERN, { message: 'metric must be a snake_case metric id' })
  metric: string;

  /** null: the metric's total. */
  @ValidateIf((f: ReturnFigureV1) => f.breakdown !== null)
  @IsObject()
  @ValidateNested()
  @Nested(FigureBreakdownV1)
  breakdown: FigureBreakdownV1 | null;

  /** null: not recorded, nothing to divide by, or withheld on the node (then `suppressedOnNode` says so). */
  @ValidateIf((f: ReturnFigureV1) => f.value !== null)
  @IsNumberWithDecimals(4)
  @Min(-1_000_000_000_000)
  @Max(1_000_000_000_000)
  value: number | null;

  /** The node withheld this small count of people (or a cell or rate it could be recovered from). */
  @IsOptional()
  @Equals(true)
  suppressedOnNode?: true;
}

/** Which return, for which period: the head shared by the hub's request and the co-op's figures. */
export class ReturnOfPeriodV1 {
  @IsString()
  @Length(2, 64)
  @Matches(DEFINITION_ID_PATTERN, { message: 'definitionId must be a kebab-case return definition id' })
  definitionId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  definitionVersion: number;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Nested(ReturnPeriodV1)
  period: ReturnPeriodV1;
}

export class ReturnFiguresV1 extends ReturnOfPeriodV1 {
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @NestedEach(ReturnFigureV1)
  figures: ReturnFigureV1[];
}
