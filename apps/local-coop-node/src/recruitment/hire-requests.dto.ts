import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

import { PageQuery, PageView } from '@app/platform';

import { HIRE_REQUEST_STATUSES, HireRequestStatus } from './recruitment.rules';

export class RequestHireDto {
  @ApiProperty({ format: 'uuid', description: 'A vacancy of this co-op, open and in the pool' })
  @IsUUID('4')
  vacancyId: string;

  @ApiProperty({ format: 'uuid', description: 'The profile id the hub showed among the vacancy’s matches' })
  @IsUUID('4')
  profileId: string;
}

export class ListHireRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  vacancyId?: string;

  @ApiPropertyOptional({ enum: HIRE_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(HIRE_REQUEST_STATUSES)
  status?: HireRequestStatus;
}

export class HireRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ format: 'uuid' }) profileId: string;
  @ApiProperty({
    enum: HIRE_REQUEST_STATUSES,
    description:
      'sent: on its way to the hub; waiting: with the candidate; refused: the hub refused it (reason); declined, withdrawn, closed: ended without an application; accepted: the application arrived',
  })
  status: HireRequestStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The hub's reason when it refused the request" }) reason: string | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty() updatedAt: string;
}

export class HireRequestPage extends PageView(HireRequestView) {}
