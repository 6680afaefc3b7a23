import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

import { IsTimestampWithZone } from '@app/platform';

export class ApproveReturnDto {
  /** Required, so that no one approves or sends back figures they have not looked at. */
  @ApiProperty({
    format: 'uuid',
    description:
      "The return staff looked at: the messageId of the co-op's current return in GET /reporting/cycles/:id/submissions. Refused with 409 REPORTING.NOT_CURRENT_RETURN if the co-op's current return is another one",
  })
  @IsUUID('4')
  messageId: string;
}

export class SendBackReturnDto extends ApproveReturnDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Hours delivered for befriending look double-counted; please check the visit records and resubmit.',
  })
  @IsString()
  @Length(1, 2000)
  comment: string;
}

export class GrantExceptionDto {
  @ApiProperty({
    example: '2026-11-30T17:00:00Z',
    description: 'Until when the co-op may submit after the lock; in the future, and after the cycle locks',
  })
  @IsTimestampWithZone()
  until: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Node down for a week after a flood at the office' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ReviewView {
  @ApiProperty() reviewId: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() coopId: string;
  @ApiProperty({ description: 'The return reviewed: the co-op’s current one' }) messageId: string;
  @ApiProperty({ enum: ['approved', 'sent-back'] }) decision: string;
  @ApiPropertyOptional({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() reviewedBy: string;
  @ApiProperty() reviewedAt: string;
}

export class ExceptionView {
  @ApiProperty() exceptionId: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() until: string;
  @ApiProperty() reason: string;
  @ApiProperty() grantedBy: string;
  @ApiProperty() grantedAt: string;
  @ApiProperty({ description: 'When the cycle locks (dueAt plus lockAfterDays)' }) locksAt: string;
}
