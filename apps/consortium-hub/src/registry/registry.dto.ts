import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

import { COOP_ID_PATTERN, COOP_STATUSES, CoopStatus, SERVICE_TYPES, ServiceType } from '@app/contracts';
import { PageQuery } from '@app/platform';

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

  @ApiPropertyOptional({ minLength: 2, maxLength: 500, description: "Why, for the record: kept in the co-op's status history" })
  @IsOptional()
  @IsString()
  @Length(2, 500)
  note?: string;
}

/** One change of a co-op's status, as GET /coops/:id/status-history lists them. */
export class CoopStatusChangeView {
  @ApiPropertyOptional({ enum: COOP_STATUSES, nullable: true, type: String, description: 'None for the first status the co-op was given' })
  fromStatus: CoopStatus | null;
  @ApiProperty({ enum: COOP_STATUSES }) toStatus: CoopStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    description:
      "Who: a staff member's subject, 'journey' (a stage of the co-op's onboarding journey closed or reopened), 'provision' or 'join'",
  })
  changedBy: string;
  @ApiProperty() changedAt: string;
}

export class CoopView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() legalForm: string;
  @ApiProperty({ type: [String] }) localities: string[];
  @ApiProperty({ type: [String] }) servicesOffered: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cqcRating: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sponsorCoopId: string | null;
  @ApiProperty({ enum: COOP_STATUSES }) status: CoopStatus;
  @ApiProperty({ enum: ['online', 'offline', 'never-seen'] }) connectivity: Connectivity;
  @ApiPropertyOptional({ nullable: true, type: String }) lastHeartbeatAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nodeVersion: string | null;
  @ApiProperty() registeredAt: string;
}

export class CoopPage {
  @ApiProperty({ type: [CoopView] }) items: CoopView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class RecordSponsorDto {
  @ApiProperty({ nullable: true, type: String, description: 'The sponsoring co-op, or null for none' })
  @ValidateIf((o: RecordSponsorDto) => o.sponsorCoopId !== null)
  @IsDefined({ message: 'sponsorCoopId must be given: a co-op id, or null for none' })
  @Matches(COOP_ID_PATTERN, { message: 'sponsorCoopId must be a co-op id (lower-case letters, digits, inner hyphens)' })
  sponsorCoopId: string | null;
}

export class NatsAuthorizationView {
  @ApiProperty({
    enum: ['not-configured', 'in-step', 'written', 'pending', 'failing'],
    description:
      "in-step: the file says what the registry says and the server was asked to reload it; written: the same, but reloading is the operator's (no NATS_SERVER_PID_FILE); pending: a change not yet applied; failing: see error",
  })
  state: 'not-configured' | 'in-step' | 'written' | 'pending' | 'failing';
  @ApiPropertyOptional({ nullable: true, type: String }) file: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pidFile: string | null;
  @ApiProperty({ description: 'Co-op users the registry gives NATS (provisioned, not left)' }) coopUsers: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'When the file was last written (by any hub process or the provision command)',
  })
  writtenAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When this hub last had the server reload it' }) reloadedAt:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the last write or reload failed; retried until it works' }) error:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) failingSince: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nextAttemptAt: string | null;
}
