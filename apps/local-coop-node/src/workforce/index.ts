export { WorkforceModule } from './workforce.module';
export const WORKFORCE_ENTITIES: Function[] = [];
