export { CareModule } from './care.module';
export const CARE_ENTITIES: Function[] = [];
