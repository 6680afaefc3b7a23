export { AskEnquiry } from './ask-enquiry.use-case';
export { SendOffers } from './send-offers.use-case';
export { AskEnquiryDto, InvitationView, SendOffersDto } from './tendering.dto';
export { TenderingModule } from './tendering.module';
export { ContractHours, TenderingQueries } from './tendering.queries';
