/** Shared vocabularies: values that mean the same on every node and on the hub. */

export const SERVICE_TYPES = [
  'personal-care',
  'domestic-help',
  'gardening',
  'transport',
  'befriending',
  'meals-and-shopping',
  'advocacy',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const LEGAL_FORMS = [
  'community-benefit-society',
  'co-operative-society',
  'company-limited-by-guarantee',
  'community-interest-company',
  'social-co-operative-type-a',
  'social-co-operative-type-b',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/**
 * A co-op id is one NATS subject token, so it may hold no dots, spaces or wildcards:
 * lower-case letters, digits and inner hyphens, 2 to 63 characters.
 */
export const COOP_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;
export const COOP_ID_RULE = 'lower-case letters, digits and inner hyphens, 2 to 63 characters (e.g. colne-valley)';

export function isCoopId(value: unknown): value is string {
  return typeof value === 'string' && COOP_ID_PATTERN.test(value);
}

/** A co-op's lifecycle in the consortium registry. */
export const COOP_STATUSES = ['proposed', 'forming', 'registered', 'trading', 'suspended', 'left'] as const;
export type CoopStatus = (typeof COOP_STATUSES)[number];

/** The stakeholder classes of a multi-stakeholder co-op; each member belongs to exactly one. */
export const STAKEHOLDER_CLASSES = ['service-user-or-family', 'worker', 'volunteer', 'community-supporter'] as const;
export type StakeholderClass = (typeof STAKEHOLDER_CLASSES)[number];

/** How a person's care is paid for. */
export const FUNDING_TYPES = ['council-commissioned', 'direct-payment', 'individual-service-fund', 'self-funder'] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];

export const CONTRACT_TYPES = ['permanent', 'zero-hours', 'bank'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** The posts a co-op employs people in (a node's staff and vacancies, the roles a candidate seeks); the node's migration's check constraints list the same. */
export const STAFF_ROLES = ['care-worker', 'senior-carer', 'coordinator', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The ready rulebooks a co-op node ships with (a spin-off may start from its sponsor's instead). */
export const RULEBOOK_TEMPLATE_IDS = ['uk-multi-stakeholder-cbs', 'italian-type-a', 'italian-type-b'] as const;
export type RulebookTemplateId = (typeof RULEBOOK_TEMPLATE_IDS)[number];

/** The Care Quality Commission's overall ratings (public information), and "not yet rated" for a new service. */
export const CQC_RATINGS = ['outstanding', 'good', 'requires-improvement', 'inadequate', 'not-yet-rated'] as const;
export type CqcRating = (typeof CQC_RATINGS)[number];

/**
 * A locality as compared everywhere (tender lots, co-op profiles, suppliers' localities): people type
 * "Marsden", "marsden " or "Holme  Valley" for the same place, so surrounding spaces are dropped, inner
 * runs of spaces count as one, and case is ignored. The text as entered is what is stored and shown.
 */
export function localityKey(locality: string): string {
  return locality.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether two localities name the same place (see `localityKey`). */
export function sameLocality(a: string, b: string): boolean {
  return localityKey(a) === localityKey(b);
}

/** Whether `locality` is one of `localities` (see `localityKey`). */
export function servesLocality(localities: readonly string[], locality: string): boolean {
  const key = localityKey(locality);
  return localities.some((l) => localityKey(l) === key);
}

/**
 * The rise in a Canadian Occupational Performance Measure score (performance or satisfaction, 1 to 10)
 * that counts as clinically meaningful: 2 points or more. A smaller change is within the measure's noise.
 */
export const COPM_MEANINGFUL_CHANGE = 2;

/**
 * The categories of abuse and neglect in the Care and Support Statutory Guidance under the Care Act
 * 2014 (section 14.17), as the Safeguarding Adults Collection counts them.
 */
export const SAFEGUARDING_CATEGORIES = [
  'physical',
  'domestic',
  'sexual',
  'psychological',
  'financial-or-material',
  'modern-slavery',
  'discriminatory',
  'organisational',
  'neglect-and-acts-of-omission',
  'self-neglect',
] as const;
export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number];

/**
 * How a safeguarding concern closes, after the risk outcomes of the Safeguarding Adults Collection:
 * the risk removed, reduced or remaining after action; no risk found; the assessment inconclusive;
 * the enquiry ceased at the adult's own request; or no enquiry made (the council decided the concern
 * needed none).
 */
export const SAFEGUARDING_CLOSING_OUTCOMES = [
  'risk-removed',
  'risk-reduced',
  'risk-remains',
  'no-risk-identified',
  'inconclusive',
  'ceased-at-adults-request',
  'no-enquiry',
] as const;
export const SAFEGUARDING_OUTCOMES = ['open', ...SAFEGUARDING_CLOSING_OUTCOMES] as const;
export type SafeguardingOutcome = (typeof SAFEGUARDING_OUTCOMES)[number];
