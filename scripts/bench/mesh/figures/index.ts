import { Figure } from '../figure';
import { p1OutboxRelay } from './p1-outbox-relay';
import { p2HubInbox } from './p2-hub-inbox';
import { p4Consolidation } from './p4-consolidation';
import { p5NodeReads } from './p5-node-reads';

/** Every figure `npm run bench` measures, in the order it runs them. */
export const FIGURES: Figure[] = [p1OutboxRelay, p2HubInbox, p4Consolidation, p5NodeReads];
