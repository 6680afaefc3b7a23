import { Module } from '@nestjs/common';

import { RecordTenderMessages } from './record-tender-messages.use-case';
import { SendOffers } from './send-offers.use-case';
import { TenderingController } from './tendering.controller';
import { TenderingQueries } from './tendering.queries';

/**
 * Joint tendering on the node: invitations from the hub, offers suggested from the co-op's own
 * workforce (SQL aggregates; no record about a person leaves), and the contracts it wins, with
 * delivered against contracted hours.
 */
@Module({
  controllers: [TenderingController],
  providers: [RecordTenderMessages, SendOffers, TenderingQueries],
  exports: [TenderingQueries],
})
export class TenderingModule {}
