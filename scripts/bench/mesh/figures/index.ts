import { Figure } from '../figure';
import { P3 } from './p3-live-question';
import { P6 } from './p6-backlog-drain';
import { P7 } from './p7-fleet-footprint';

/** Every figure `npm run bench` measures, in the order it runs them. */
export const FIGURES: Figure[] = [
  // The fleet's figures run after P1, P2, P4 and P5: P6 compares its drain with P2's rate.
  P3,
  P6,
  P7,
];
