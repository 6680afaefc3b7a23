export { localSupplierSpendPence } from './local-spend.queries';
export { PurchasingModule } from './purchasing.module';
