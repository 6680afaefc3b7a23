import { Figure } from '../figure';

/** Every figure `npm run bench` measures, in the order it runs them. */
export const FIGURES: Figure[] = [];
