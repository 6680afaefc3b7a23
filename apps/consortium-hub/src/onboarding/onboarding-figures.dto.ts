import { ApiProperty } from '@nestjs/swagger';

import { COOP_STATUSES, CoopStatus, ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

export class StageTimeView {
  @ApiProperty({ enum: ONBOARDING_STAGES }) stage: OnboardingStage;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Days from the close of the stage before (or the start) to this close, by the evidence dates; null while open',
  })
  days: number | null;
}

export class JourneyFiguresView {
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() sponsorCoopId: string;
  @ApiProperty({ enum: COOP_STATUSES }) status: CoopStatus;
  @ApiProperty({ example: '2026-01-12' }) startedOn: string;
  @ApiProperty({ enum: ONBOARDING_STAGES, nullable: true, description: 'The first stage still open; null once trading' })
  currentStage: OnboardingStage | null;
  @ApiProperty({ type: [StageTimeView] }) stages: StageTimeView[];
  @ApiProperty({ type: Number, nullable: true }) daysToTrading: number | null;
  @ApiProperty({ description: 'Not trading, and no stage closed for ONBOARDING_STALL_DAYS' }) stalled: boolean;
  @ApiProperty({ description: 'When a stage last closed, or the journey started' }) lastProgressAt: string;
}

export class SummaryView {
  @ApiProperty({ description: 'Journeys counted' }) journeys: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) minDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxDays: number | null;
}

export class StageSummaryView extends SummaryView {
  @ApiProperty({ enum: ONBOARDING_STAGES }) stage: OnboardingStage;
}

export class ConsortiumJourneysView {
  @ApiProperty() total: number;
  @ApiProperty() trading: number;
  @ApiProperty() stalled: number;
}

export class ConsortiumFiguresView {
  @ApiProperty({ type: [StageSummaryView], description: 'Time in each stage across the journeys that closed it' })
  stages: StageSummaryView[];
  @ApiProperty({ type: SummaryView, description: 'Time from the start to trading across the journeys that trade' })
  timeToTrading: SummaryView;
  @ApiProperty({ type: ConsortiumJourneysView }) journeys: ConsortiumJourneysView;
}

export class StalledJourneyView {
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() sponsorCoopId: string;
  @ApiProperty({ enum: ONBOARDING_STAGES }) currentStage: OnboardingStage;
  @ApiProperty() lastProgressAt: string;
  @ApiProperty() daysSinceProgress: number;
}

export class NoRunnerView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: COOP_STATUSES }) status: CoopStatus;
  @ApiProperty({ type: String, nullable: true, description: 'When its last spin-off journey started, if ever' }) lastJourneyStartedOn:
    string | null;
}

export class FiguresSettingsView {
  @ApiProperty({ description: 'ONBOARDING_STALL_DAYS' }) stallDays: number;
  @ApiProperty({ description: 'ONBOARDING_RUNNER_WINDOW_MONTHS' }) runnerWindowMonths: number;
  @ApiProperty({ description: 'The first day of the runner window' }) windowStartsOn: string;
}

export class OnboardingFiguresView {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: FiguresSettingsView }) settings: FiguresSettingsView;
  @ApiProperty({ type: [JourneyFiguresView] }) journeys: JourneyFiguresView[];
  @ApiProperty({ type: ConsortiumFiguresView }) consortium: ConsortiumFiguresView;
  @ApiProperty({ type: [StalledJourneyView] }) stalled: StalledJourneyView[];
  @ApiProperty({ type: [NoRunnerView], description: 'Registered and trading co-ops that started no spin-off journey in the window' })
  noRunnerInWindow: NoRunnerView[];
}
