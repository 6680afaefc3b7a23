export { VolunteeringModule } from './volunteering.module';
export const VOLUNTEERING_ENTITIES: Function[] = [];
