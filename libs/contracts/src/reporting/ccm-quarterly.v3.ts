import { COPM_MEANINGFUL_CHANGE } from '../vocabulary';
import { CCM_QUARTERLY_V2 } from './ccm-quarterly.v2';
import { MetricDefinition, MetricValidation, ReturnDefinition } from './return-definition';
import { PERIOD_TYPES } from './return-period';
import { TIME_CREDIT_METRICS } from './time-credit-metrics';

const COUNT: MetricValidation = { type: 'integer', min: 0, max: 1_000_000, nullable: false };
/** Pence; null when the co-op has recorded no purchase and had no joint-round share, ever (not recorded, never a zero nobody counted). */
const SPEND: MetricValidation = { type: 'integer', min: 0, max: 1_000_000_000_000, nullable: true };

/** How the two sources of spend relate, said once for both spend figures. */
const NEVER_TWICE =
  "The two sources never overlap: a joint round's cost reaches the node only as the allocation the hub sent, and the co-op's purchase ledger holds only what it bought outside joint rounds, so a joint round is never entered there.";

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
const RECORD_CHANGES: Readonly<Record<string, Partial<MetricDefinition>>> = {
  goals_reviewed: {
    definition:
      'Personal goals of the care plans whose review was recorded on a day of the period. Each goal is one the person chose and rated for importance (1 to 10), scored for performance and satisfaction (1 to 10) when the plan is agreed and again at review, as in the Canadian Occupational Performance Measure (COPM).',
  },
  goals_improved: {
    definition: `Of the goals reviewed in the period, those whose performance score or satisfaction score rose by ${COPM_MEANINGFUL_CHANGE} points or more between the start and the review: the change COPM counts as clinically meaningful (version 2 counted any rise).`,
  },
  goal_attainment_percent: {
    definition: `Goals improved (a rise of ${COPM_MEANINGFUL_CHANGE} points or more) as a percentage of goals reviewed in the period, to one decimal place; null when no goal was reviewed.`,
  },
  safeguarding_concerns_raised: {
    definition:
      'Adult safeguarding concerns about people the co-op supports that were raised on a day of the period, as recorded in its safeguarding log, in total and by the Care Act 2014 category (the ten categories of the statutory guidance). ' +
      'Each concern counts once, under its one category; a concern counts in the period it was raised, whatever happened to it later. A count about people: small counts are withheld.',
    breakdowns: ['safeguarding_category'],
    required: true,
    validation: COUNT,
  },
  contract_hours_delivered: {
    definition:
      "The recorded length of the delivered visits, due on a day of the period, that are tagged with the contract: a visit names the consortium contract it delivers when it is planned, rescheduled or recorded, and the node accepts the tag only for a contract the co-op holds, of the visit's service type, on a day the contract runs. " +
      'Nothing is inferred (version 2 counted council-commissioned visits of the service in the locality): an untagged visit counts under no contract, and each tagged visit under its one contract. In hours to two decimal places, by service type and by contract.',
  },
  local_supplier_spend: {
    definition:
      "The co-op's spend with local suppliers in the period, in pence: the purchases it recorded on its node as bought on a day of the period from a supplier local to a locality it serves, " +
      'plus its share of joint purchasing rounds ordered on a day of the period and not cancelled since, for items whose supplier is local to a locality it serves (the allocation the hub sent it). ' +
      `${NEVER_TWICE} Null when the co-op has recorded neither a purchase nor an allocation, ever.`,
    required: true,
    validation: SPEND,
  },
};

/** Metrics new in version 3 that come from the node's new records. */
const RECORD_METRICS: readonly MetricDefinition[] = [
  {
    id: 'safeguarding_concerns_referred',
    title: 'Safeguarding concerns referred to the council',
    section: 'regulation',
    definition:
      "Safeguarding concerns the co-op referred to the council's adult safeguarding team on a day of the period, whenever they were raised (so not a part of the concerns raised in the period). A count about people: small counts are withheld.",
    unit: 'count',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: { kind: 'sum' },
  },
  {
    id: 'staff_disadvantaged_percent',
    title: 'Disadvantaged workers (Italian Type B)',
    section: 'workforce',
    definition:
      'For a co-op whose rulebook in force at the end of the last day of the period has the Italian Type B rule (at least a set share of its workers disadvantaged people, Law 381/1991 art. 4; 30% in the italian-type-b template): the staff employed on the last day who are disadvantaged people, as a percentage of the staff employed on that day, to one decimal place. ' +
      'Null for a co-op whose rulebook has no such rule, or that employs nobody. Whether a worker is disadvantaged is special-category personal data, so only the share is sent, never a count; the node withholds the share when 1 to its threshold of workers are disadvantaged, or when at most its threshold are not. ' +
      'The hub combines the shares as a mean weighted by staff headcount, over the co-ops that sent one (the Type B co-ops).',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: { type: 'decimal', min: 0, max: 100, decimals: 1, nullable: true },
    consolidation: { kind: 'weighted-mean', weight: { metric: 'staff_headcount', breakdown: null } },
  },
  {
    id: 'supplier_spend_total',
    title: 'Spend with all suppliers',
    section: 'regulation',
    definition:
      "All the co-op's spend in the period, in pence, local or not: the purchases it recorded on its node as bought on a day of the period, plus its share of joint purchasing rounds ordered on a day of the period and not cancelled since. " +
      `${NEVER_TWICE} Null when the co-op has recorded neither, ever.`,
    unit: 'pence',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: SPEND,
    consolidation: { kind: 'sum' },
  },
  {
    id: 'local_supplier_spend_percent',
    title: 'Share of spend kept with local suppliers',
    section: 'regulation',
    definition:
      'Spend with local suppliers as a percentage of spend with all suppliers in the period, to one decimal place; null when nothing was spent or nothing is recorded.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: { type: 'decimal', min: 0, max: 100, decimals: 1, nullable: true },
    consolidation: {
      kind: 'ratio',
      numerator: [{ metric: 'local_supplier_spend', breakdown: null }],
      denominator: [{ metric: 'supplier_spend_total', breakdown: null }],
    },
  },
];

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
