import { CCM_QUARTERLY_V2 } from './ccm-quarterly.v2';
import { MetricDefinition, ReturnDefinition } from './return-definition';
import { PERIOD_TYPES } from './return-period';
import { TIME_CREDIT_METRICS } from './time-credit-metrics';

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

/**
 * Hours by place. A visit's locality is the locality its person supported lives in (one of the
 * co-op's public localities). A cell of hours in one locality and one service type can be one
 * person's care, so each cell of hours is shown only where the people behind it (people_visited)
 * may be shown: see the hub's disclosure control.
 */
const BY_PLACE: Partial<MetricDefinition> = {
  breakdowns: ['service_type', 'locality'],
  crossBreakdowns: [{ rows: 'locality', columns: 'service_type' }],
  peopleBehind: 'people_visited',
};

/** Metrics of version 2 that gain breakdowns by place (by id). */
const PLACE_CHANGES: Readonly<Record<string, Partial<MetricDefinition>>> = {
  care_hours_planned: {
    ...BY_PLACE,
    definition:
      'The planned length of the visits due to start on a day of the period, cancelled visits left out and missed ones included, in hours to two decimal places, ' +
      "by service type, by locality (where the person visited lives, one of the co-op's public localities) and by locality and service type.",
  },
  care_hours_delivered: {
    ...BY_PLACE,
    definition:
      'The recorded length of the delivered visits that were due to start on a day of the period, in hours to two decimal places, ' +
      "by service type, by locality (where the person visited lives, one of the co-op's public localities) and by locality and service type.",
  },
};

/** Metrics new in version 3 about places. */
const PLACE_METRICS: readonly MetricDefinition[] = [
  {
    id: 'people_visited',
    title: 'People visited',
    section: 'care',
    definition:
      'People supported with at least one visit due to start on a day of the period that was not cancelled (missed ones included): each once in the total and once under the locality they live in; ' +
      'by locality and service type, once under each service type they had such a visit of, so a person with visits of two service types counts in two cells of their locality. ' +
      'These are the people behind the hours by locality and service type: an hours figure is shown only where its people may be.',
    unit: 'people',
    countsPeople: true,
    breakdowns: ['locality'],
    crossBreakdowns: [{ rows: 'locality', columns: 'service_type', overlapping: true }],
    required: true,
    validation: { type: 'integer', min: 0, max: 1_000_000, nullable: false },
    consolidation: { kind: 'sum' },
  },
];

const changed = (m: MetricDefinition): MetricDefinition => Object.freeze({ ...m, ...RECORD_CHANGES[m.id], ...PLACE_CHANGES[m.id] });

export const CCM_QUARTERLY_V3: ReturnDefinition = Object.freeze({
  id: 'ccm-quarterly',
  version: 3,
  title: 'Care Co-op Mesh quarterly return',
  periodTypes: PERIOD_TYPES,
  metrics: Object.freeze([
    ...CCM_QUARTERLY_V2.metrics.map(changed),
    ...RECORD_METRICS.map(changed),
    ...PLACE_METRICS.map(changed),
    ...TIME_CREDIT_METRICS,
  ]),
});
