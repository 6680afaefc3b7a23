import { Module } from '@nestjs/common';

import { ApplyOffer } from './apply-offer.use-case';
import { AssembleBid } from './assemble-bid.use-case';
import { AssembleDueBid } from './assemble-due-bid.use-case';
import { AwardTender } from './award-tender.use-case';
import { BidAssembler } from './bid-assembler.service';
import { CancelTender } from './cancel-tender.use-case';
import { CreateTender } from './create-tender.use-case';
import { InviteCoops } from './invite-coops.use-case';
import { SplitLot } from './split-lot.use-case';
import { SubmitBid } from './submit-bid.use-case';
import { TenderQueries } from './tender.queries';
import { TenderStore } from './tender.store';
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
    ApplyOffer,
    AssembleBid,
    AssembleDueBid,
    BidAssembler,
    AwardTender,
    CancelTender,
    CreateTender,
    InviteCoops,
    SubmitBid,
    TenderDeadlineJob,
    TenderInvitations,
    UpdateLot,
    SplitLot,
    TenderOcds,
    TenderQueries,
    TenderStore,
    UpdateTender,
  ],
  exports: [AssembleBid, AwardTender, CancelTender, CreateTender, InviteCoops, SplitLot, SubmitBid, TenderQueries, UpdateLot, UpdateTender],
})
export class TenderingModule {}
