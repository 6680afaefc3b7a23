import { Module } from '@nestjs/common';

import { AskEnquiry } from './ask-enquiry.use-case';
import { RecordTenderContract } from './record-tender-contract.use-case';
import { RecordTenderEnquiryAnswer } from './record-tender-enquiry-answer.use-case';
import { RecordTenderInvitation } from './record-tender-invitation.use-case';
import { RecordTenderLotLost } from './record-tender-lot-lost.use-case';
import { RecordTenderLotWithdrawal } from './record-tender-lot-withdrawal.use-case';
import { RecordTenderOffersClosed } from './record-tender-offers-closed.use-case';
import { SendOffers } from './send-offers.use-case';
import { TenderingController } from './tendering.controller';
import { TenderingQueries } from './tendering.queries';
import { TenderingStore } from './tendering.store';

/**
 * Joint tendering on the node: invitations from the hub, offers suggested from the co-op's own
 * workforce (SQL aggregates; no record about a person leaves), and the contracts it wins, with
 * delivered against contracted hours.
 */
@Module({
  controllers: [TenderingController],
  providers: [
    AskEnquiry,
    RecordTenderEnquiryAnswer,
    RecordTenderInvitation,
    RecordTenderLotWithdrawal,
    RecordTenderContract,
    RecordTenderOffersClosed,
    RecordTenderLotLost,
    SendOffers,
    TenderingQueries,
    TenderingStore,
  ],
  exports: [AskEnquiry, SendOffers, TenderingQueries],
})
export class TenderingModule {}
