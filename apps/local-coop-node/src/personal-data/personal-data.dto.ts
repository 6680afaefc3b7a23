import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { keyedBy } from '@app/platform';

import { MemberRecordView, ShareRegisterView } from '../members';
import { VolunteerDataView } from '../volunteering';
import { StaffDataView } from '../workforce';

export const MEMBER_EXPORT_SECTIONS = [
  'member',
  'shares',
  'boardSeats',
  'ballots',
  'candidacies',
  'volunteer',
  'staff',
  'auditEvents',
] as const;
export type MemberExportSection = (typeof MEMBER_EXPORT_SECTIONS)[number];

export class BallotTakenPartView {
  @ApiProperty() title: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
}

export class CandidacyView {
  @ApiProperty() ballotTitle: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty({ description: 'The name on the ballot paper' }) label: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Votes received, once the ballot has closed' }) votes: number | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Whether elected, once the ballot has closed' }) elected:
    boolean | null;
}

export class BoardSeatRecordView {
  @ApiProperty() stakeholderClass: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The election that gave the seat, if one did' }) electedIn:
    string | null;
  @ApiProperty({ description: 'False once the member has withdrawn: a seat is lost with membership' }) current: boolean;
}

export class OwnAuditEventView {
  @ApiProperty() at: string;
  @ApiProperty() action: string;
  @ApiPropertyOptional({ nullable: true, type: String }) target: string | null;
  @ApiProperty() outcome: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) status: number | null;
}

export class MemberExportSubject {
  @ApiProperty({ enum: ['member'] }) kind: 'member';
  @ApiProperty() memberId: string;
  @ApiProperty() memberNumber: number;
}

/** Everything the node holds about one member (their right of access). */
export class MemberExportView {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: MemberExportSubject }) subject: MemberExportSubject;
  @ApiProperty(keyedBy(MEMBER_EXPORT_SECTIONS, 'string', 'What each section is, in plain English')) explanation: Record<
    MemberExportSection,
    string
  >;
  @ApiProperty({ type: MemberRecordView }) member: MemberRecordView;
  @ApiProperty({ type: ShareRegisterView }) shares: ShareRegisterView;
  @ApiProperty({ type: [BoardSeatRecordView] }) boardSeats: BoardSeatRecordView[];
  @ApiProperty({ type: [BallotTakenPartView] }) ballots: BallotTakenPartView[];
  @ApiProperty({ type: [CandidacyView] }) candidacies: CandidacyView[];
  @ApiPropertyOptional({ type: VolunteerDataView, nullable: true }) volunteer: VolunteerDataView | null;
  @ApiProperty({ type: [StaffDataView] }) staff: StaffDataView[];
  @ApiProperty({ type: [OwnAuditEventView] }) auditEvents: OwnAuditEventView[];
}

/** What an erasure did: what went, and what the co-op keeps and why. */
export class MemberErasureView {
  @ApiProperty() memberId: string;
  @ApiProperty() memberNumber: number;
  @ApiProperty({ description: 'The label that now stands in for the name' }) label: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty({ type: [String] }) erased: string[];
  @ApiProperty({ type: [String] }) kept: string[];
}
