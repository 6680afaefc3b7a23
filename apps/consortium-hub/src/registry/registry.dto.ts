import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';
import { COOP_STATUSES, CoopStatus, SERVICE_TYPES, ServiceType } from '@app/contracts';
import type { Connectivity } from './connectivity.rules';

export class ListCoopsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COOP_STATUSES })
  @IsOptional()
  @IsIn(COOP_STATUSES)
  status?: CoopStatus;

  @ApiPropertyOptional({ description: 'Only co-ops serving this locality' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  service?: ServiceType;

  @ApiPropertyOptional({ enum: ['online', 'offline', 'never-seen'] })
  @IsOptional()
  @IsIn(['online', 'offline', 'never-seen'])
  connectivity?: Connectivity;
}

export class ChangeCoopStatusDto {
  @ApiProperty({ enum: COOP_STATUSES })
  @IsIn(COOP_STATUSES)
  status: CoopStatus;

  @ApiPropertyOptional({ description: 'Why, for the record' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CoopView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() legalForm: string;
  @ApiProperty({ type: [String] }) localities: string[];
  @ApiProperty({ type: [String] }) servicesOffered: string[];
  @ApiPropertyOptional({ nullable: true }) registrationNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) cqcRating: string | null;
  @ApiPropertyOptional({ nullable: true }) sponsorCoopId: string | null;
  @ApiProperty({ enum: COOP_STATUSES }) status: CoopStatus;
  @ApiProperty({ enum: ['online', 'offline', 'never-seen'] }) connectivity: Connectivity;
  @ApiPropertyOptional({ nullable: true }) lastHeartbeatAt: string | null;
  @ApiPropertyOptional({ nullable: true }) nodeVersion: string | null;
  @ApiProperty() registeredAt: string;
}

export class CoopPage {
  @ApiProperty({ type: [CoopView] }) items: CoopView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
