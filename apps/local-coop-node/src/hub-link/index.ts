export { HubLink } from './hub-link.entity';
export { HubLinkModule } from './hub-link.module';
