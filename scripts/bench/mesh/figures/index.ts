import { Figure } from '../figure';
import { p1OutboxRelay } from './p1-outbox-relay';
import { p2HubInbox } from './p2-hub-inbox';
import { p3LiveQuestion } from './p3-live-question';
import { p4Consolidation } from './p4-consolidation';
import { p5NodeReads } from './p5-node-reads';
import { p6BacklogDrain } from './p6-backlog-drain';
import { p7FleetFootprint } from './p7-fleet-footprint';

/** Every figure `npm run bench` measures, in the order it runs them: P6 compares its drain with P2's rate, so P2 comes first. */
export const FIGURES: Figure[] = [
  p1OutboxRelay,
  p2HubInbox,
  p3LiveQuestion,
  p4Consolidation,
  p5NodeReads,
  p6BacklogDrain,
  p7FleetFootprint,
];
