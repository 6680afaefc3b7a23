export { CloseStage } from './close-stage.use-case';
export { IssueJoinToken } from './issue-join-token.use-case';
export type { JoinTokenIssuedView } from './join.dto';
export { JourneyQueries } from './journey.queries';
export type { JourneySummaryView, JourneyView, StageView } from './onboarding.dto';
export { CloseStageDto, ListJourneysQuery, ReopenStageDto } from './onboarding.dto';
export { OnboardingModule } from './onboarding.module';
export { ReopenStage } from './reopen-stage.use-case';
export { StagePipe } from './stage.pipe';
