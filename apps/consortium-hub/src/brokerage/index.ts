export type { BrokerageFiguresView, RequestDetailView, RequestSummaryView } from './brokerage.dto';
export { AcceptOfferDto, CloseRequestDto, CreatePackageRequestDto } from './brokerage.dto';
export { BrokerageModule } from './brokerage.module';
export { BrokerageQueries } from './brokerage.queries';
export { BrokerageExpiryJob } from './brokerage-expiry.job';
