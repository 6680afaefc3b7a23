import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

import { SERVICE_TYPES, ServiceType } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, IsTimestampWithZone, PageQuery, PageView } from '@app/platform';

import { VISIT_OUTCOMES, VISIT_STATUSES, VisitOutcome, VisitStatus } from './care.rules';

const MAX_VISIT_MINUTES = 24 * 60;
const CONTRACT_ID =
  "The consortium contract the visit delivers: one the co-op holds (GET /tendering/contracts), of the visit's service type, running on its day. Delivered hours count against a contract only when the visit names it";

export class PlanVisitDto {
  @ApiProperty()
  @IsUUID('4')
  serviceUserId: string;

  @ApiProperty({ description: 'A staff member employed on the day of the visit' })
  @IsUUID('4')
  carerId: string;

  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES)
  serviceType: ServiceType;

  @ApiProperty({ example: '2026-11-25T09:30:00Z' })
  @IsTimestampWithZone()
  plannedStart: string;

  @ApiProperty({ minimum: 1, maximum: MAX_VISIT_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_VISIT_MINUTES)
  plannedMinutes: number;

  @ApiPropertyOptional({ nullable: true, description: CONTRACT_ID })
  @IsOptional()
  @IsUUID('4')
  contractId?: string | null;
}

/** Moves a planned visit or gives it to another carer. */
export class RescheduleVisitDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsUUID('4')
  carerId?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptionalNotNull()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiPropertyOptional({ example: '2026-11-25T09:30:00Z' })
  @IsOptionalNotNull()
  @IsTimestampWithZone()
  plannedStart?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VISIT_MINUTES })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_VISIT_MINUTES)
  plannedMinutes?: number;

  @ApiPropertyOptional({ nullable: true, description: `${CONTRACT_ID}; null: no longer tagged` })
  @IsOptional()
  @IsUUID('4')
  contractId?: string | null;
}

@ValidatorConstraint({ name: 'onlyWhenDelivered' })
class OnlyWhenDelivered implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as VisitOutcomeDto).status === 'delivered';
  }

  defaultMessage(): string {
    return 'deliveredMinutes is recorded only for a delivered visit';
  }
}

export class VisitOutcomeDto {
  @ApiProperty({ enum: VISIT_OUTCOMES })
  @IsIn(VISIT_OUTCOMES)
  status: VisitOutcome;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VISIT_MINUTES, description: 'Required when delivered, absent otherwise' })
  @ValidateIf((o: VisitOutcomeDto) => o.status === 'delivered' || o.deliveredMinutes !== undefined)
  @Validate(OnlyWhenDelivered)
  @IsInt()
  @Min(1)
  @Max(MAX_VISIT_MINUTES)
  deliveredMinutes?: number;

  @ApiPropertyOptional({ description: `${CONTRACT_ID} (tags the visit as it is recorded)` })
  @IsOptionalNotNull()
  @IsUUID('4')
  contractId?: string;
}

export class ListVisitsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  serviceUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  carerId?: string;

  @ApiPropertyOptional({ enum: VISIT_STATUSES })
  @IsOptional()
  @IsIn(VISIT_STATUSES)
  status?: VisitStatus;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiPropertyOptional({ description: 'Only visits tagged with this consortium contract' })
  @IsOptional()
  @IsUUID('4')
  contractId?: string;

  @ApiPropertyOptional({ description: "First day, included, in the co-op's calendar" })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: "Last day, included, in the co-op's calendar" })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class VisitView {
  @ApiProperty() id: string;
  @ApiProperty() serviceUserId: string;
  @ApiProperty() carerId: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType: ServiceType;
  @ApiProperty() plannedStart: string;
  @ApiProperty() plannedMinutes: number;
  @ApiProperty({ enum: VISIT_STATUSES }) status: VisitStatus;
  @ApiPropertyOptional({ nullable: true, type: Number }) deliveredMinutes: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The consortium contract the visit delivers, if it names one' })
  contractId: string | null;
}

export class VisitPage extends PageView(VisitView) {}
