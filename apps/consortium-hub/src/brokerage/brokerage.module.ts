import { Module } from '@nestjs/common';

import { AcceptOffer } from './accept-offer.use-case';
import { ApplyAnswer } from './apply-answer.use-case';
import { BrokerageController } from './brokerage.controller';
import { BrokerageQueries } from './brokerage.queries';
import { BrokerageStore } from './brokerage.store';
import { BrokerageExpiryJob } from './brokerage-expiry.job';
import { CloseRequest } from './close-request.use-case';
import { ExpireRequest } from './expire-request.use-case';
import { PostPackageRequest } from './post-package-request.use-case';

/**
 * Hospital-discharge brokerage on the hub: package requests posted by commissioners to the online
 * co-ops that serve them, answers from the nodes, acceptance of one offer (the others told it is
 * gone), closing and expiry, and the figures.
 */
@Module({
  controllers: [BrokerageController],
  providers: [
    AcceptOffer,
    ApplyAnswer,
    BrokerageExpiryJob,
    BrokerageQueries,
    BrokerageStore,
    CloseRequest,
    ExpireRequest,
    PostPackageRequest,
  ],
  exports: [AcceptOffer, BrokerageQueries, CloseRequest, PostPackageRequest],
})
export class BrokerageModule {}
