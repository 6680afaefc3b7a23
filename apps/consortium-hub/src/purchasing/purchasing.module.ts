import { Module } from '@nestjs/common';

import { ApplyCommitment } from './apply-commitment.use-case';
import { CancelRound } from './cancel-round.use-case';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueries } from './catalogue.queries';
import { CloseRound } from './close-round.use-case';
import { CreateCatalogueItem } from './create-catalogue-item.use-case';
import { CreateRound } from './create-round.use-case';
import { DeliverRound } from './deliver-round.use-case';
import { OpenRound } from './open-round.use-case';
import { OrderRound } from './order-round.use-case';
import { RoundQueries } from './round.queries';
import { RoundStore } from './round.store';
import { RoundCloser } from './round-closer.job';
import { RoundsController } from './rounds.controller';
import { UpdateCatalogueItem } from './update-catalogue-item.use-case';

/**
 * Joint purchasing on the hub: the catalogue, rounds from draft to delivery, co-ops' commitments
 * arriving through the inbox, and the allocation of each order's cost in whole pence.
 */
@Module({
  controllers: [CatalogueController, RoundsController],
  providers: [
    ApplyCommitment,
    CatalogueQueries,
    CloseRound,
    CreateCatalogueItem,
    CreateRound,
    DeliverRound,
    CancelRound,
    OpenRound,
    OrderRound,
    RoundCloser,
    RoundQueries,
    RoundStore,
    UpdateCatalogueItem,
  ],
  exports: [CancelRound, CatalogueQueries, CloseRound, CreateRound, DeliverRound, OpenRound, OrderRound, RoundQueries],
})
export class PurchasingModule {}
