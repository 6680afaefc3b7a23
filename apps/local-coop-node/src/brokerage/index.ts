export type { NodeRequestView, PlacementView } from './brokerage.dto';
export { AnswerRequestDto, StartCareDto } from './brokerage.dto';
export { BrokerageModule } from './brokerage.module';
export { BrokerageQueries } from './brokerage.queries';
export { SendAnswer } from './send-answer.use-case';
export { StartCare } from './start-care.use-case';
