import { Module } from '@nestjs/common';

import { CommitQuantity } from './commit-quantity.use-case';
import { NodePurchaseQueries } from './node-purchase.queries';
import { NodePurchasesController } from './node-purchases.controller';
import { PurchasingController } from './purchasing.controller';
import { PurchasingQueries } from './purchasing.queries';
import { RecordAllocation } from './record-allocation.use-case';
import { RecordPurchase } from './record-purchase.use-case';
import { RecordRoundOpened } from './record-round-opened.use-case';
import { RecordRoundState } from './record-round-state.use-case';
import { RoundRecords } from './round-records.store';

/**
 * Joint purchasing on the node: the hub's invitations, the admin's commitments (sent through the
 * outbox), and the co-op's final share of each ordered round; and the co-op's own purchases outside
 * joint rounds, for its local-spend figure. Nothing about a person is involved.
 */
@Module({
  controllers: [PurchasingController, NodePurchasesController],
  providers: [
    CommitQuantity,
    NodePurchaseQueries,
    PurchasingQueries,
    RecordAllocation,
    RecordPurchase,
    RecordRoundOpened,
    RecordRoundState,
    RoundRecords,
  ],
  exports: [CommitQuantity, NodePurchaseQueries, PurchasingQueries, RecordPurchase],
})
export class PurchasingModule {}
