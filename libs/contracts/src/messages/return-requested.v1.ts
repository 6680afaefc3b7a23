import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Transform, plainToInstance } from 'class-transformer';
import { defineMessage } from '../message-definition';
import { DEFINITION_ID_PATTERN } from '../reporting/return-definition';
import { ReturnPeriodV1 } from '../reporting/return-figures.v1';

/** Hub to every registered co-op: a return cycle is open; send your figures for this period by `dueAt`. */
export class ReturnRequestedV1 {
  @IsUUID('4')
  cycleId: string;

  @IsString()
  @Length(2, 64)
  @Matches(DEFINITION_ID_PATTERN, { message: 'definitionId must be a kebab-case return definition id' })
  definitionId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  definitionVersion: number;

  @IsObject()
  @ValidateNested()
  @Transform(({ value }) => (typeof value === 'object' && value !== null ? plainToInstance(ReturnPeriodV1, value) : value))
  period: ReturnPeriodV1;

  @IsISO8601({ strict: true })
  dueAt: string;
}

export const REPORTING_RETURN_REQUESTED_V1 = defineMessage({
  type: 'reporting.return-requested',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: ReturnRequestedV1,
});
