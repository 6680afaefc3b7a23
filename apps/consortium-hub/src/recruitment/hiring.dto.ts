import { ApiProperty } from '@nestjs/swagger';

import { CONTRACT_TYPES, ContractType, HOURS_FITS, HoursFit, STAFF_ROLES, StaffRole } from '@app/contracts';

export const CANDIDATE_REQUEST_STATUSES = ['waiting', 'accepted', 'hired', 'declined', 'withdrawn', 'closed'] as const;
export type CandidateRequestStatus = (typeof CANDIDATE_REQUEST_STATUSES)[number];

/** A pooled vacancy as a candidate sees it: the post's terms and its co-op (public). */
export class PoolVacancyView {
  @ApiProperty({ example: 'holme-valley' }) coopId: string;
  @ApiProperty({ example: 'Holme Valley Care Co-op' }) coopName: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty({ description: 'Minutes a week offered; 0 on a zero-hours or bank post' }) minutesPerWeek: number;
  @ApiProperty({ description: 'pence per hour' }) hourlyPayPence: number;
  @ApiProperty({ description: "At or above the Real Living Wage in the co-op's rulebook" }) paysRealLivingWage: boolean;
  @ApiProperty() locality: string;
  @ApiProperty({ example: '2027-01-04' }) startsOn: string;
}

export class CandidateFitView {
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ enum: HOURS_FITS }) hours: HoursFit;
  @ApiProperty() availableByStart: boolean;
  @ApiProperty({ description: 'Right to work valid on the start date and a clear DBS check' }) checksValidOnStart: boolean;
}

/** A vacancy the candidate fits, with how well. */
export class CandidateMatchView {
  @ApiProperty() rank: number;
  @ApiProperty({ type: PoolVacancyView }) vacancy: PoolVacancyView;
  @ApiProperty({ type: CandidateFitView }) fit: CandidateFitView;
}

export class CandidateMatchesView {
  @ApiProperty({ description: 'Whether the candidate is in the pool: out of it, no vacancy is matched' }) inPool: boolean;
  @ApiProperty({ type: [CandidateMatchView] }) matches: CandidateMatchView[];
}

/** A co-op's request to hire, as the candidate it is for sees it. */
export class CandidateRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PoolVacancyView }) vacancy: PoolVacancyView;
  @ApiProperty({
    enum: CANDIDATE_REQUEST_STATUSES,
    description:
      'waiting: for your answer; accepted: your application is on its way to the co-op; hired: it arrived and the co-op holds it; ' +
      'declined; withdrawn: you left the pool; closed: the vacancy left the pool first',
  })
  status: CandidateRequestStatus;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The co-op's node refused the sealed application, and why" })
  deliveryProblem: string | null;
}
