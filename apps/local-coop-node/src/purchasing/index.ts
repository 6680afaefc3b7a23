export { PurchasingModule } from './purchasing.module';
export { localSupplierSpendPence } from './local-spend.queries';
