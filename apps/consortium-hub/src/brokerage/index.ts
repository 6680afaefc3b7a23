export { AcceptOffer } from './accept-offer.use-case';
export type { BrokerageFiguresView, RequestDetailView, RequestSummaryView } from './brokerage.dto';
export { AcceptOfferDto, CloseRequestDto, CreatePackageRequestDto } from './brokerage.dto';
export { BrokerageModule } from './brokerage.module';
export { BrokerageQueries } from './brokerage.queries';
export { BrokerageExpiryJob } from './brokerage-expiry.job';
export { CloseRequest } from './close-request.use-case';
export { PostPackageRequest } from './post-package-request.use-case';
