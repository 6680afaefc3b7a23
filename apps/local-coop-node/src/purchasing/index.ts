export { CommitQuantity } from './commit-quantity.use-case';
export { localSupplierSpendPence } from './local-spend.queries';
export { CommitmentSentView, CommitQuantityDto, RoundView } from './purchasing.dto';
export { PurchasingErrors } from './purchasing.errors';
export { PurchasingModule } from './purchasing.module';
export { PurchasingQueries } from './purchasing.queries';
