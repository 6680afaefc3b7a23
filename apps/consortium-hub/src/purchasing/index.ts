export { PurchasingModule } from './purchasing.module';
