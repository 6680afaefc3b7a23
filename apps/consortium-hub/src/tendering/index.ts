export { TenderingModule } from './tendering.module';
