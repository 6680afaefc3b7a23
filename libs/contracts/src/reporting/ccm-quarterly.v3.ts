import { CCM_QUARTERLY_V2 } from './ccm-quarterly.v2';
import { MetricDefinition, ReturnDefinition } from './return-definition';
import { PERIOD_TYPES } from './return-period';

/*
 * Version 3 of the return (issue 16, "figures a commissioner can trust"). Version 2 stays as it was:
 * returns made against it keep meaning what they meant. Two groups of changes, each kept in its own
 * block below so each reads on its own:
 *  - what the node now records: personal goals as COPM means them, safeguarding concerns by Care Act
 *    category, local spend from all of a co-op's purchasing, the Type B share of disadvantaged
 *    workers, visits tagged with the consortium contract they deliver;
 *  - places: hours by locality and by locality and service type.
 */

/** Metrics of version 2 whose definition changes because the node now records what they count (by id). */
const RECORD_CHANGES: Readonly<Record<string, Partial<MetricDefinition>>> = {};

/** Metrics new in version 3 that come from the node's new records. */
const RECORD_METRICS: readonly MetricDefinition[] = [];

/** Metrics of version 2 that gain breakdowns by place (by id). */
const PLACE_CHANGES: Readonly<Record<string, Partial<MetricDefinition>>> = {};

/** Metrics new in version 3 about places. */
const PLACE_METRICS: readonly MetricDefinition[] = [];

const changed = (m: MetricDefinition): MetricDefinition => Object.freeze({ ...m, ...RECORD_CHANGES[m.id], ...PLACE_CHANGES[m.id] });

export const CCM_QUARTERLY_V3: ReturnDefinition = Object.freeze({
  id: 'ccm-quarterly',
  version: 3,
  title: 'Care Co-op Mesh quarterly return',
  periodTypes: PERIOD_TYPES,
  metrics: Object.freeze([...CCM_QUARTERLY_V2.metrics.map(changed), ...RECORD_METRICS.map(changed), ...PLACE_METRICS.map(changed)]),
});
