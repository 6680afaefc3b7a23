export { CommitQuantity } from './commit-quantity.use-case';
import { NodePurchase } from './node-purchase.entity';

export type { CoopSpend } from './local-spend.queries';
export { coopSpendPence, localSupplierSpendPence } from './local-spend.queries';
export const PURCHASING_ENTITIES = [NodePurchase];
export { NodePurchaseQueries } from './node-purchase.queries';
export { ListPurchasesQuery, PurchaseView, RecordPurchaseDto } from './node-purchases.dto';
export { CommitmentSentView, CommitQuantityDto, RoundView } from './purchasing.dto';
export { PurchasingErrors } from './purchasing.errors';
export { PurchasingModule } from './purchasing.module';
export { PurchasingQueries } from './purchasing.queries';
export { RecordPurchase } from './record-purchase.use-case';
