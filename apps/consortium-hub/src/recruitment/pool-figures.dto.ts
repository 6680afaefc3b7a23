import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

import {
  CONTRACT_TYPES,
  ContractType,
  COOP_ID_PATTERN,
  POOLED_VACANCY_STATES,
  PooledVacancyState,
  STAFF_ROLES,
  StaffRole,
} from '@app/contracts';
import { IsCalendarDate, PageQuery, PageView } from '@app/platform';

import type { PublishedFigure } from '../reporting';
import { POOL_REQUEST_STATUSES, PoolRequestStatus } from './pool-figures.rules';

export class FiguresQuery {
  @ApiPropertyOptional({
    example: '2025-12-05',
    description: 'First day of the flow figures, included; 12 months before `to` when left out',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-04', description: 'Last day of the flow figures, included; today (in the UK) when left out' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** A count of people: a number, or suppressed (an object of its own, never a number), as the consolidated reports show it. */
const FIGURE: ApiPropertyOptions = {
  oneOf: [
    { type: 'number' },
    { type: 'object', properties: { suppressed: { type: 'boolean', enum: [true] } }, required: ['suppressed'], description: 'Suppressed' },
  ],
  example: 12,
};

export class FigureCellView {
  @ApiProperty({ example: 'Marsden', description: 'A locality, a role or an outcome' }) category: string;
  @ApiProperty(FIGURE) value: PublishedFigure;
}

export class CountCellView {
  @ApiProperty({ example: 'Marsden', description: 'A locality or a role' }) category: string;
  @ApiProperty({ example: 3 }) value: number;
}

export class FiguresPeriodView {
  @ApiProperty({ example: '2025-12-05', description: 'First day, included' }) from: string;
  @ApiProperty({ example: '2026-12-04', description: 'Last day, included' }) to: string;
}

export class FiguresDisclosureView {
  @ApiProperty({ example: 4, description: 'Counts of people from 1 to this are suppressed (REPORTING_THRESHOLD)' }) threshold: number;
  @ApiProperty({ description: 'How many figures of this answer are suppressed' }) suppressedFigures: number;
  @ApiProperty() note: string;
}

export class CandidatesInPoolView {
  @ApiProperty() description: string;
  @ApiProperty({ ...FIGURE, description: 'Candidates in the pool now' }) total: PublishedFigure;
  @ApiProperty({ type: [FigureCellView], description: 'A candidate counts in each locality they reach' }) byLocality: FigureCellView[];
  @ApiProperty({ type: [FigureCellView], description: 'A candidate counts in each role they seek' }) byRole: FigureCellView[];
}

export class VacanciesInPoolView {
  @ApiProperty() description: string;
  @ApiProperty({ example: 7, description: 'Vacancies in the pool now: posts, shown as they are' }) total: number;
  @ApiProperty({ type: [CountCellView] }) byLocality: CountCellView[];
  @ApiProperty({ type: [CountCellView] }) byRole: CountCellView[];
}

export class FilledFromPoolView {
  @ApiProperty() description: string;
  @ApiProperty({ ...FIGURE, description: 'Vacancies filled from the pool in the period: hires' }) total: PublishedFigure;
  @ApiProperty({ type: [FigureCellView] }) byLocality: FigureCellView[];
  @ApiProperty({ type: [FigureCellView] }) byRole: FigureCellView[];
}

const MEDIAN: ApiPropertyOptions = {
  ...FIGURE,
  nullable: true,
  example: 23.5,
  description: 'Median days from the vacancy first pooled to the hire; null with no hires; suppressed beside a suppressed or small count',
};

export class TimeToHireView {
  @ApiProperty({ ...FIGURE, description: 'Hires the median is taken over' }) hires: PublishedFigure;
  @ApiProperty(MEDIAN) medianDays: PublishedFigure | null;
}

export class RoleTimeToHireView extends TimeToHireView {
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
}

export class TimeToHireFiguresView {
  @ApiProperty() description: string;
  @ApiProperty({ type: TimeToHireView, description: 'Every hire of the period' }) overall: TimeToHireView;
  @ApiProperty({ type: [RoleTimeToHireView] }) byRole: RoleTimeToHireView[];
}

export class RequestsFiguresView {
  @ApiProperty() description: string;
  @ApiProperty({ ...FIGURE, description: 'Requests to hire made in the period' }) total: PublishedFigure;
  @ApiProperty({ type: [FigureCellView], description: 'By where each request stands now: every status, zeros included' })
  byOutcome: FigureCellView[];
}

/** The pool's figures, through the consortium reports' disclosure control (docs/recruitment.md, Figures). */
export class PoolFiguresView {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: FiguresPeriodView, description: 'The period of the flow figures (filled, time to hire, requests)' })
  period: FiguresPeriodView;
  @ApiProperty({ type: FiguresDisclosureView }) disclosure: FiguresDisclosureView;
  @ApiProperty({ type: CandidatesInPoolView }) candidatesInPool: CandidatesInPoolView;
  @ApiProperty({ type: VacanciesInPoolView }) vacanciesInPool: VacanciesInPoolView;
  @ApiProperty({ type: FilledFromPoolView }) filledFromPool: FilledFromPoolView;
  @ApiProperty({ type: TimeToHireFiguresView }) timeToHire: TimeToHireFiguresView;
  @ApiProperty({ type: RequestsFiguresView }) requests: RequestsFiguresView;
}

// ---------------------------------------------------------------------------------------------
// Staff views of the pool
// ---------------------------------------------------------------------------------------------

class PoolFilters extends PageQuery {
  @ApiPropertyOptional({ example: 'holme-valley' })
  @IsOptional()
  @Matches(COOP_ID_PATTERN, { message: 'coopId must be a co-op id (lower-case letters, digits, hyphens)' })
  coopId?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ example: 'Marsden', description: 'Exactly as the vacancy has it' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;
}

export class PoolVacanciesQuery extends PoolFilters {
  @ApiPropertyOptional({ enum: POOLED_VACANCY_STATES })
  @IsOptional()
  @IsIn(POOLED_VACANCY_STATES)
  state?: PooledVacancyState;
}

export class PoolRequestsQuery extends PoolFilters {
  @ApiPropertyOptional({ enum: POOL_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(POOL_REQUEST_STATUSES)
  status?: PoolRequestStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "The co-op's vacancy id" })
  @IsOptional()
  @IsUUID('all', { message: 'vacancyId must be a UUID' })
  vacancyId?: string;
}

export class RequestCountsView {
  @ApiProperty() waiting: number;
  @ApiProperty() accepted: number;
  @ApiProperty() hired: number;
  @ApiProperty() declined: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() closed: number;
}

export class PooledVacancyStaffView {
  @ApiProperty({ example: 'holme-valley' }) coopId: string;
  @ApiProperty({ example: 'Holme Valley Care Co-op' }) coopName: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ description: "The node's revision held" }) revision: number;
  @ApiProperty({ enum: POOLED_VACANCY_STATES }) state: PooledVacancyState;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty() minutesPerWeek: number;
  @ApiProperty() hourlyPayPence: number;
  @ApiProperty() paysRealLivingWage: boolean;
  @ApiProperty() locality: string;
  @ApiProperty({ example: '2027-01-04' }) startsOn: string;
  @ApiProperty() firstPooledAt: string;
  @ApiProperty({ description: 'When the node made the revision held' }) changedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'When it was filled, withdrawn or taken out of the pool' })
  closedAt: string | null;
  @ApiProperty({ type: RequestCountsView, description: "Co-ops' requests to hire for it, by status" }) requests: RequestCountsView;
}

export class PooledVacancyStaffPage extends PageView(PooledVacancyStaffView) {}

export class HireRequestStaffView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'holme-valley' }) coopId: string;
  @ApiProperty({ example: 'Holme Valley Care Co-op' }) coopName: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ enum: STAFF_ROLES, description: "The vacancy's role when asked" }) role: StaffRole;
  @ApiProperty({ description: "The vacancy's locality when asked" }) locality: string;
  @ApiProperty({ enum: POOL_REQUEST_STATUSES }) status: PoolRequestStatus;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'When the candidate answered, or the request otherwise ended' })
  answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "When the hiring node's receipt said the application was applied" })
  hiredAt: string | null;
}

export class HireRequestStaffPage extends PageView(HireRequestStaffView) {}
