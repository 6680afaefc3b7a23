import { Module } from '@nestjs/common';

import { AnswerEnquiry } from './answer-enquiry.use-case';
import { ApplyEnquiry } from './apply-enquiry.use-case';
import { ApplyOffer } from './apply-offer.use-case';
import { AssembleBid } from './assemble-bid.use-case';
import { AssembleDueBid } from './assemble-due-bid.use-case';
import { AwardTender } from './award-tender.use-case';
import { BidAssembler } from './bid-assembler.service';
import { CancelTender } from './cancel-tender.use-case';
import { CreateTender } from './create-tender.use-case';
import { DecideChallenge } from './decide-challenge.use-case';
import { InviteCoops } from './invite-coops.use-case';
import { MoveTenderByDate } from './move-tender-by-date.use-case';
import { RecordChallenge } from './record-challenge.use-case';
import { SplitLot } from './split-lot.use-case';
import { SubmitBid } from './submit-bid.use-case';
import { TenderQueries } from './tender.queries';
import { TenderStore } from './tender.store';
import { TenderContractRelease } from './tender-contract-release.service';
import { TenderDeadlineJob } from './tender-deadline.job';
import { TenderInvitations } from './tender-invitations.service';
import { TenderOcds } from './tender-ocds.queries';
import { TenderingController } from './tendering.controller';
import { UpdateLot } from './update-lot.use-case';
import { UpdateTender } from './update-tender.use-case';

/**
 * Joint tendering on the hub: council tenders split into lots, invitations to the co-ops that serve
 * them, offers from the nodes, the consortium's bid assembled exactly (min-cost max-flow), the award
 * as contracts pushed to the nodes, and OCDS exports.
 */
@Module({
  controllers: [TenderingController],
  providers: [
    AnswerEnquiry,
    ApplyEnquiry,
    ApplyOffer,
    AssembleBid,
    AssembleDueBid,
    BidAssembler,
    AwardTender,
    CancelTender,
    CreateTender,
    DecideChallenge,
    InviteCoops,
    MoveTenderByDate,
    RecordChallenge,
    SubmitBid,
    TenderDeadlineJob,
    TenderInvitations,
    UpdateLot,
    SplitLot,
    TenderOcds,
    TenderQueries,
    TenderStore,
    TenderContractRelease,
    UpdateTender,
  ],
  exports: [
    AnswerEnquiry,
    AssembleBid,
    AwardTender,
    CancelTender,
    CreateTender,
    DecideChallenge,
    InviteCoops,
    RecordChallenge,
    SplitLot,
    SubmitBid,
    TenderQueries,
    UpdateLot,
    UpdateTender,
  ],
})
export class TenderingModule {}
