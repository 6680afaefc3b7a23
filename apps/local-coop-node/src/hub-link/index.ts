export { HubLink } from './hub-link.entity';
export { HubLinkView } from './hub-link.dto';
export { HubLinkModule } from './hub-link.module';
export { HubLinkQueries } from './hub-link.queries';
