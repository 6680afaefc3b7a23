import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

import { PageQuery, PageView } from '../http/pagination';
import { IsTimestampWithZone } from '../validation/validators';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Actor, e.g. coop-admin:alice or member:<id>' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Part of the action, e.g. /members' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  action?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'refused', 'failed'] })
  @IsOptional()
  @IsIn(['succeeded', 'refused', 'failed'])
  outcome?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestampWithZone()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestampWithZone()
  to?: string;
}

export class AuditEventView {
  @ApiProperty({ description: 'Increasing with time; a string, as it may pass 2^53' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ description: 'e.g. coop-admin:alice, member:<id>, or the co-op a message came from' }) actor: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ description: 'e.g. POST /members, or a message type' }) action: string;
  @ApiPropertyOptional({ nullable: true, type: String }) target: string | null;
  @ApiProperty({ enum: ['succeeded', 'refused', 'failed'] }) outcome: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The HTTP status answered, for a request' }) status: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) correlationId: string | null;
}

export class AuditEventPage extends PageView(AuditEventView) {}
