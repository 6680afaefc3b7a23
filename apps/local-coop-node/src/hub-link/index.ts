export { HubLinkView } from './hub-link.dto';
export { HubLink } from './hub-link.entity';
export { HubLinkModule } from './hub-link.module';
export { HubLinkQueries } from './hub-link.queries';
