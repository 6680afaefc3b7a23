import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { keyedBy } from '@app/platform';

import { CarePlanView } from './care-plans.dto';
import { SafeguardingConcernView } from './safeguarding-concerns.dto';
import { ServiceUserView } from './service-users.dto';
import { VisitView } from './visits.dto';

export class ServiceUserRecordView extends ServiceUserView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the personal details were erased' }) erasedAt: string | null;
}

export class VisitRecordView extends VisitView {
  @ApiProperty({ description: 'Who came: the carer, by name' }) carerName: string;
}

export class ServiceUserExportSubject {
  @ApiProperty({ enum: ['service-user'] }) kind: 'service-user';
  @ApiProperty() serviceUserId: string;
}

/** Everything the node holds about one person it supports (their right of access), handed over by the admin. */
export class ServiceUserExportView {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: ServiceUserExportSubject }) subject: ServiceUserExportSubject;
  @ApiProperty(keyedBy(['serviceUser', 'carePlans', 'visits', 'safeguardingConcerns'], 'string', 'What each section is, in plain English'))
  explanation: Record<'serviceUser' | 'carePlans' | 'visits' | 'safeguardingConcerns', string>;
  @ApiProperty({ type: ServiceUserRecordView }) serviceUser: ServiceUserRecordView;
  @ApiProperty({ type: [CarePlanView] }) carePlans: CarePlanView[];
  @ApiProperty({ type: [VisitRecordView] }) visits: VisitRecordView[];
  @ApiProperty({ type: [SafeguardingConcernView] }) safeguardingConcerns: SafeguardingConcernView[];
}

/** What an erasure did: what went, and what the co-op keeps and why. */
export class ServiceUserErasureView {
  @ApiProperty() serviceUserId: string;
  @ApiProperty({ description: 'The label that now stands in for the name' }) label: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty({ type: [String] }) erased: string[];
  @ApiProperty({ type: [String] }) kept: string[];
}
