export { AnswerEnquiry } from './answer-enquiry.use-case';
export { AssembleBid } from './assemble-bid.use-case';
export { AwardTender } from './award-tender.use-case';
export { CancelTender } from './cancel-tender.use-case';
export { contractLabels, coopContractIds } from './contract-references.queries';
export { CreateTender } from './create-tender.use-case';
export { DecideChallenge } from './decide-challenge.use-case';
export { InviteCoops } from './invite-coops.use-case';
export { RecordChallenge } from './record-challenge.use-case';
export { SplitLot } from './split-lot.use-case';
export { SubmitBid } from './submit-bid.use-case';
export { TenderQueries } from './tender.queries';
export type { TenderAction, TenderStage } from './tender-stage.rules';
export { allowedTenderActions } from './tender-stage.rules';
export type { TenderDetailView, TenderSummaryView } from './tendering.dto';
export {
  AskedEnquiryAnswerDto,
  AwardDto,
  CancelTenderDto,
  ChallengeOutcomeDto,
  CreateTenderDto,
  InviteDto,
  ListTendersQuery,
  RecordChallengeDto,
  SplitLotDto,
  UpdateLotDto,
  UpdateTenderDto,
} from './tendering.dto';
export { TenderingModule } from './tendering.module';
export { UpdateLot } from './update-lot.use-case';
export { UpdateTender } from './update-tender.use-case';
