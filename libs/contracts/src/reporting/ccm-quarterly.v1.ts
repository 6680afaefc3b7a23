import { Breakdown, CellRef, Consolidation, MetricDefinition, MetricValidation, RatingLevel, ReturnDefinition } from './return-definition';

const WHOLE = (max: number): MetricValidation => ({ type: 'integer', min: 0, max, nullable: false });
const PEOPLE = WHOLE(1_000_000);
const COUNT = WHOLE(1_000_000);
const HOURS: MetricValidation = { type: 'decimal', min: 0, max: 10_000_000, decimals: 2, nullable: false };
/** Rates are null when there is nothing to divide by. */
const PERCENT = (max = 100): MetricValidation => ({ type: 'decimal', min: 0, max, decimals: 1, nullable: true });
const NOT_RECORDED = (max: number): MetricValidation => ({ type: 'integer', min: 0, max, nullable: true });

const SUM: Consolidation = { kind: 'sum' };
const total = (metric: string): CellRef => ({ metric, breakdown: null });
const cell = (metric: string, breakdown: Breakdown): CellRef => ({ metric, breakdown });
const ratio = (numerator: CellRef[], denominator: CellRef[]): Consolidation => ({ kind: 'ratio', numerator, denominator });

/** The CQC's overall ratings, coded so that a higher number is a better rating; 0 is "not yet rated". */
export const CQC_RATING_SCALE: readonly RatingLevel[] = Object.freeze([
  { value: 0, label: 'not-yet-rated' },
  { value: 1, label: 'inadequate' },
  { value: 2, label: 'requires-improvement' },
  { value: 3, label: 'good' },
  { value: 4, label: 'outstanding' },
]);

/**
 * The metrics of the consortium's standard quarterly return, version 1. Dates are the co-op's
 * calendar (Europe/London); "the period" is the quarter, both ends included, and figures "on the
 * last day" are taken on its last day.
 */
const METRICS: MetricDefinition[] = [
  // Care
  {
    id: 'people_supported',
    title: 'People supported',
    section: 'care',
    definition:
      'People whose support by the co-op was active on at least one day of the period: support started on or before its last day and had not ended before its first day. ' +
      "Each person counts once in the total, once under their funding type and once under the locality they live in (one of the co-op's public localities).",
    unit: 'people',
    countsPeople: true,
    breakdowns: ['funding_type', 'locality'],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'care_hours_planned',
    title: 'Care hours planned',
    section: 'care',
    definition:
      'The planned length of the visits due to start on a day of the period, cancelled visits left out and missed ones included, in hours to two decimal places, by service type.',
    unit: 'hours',
    countsPeople: false,
    breakdowns: ['service_type'],
    required: true,
    validation: HOURS,
    consolidation: SUM,
  },
  {
    id: 'care_hours_delivered',
    title: 'Care hours delivered',
    section: 'care',
    definition:
      'The recorded length of the delivered visits that were due to start on a day of the period, in hours to two decimal places, by service type.',
    unit: 'hours',
    countsPeople: false,
    breakdowns: ['service_type'],
    required: true,
    validation: HOURS,
    consolidation: SUM,
  },
  {
    id: 'goals_reviewed',
    title: 'Personal goals reviewed',
    section: 'care',
    definition:
      'Personal goals of the care plans whose review was recorded on a day of the period. Each goal is scored for performance and satisfaction (1 to 10, as in the Canadian Occupational Performance Measure) when the plan is agreed and again at review.',
    unit: 'count',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: SUM,
  },
  {
    id: 'goals_improved',
    title: 'Personal goals improved',
    section: 'care',
    definition:
      'Of the goals reviewed in the period, those whose performance score or satisfaction score was higher at review than at the start.',
    unit: 'count',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: SUM,
  },
  {
    id: 'goal_attainment_percent',
    title: 'Personal-goal attainment',
    section: 'care',
    definition: 'Goals improved as a percentage of goals reviewed in the period, to one decimal place; null when no goal was reviewed.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(),
    consolidation: ratio([total('goals_improved')], [total('goals_reviewed')]),
  },
  // Workforce, as the Skills for Care adult social care workforce data set counts it
  {
    id: 'staff_headcount',
    title: 'Staff headcount',
    section: 'workforce',
    definition:
      "Staff employed by the co-op on the last day of the period, by contract type (permanent, zero-hours, bank). A leaver's leaving date is their last day worked, so they count on it. Agency workers are not the co-op's employees and are not counted.",
    unit: 'people',
    countsPeople: true,
    breakdowns: ['contract_type'],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'staff_starters',
    title: 'Starters',
    section: 'workforce',
    definition: 'Staff whose employment started on a day of the period, every contract type.',
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
    publishedWith: 'staff_leavers',
  },
  {
    id: 'staff_leavers',
    title: 'Leavers',
    section: 'workforce',
    definition: 'Staff whose last day worked fell in the period, every contract type.',
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'staff_leavers_12_months',
    title: 'Leavers in the last 12 months',
    section: 'workforce',
    definition:
      "Staff on permanent or temporary contracts whose last day worked fell in the twelve months ending on the last day of the period (the turnover rate's numerator). " +
      'Zero-hours contracts count as temporary; bank staff are left out, as Skills for Care leaves out bank and agency staff.',
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'staff_turnover_percent',
    title: 'Turnover rate',
    section: 'workforce',
    definition:
      'The Skills for Care turnover rate: leavers in the last 12 months as a percentage of the staff on permanent and temporary (here zero-hours) contracts employed on the last day of the period, bank and agency staff left out; ' +
      'to one decimal place, and it may exceed 100. Null when no such staff are employed.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(1000),
    consolidation: ratio(
      [total('staff_leavers_12_months')],
      [cell('staff_headcount', { contract_type: 'permanent' }), cell('staff_headcount', { contract_type: 'zero-hours' })],
    ),
  },
  {
    id: 'vacancies_open',
    title: 'Vacancies',
    section: 'workforce',
    definition:
      'Posts being recruited to at the end of the last day of the period: opened on or before it, and neither filled nor withdrawn by the end of it.',
    unit: 'count',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: SUM,
  },
  {
    id: 'vacancy_rate_percent',
    title: 'Vacancy rate',
    section: 'workforce',
    definition:
      'The Skills for Care vacancy rate: vacancies as a percentage of all posts, that is of the staff headcount plus the vacancies, on the last day of the period; to one decimal place. Null when there are neither staff nor vacancies.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(),
    consolidation: ratio([total('vacancies_open')], [total('staff_headcount'), total('vacancies_open')]),
  },
  {
    id: 'staff_zero_hours_percent',
    title: 'Staff on zero-hours contracts',
    section: 'workforce',
    definition:
      'Staff on zero-hours contracts as a percentage of the staff headcount on the last day of the period, to one decimal place; null when no one is employed.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(),
    consolidation: ratio([cell('staff_headcount', { contract_type: 'zero-hours' })], [total('staff_headcount')]),
  },
  {
    id: 'staff_paid_real_living_wage',
    title: 'Staff paid at least the Real Living Wage',
    section: 'workforce',
    definition:
      "Staff employed on the last day of the period whose hourly pay is at or above the Real Living Wage set in the co-op's rulebook in force on that day (the founding rulebook if none had been adopted by then).",
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
    subsetOf: 'staff_headcount',
  },
  {
    id: 'staff_real_living_wage_percent',
    title: 'Share of staff paid at least the Real Living Wage',
    section: 'workforce',
    definition:
      'Staff paid at least the Real Living Wage as a percentage of the staff headcount on the last day of the period, to one decimal place; null when no one is employed.',
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(),
    consolidation: ratio([total('staff_paid_real_living_wage')], [total('staff_headcount')]),
  },
  {
    id: 'training_completions',
    title: 'Training completed',
    section: 'workforce',
    definition: 'Training courses completed by staff on a day of the period, one for each completion recorded, refreshers included.',
    unit: 'count',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: SUM,
  },
  // Volunteering and the time bank
  {
    id: 'volunteers_active',
    title: 'Volunteers',
    section: 'volunteering',
    definition: 'Volunteers with the co-op at the end of the last day of the period: joined on or before it and not left by the end of it.',
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'volunteer_hours',
    title: 'Volunteer hours',
    section: 'volunteering',
    definition: 'Hours volunteers gave on days of the period, every activity, to two decimal places.',
    unit: 'hours',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: HOURS,
    consolidation: SUM,
  },
  {
    id: 'time_credit_hours_exchanged',
    title: 'Time credits exchanged',
    section: 'volunteering',
    definition:
      'Time credits volunteers spent with other volunteers (for respite or help) on days of the period, in hours (one credit is one hour) to two decimal places. ' +
      'Credits the co-op issues for hours given are not exchanges and are not counted here.',
    unit: 'hours',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: HOURS,
    consolidation: SUM,
  },
  {
    id: 'volunteers_into_paid_work',
    title: 'Volunteers moved into paid work',
    section: 'volunteering',
    definition: 'Volunteers whose move into paid work (with the co-op or elsewhere) is recorded as happening on a day of the period.',
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  // Governance
  {
    id: 'members',
    title: 'Members',
    section: 'governance',
    definition:
      'Members of the co-op at the end of the last day of the period (admitted on or before it, not withdrawn on or before it), by stakeholder class.',
    unit: 'people',
    countsPeople: true,
    breakdowns: ['stakeholder_class'],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
  },
  {
    id: 'ballots_held',
    title: 'Ballots held',
    section: 'governance',
    definition:
      'Motions, board elections and rulebook changes whose voting window closed on a day of the period and whose result is final.',
    unit: 'count',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: COUNT,
    consolidation: SUM,
  },
  {
    id: 'ballot_mean_turnout_percent',
    title: 'Mean ballot turnout',
    section: 'governance',
    definition:
      "The mean, over the ballots held in the period, of each ballot's turnout: members who voted as a percentage of the members eligible to vote (0 for a ballot nobody was eligible for); to one decimal place. Null when no ballot was held.",
    unit: 'percent',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: PERCENT(),
    consolidation: { kind: 'weighted-mean', weight: total('ballots_held') },
  },
  // Regulation, safeguarding and spend
  {
    id: 'cqc_rating',
    title: 'CQC rating',
    section: 'regulation',
    definition:
      "The co-op's overall Care Quality Commission rating as recorded in its public profile when the return is computed, coded 4 outstanding, 3 good, 2 requires improvement, 1 inadequate, 0 not yet rated. Null when the co-op has recorded none.",
    unit: 'rating',
    countsPeople: false,
    breakdowns: [],
    required: true,
    validation: { type: 'integer', min: 0, max: 4, nullable: true },
    consolidation: { kind: 'distribution' },
    scale: CQC_RATING_SCALE,
  },
  {
    id: 'safeguarding_concerns_raised',
    title: 'Safeguarding concerns raised',
    section: 'regulation',
    definition:
      'Adult safeguarding concerns the co-op raised with the local authority on a day of the period. Optional: co-op nodes keep no safeguarding log yet, so they send null, meaning not recorded (never a zero nobody counted).',
    unit: 'count',
    countsPeople: true,
    breakdowns: [],
    required: false,
    validation: NOT_RECORDED(100_000),
    consolidation: SUM,
  },
  {
    id: 'local_supplier_spend',
    title: 'Spend with local suppliers',
    section: 'regulation',
    definition:
      'Money the co-op spent in the period with suppliers based in the localities it serves, in pence. Optional: not yet recorded on co-op nodes, so they send null, meaning not recorded.',
    unit: 'pence',
    countsPeople: false,
    breakdowns: [],
    required: false,
    validation: NOT_RECORDED(1_000_000_000_000),
    consolidation: SUM,
  },
];

export const CCM_QUARTERLY_V1: ReturnDefinition = Object.freeze({
  id: 'ccm-quarterly',
  version: 1,
  title: 'Care Co-op Mesh quarterly return',
  periodTypes: Object.freeze(['quarter'] as const),
  metrics: Object.freeze(METRICS.map((m) => Object.freeze(m))),
});
