export { SendOffers } from './send-offers.use-case';
export { InvitationView, SendOffersDto } from './tendering.dto';
export { TenderingModule } from './tendering.module';
export { ContractHours, TenderingQueries } from './tendering.queries';
