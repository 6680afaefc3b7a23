import type { Consolidation, MetricDefinition, MetricValidation } from './return-definition';

/**
 * Time credits that crossed between co-ops (issue 17), in the quarterly return from version 3. Hours
 * of credit, not people: two sums a consortium adds up across co-ops, so what one co-op sent and
 * another received meet in the consolidated report. Optional: a return computed before a node could
 * pay across co-ops may leave them out.
 */
export const TIME_CREDIT_METRIC_IDS = Object.freeze({
  sent: 'time_credit_hours_sent_to_other_coops',
  received: 'time_credit_hours_received_from_other_coops',
});

const HOURS: MetricValidation = Object.freeze({ type: 'decimal', min: 0, max: 10_000_000, decimals: 2, nullable: false });
const SUM: Consolidation = Object.freeze({ kind: 'sum' });

/** A sum of hours of credit, optional, reported as a total only. */
function hoursMetric(id: string, title: string, definition: string): MetricDefinition {
  return Object.freeze({
    id,
    title,
    section: 'volunteering',
    definition,
    unit: 'hours',
    countsPeople: false,
    breakdowns: [],
    required: false,
    validation: HOURS,
    consolidation: SUM,
  });
}

export const TIME_CREDIT_METRICS: readonly MetricDefinition[] = Object.freeze([
  hoursMetric(
    TIME_CREDIT_METRIC_IDS.sent,
    'Time credits sent to other co-ops',
    "Time credits the co-op's members paid to members of other co-ops of the consortium, counted on the day the receiving co-op credited them " +
      '(a payment refused and given back is not counted), in hours (one credit is one hour) to two decimal places.',
  ),
  hoursMetric(
    TIME_CREDIT_METRIC_IDS.received,
    'Time credits received from other co-ops',
    "Time credits the co-op's members were paid by members of other co-ops of the consortium, counted on the day the co-op credited them, " +
      'in hours (one credit is one hour) to two decimal places.',
  ),
]);
