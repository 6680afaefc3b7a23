import { CCM_QUARTERLY_V1 } from './ccm-quarterly.v1';
import { MetricDefinition, MetricValidation, ReturnDefinition } from './return-definition';

const HOURS: MetricValidation = { type: 'decimal', min: 0, max: 10_000_000, decimals: 2, nullable: false };

/** Version 1's spend with local suppliers was never recorded on a node; version 2 says what the node counts. */
const LOCAL_SUPPLIER_SPEND: Partial<MetricDefinition> = {
  definition:
    "The co-op's share, in pence, of joint purchasing rounds ordered on a day of the period and not cancelled since, for items whose supplier is local to a locality the co-op serves " +
    "(the allocation the hub sent it). Spend outside the consortium's joint purchasing is not recorded on the node, so this is a floor. Null when the co-op has never had an allocation: not recorded.",
};

/** Delivered against contracted hours of the council contracts the consortium won and allocated to the co-op. */
const CONTRACT_METRICS: MetricDefinition[] = [
  {
    id: 'contract_hours_contracted',
    title: 'Hours contracted under consortium contracts',
    section: 'care',
    definition:
      'Hours of care the co-op is contracted to deliver in the period under council contracts won through joint tendering: for each contract, its hours per week times the days of the contract within the period over 7, in hours to two decimal places, by service type and by contract (the id the hub gave it when the council awarded it).',
    unit: 'hours',
    countsPeople: false,
    breakdowns: ['service_type', 'contract'],
    required: true,
    validation: HOURS,
    consolidation: { kind: 'sum' },
  },
  {
    id: 'contract_hours_delivered',
    title: 'Hours delivered under consortium contracts',
    section: 'care',
    definition:
      'The recorded length of the delivered visits, due on a day of the period, that a contract covers: its service type, to council-commissioned people in its locality, on a day it runs (inferred from those facts: visits are not tagged with a contract). A visit two contracts could both cover is shared between them by their hours per week. In hours to two decimal places, by service type and by contract.',
    unit: 'hours',
    countsPeople: false,
    breakdowns: ['service_type', 'contract'],
    required: true,
    validation: HOURS,
    consolidation: { kind: 'sum' },
  },
  {
    id: 'contract_delivery_percent',
    title: 'Delivered against contracted hours',
    section: 'care',
    definition:
      'Hours delivered under consortium contracts as a percentage of the hours contracted in the period, to one decimal place; null when the co-op held no such contract in the period.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: { type: 'decimal', min: 0, max: 1000, decimals: 1, nullable: true },
    consolidation: {
      kind: 'ratio',
      numerator: [{ metric: 'contract_hours_delivered', breakdown: null }],
      denominator: [{ metric: 'contract_hours_contracted', breakdown: null }],
    },
  },
];

/**
 * Version 2 of the quarterly return: version 1's metrics, spend with local suppliers as the node now
 * records it (its share of joint purchasing), and delivered against contracted hours of the council
 * contracts won through joint tendering. Version 1 stays as it was: returns made against it keep
 * meaning what they meant.
 */
export const CCM_QUARTERLY_V2: ReturnDefinition = Object.freeze({
  id: 'ccm-quarterly',
  version: 2,
  title: 'Care Co-op Mesh quarterly return',
  periodTypes: Object.freeze(['quarter'] as const),
  metrics: Object.freeze([
    ...CCM_QUARTERLY_V1.metrics.map((m) => (m.id === 'local_supplier_spend' ? Object.freeze({ ...m, ...LOCAL_SUPPLIER_SPEND }) : m)),
    ...CONTRACT_METRICS.map((m) => Object.freeze(m)),
  ]),
});
