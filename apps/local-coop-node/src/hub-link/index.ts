export { HubLinkModule } from './hub-link.module';
export { HubLink } from './hub-link.entity';
