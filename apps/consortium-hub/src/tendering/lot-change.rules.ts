import { servesLocality, type ServiceType } from '@app/contracts';

import { TenderStage, tenderTransition } from './tender-stage.rules';

/**
 * Changing a council's lots. Lots may change while the tender is a draft, or while it is inviting
 * and the deadline has not passed; from assembling on, the bid is built on them and they are fixed.
 *
 * A change after invitations went out (an edit of its terms, or a split) withdraws every offer on
 * that lot and re-invites, as Prozorro does: co-ops offered on terms that no longer hold. Each change
 * raises the lot's version, and an offer must name the version it answers.
 *
 * A split replaces one lot by two or more smaller ones with the same locality, service, ceiling and
 * dates, whose hours add up exactly to the original's; the original is kept, marked split, so the
 * history reads as it happened. A split lot cannot change again; its parts can (and can be split).
 */
export interface LotTerms {
  title: string;
  locality: string;
  serviceType: ServiceType;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
  startsOn: string;
  endsOn: string;
}

export interface LotRuleViolation {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict';
  /** For a refusal because of the stage: the stage the tender is in. */
  currentStage?: TenderStage;
}

const violation = (rule: string, kind: 'invalid' | 'conflict', message: string): LotRuleViolation => ({ rule, kind, message });

/** The terms must make sense on their own, whatever the tender's stage. */
export function lotTermsProblem(t: Pick<LotTerms, 'startsOn' | 'endsOn'>): LotRuleViolation | null {
  if (t.endsOn < t.startsOn) return violation('TENDERING.LOT_DATES', 'invalid', `endsOn ${t.endsOn} is before startsOn ${t.startsOn}`);
  return null;
}

/** Whether the tender's lots may change now. Null when they may. */
export function lotChangeRefusal(stage: TenderStage, deadline: Date, now: Date): LotRuleViolation | null {
  const step = tenderTransition(stage, 'change-lots');
  if ('violation' in step)
    return {
      ...violation('TENDERING.LOTS_FIXED', 'conflict', `the lots of a tender that is ${stage} can no longer change`),
      currentStage: stage,
    };
  if (stage === 'inviting' && now >= deadline) {
    return {
      ...violation(
        'TENDERING.LOTS_FIXED',
        'conflict',
        `the tender is ${stage} but offers closed at ${deadline.toISOString()}: the lots can no longer change`,
      ),
      currentStage: stage,
    };
  }
  return null;
}

/**
 * A lot with a deadline of its own is closed for offers once it has passed: its terms are then fixed,
 * like those of a tender past its deadline. Null when it may still change.
 */
export function lotClosedRefusal(lot: { reference: string; deadline: Date | null }, now: Date): LotRuleViolation | null {
  if (!lot.deadline || now < lot.deadline) return null;
  return violation(
    'TENDERING.LOT_CLOSED',
    'conflict',
    `lot ${lot.reference} closed for offers at its deadline ${lot.deadline.toISOString()}: it can no longer change`,
  );
}

/**
 * A lot's own deadline: in the future and at or before the tender's (a lot can close earlier, so the
 * council can decide it first, never later). Null when it is fine, or when there is none.
 */
export function lotDeadlineProblem(reference: string, deadline: Date | null, tenderDeadline: Date, now: Date): LotRuleViolation | null {
  if (!deadline) return null;
  if (deadline <= now) return violation('TENDERING.LOT_DEADLINE', 'invalid', `lot ${reference}: deadline must be in the future`);
  if (deadline > tenderDeadline)
    return violation(
      'TENDERING.LOT_DEADLINE',
      'invalid',
      `lot ${reference}: deadline ${deadline.toISOString()} is after the tender's deadline ${tenderDeadline.toISOString()}`,
    );
  return null;
}

/** When offers on a lot close: its own deadline, or the tender's. */
export function lotDeadline(lot: { deadline: Date | null }, tenderDeadline: Date): Date {
  return lot.deadline && lot.deadline < tenderDeadline ? lot.deadline : tenderDeadline;
}

/** Which terms a patch really changes: an edit that changes nothing withdraws nothing. */
export function changedTerms(current: LotTerms, patch: Partial<LotTerms>): (keyof LotTerms)[] {
  return (Object.keys(patch) as (keyof LotTerms)[]).filter((k) => patch[k] !== undefined && patch[k] !== current[k]);
}

export interface SplitPart {
  hoursPerWeek: number;
  title?: string;
}

export interface SplitLotPart {
  reference: string;
  title: string;
  hoursPerWeek: number;
}

export const MAX_SPLIT_PARTS = 20;

/** A lot is open, or split: replaced by smaller lots. */
export const LOT_STATUSES = ['open', 'split'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** The parts of a split, numbered under the original (lot 2 becomes 2.1, 2.2, ...). */
export function splitLot(
  lot: { reference: string; title: string; hoursPerWeek: number; status: LotStatus },
  parts: readonly SplitPart[],
): SplitLotPart[] | LotRuleViolation {
  if (lot.status === 'split') return violation('TENDERING.LOT_ALREADY_SPLIT', 'conflict', `lot ${lot.reference} was already split`);
  if (parts.length < 2 || parts.length > MAX_SPLIT_PARTS)
    return violation('TENDERING.SPLIT_PARTS', 'invalid', `parts must list 2 to ${MAX_SPLIT_PARTS} smaller lots`);
  const bad = parts.findIndex((p) => !Number.isSafeInteger(p.hoursPerWeek) || p.hoursPerWeek < 1);
  if (bad >= 0)
    return violation('TENDERING.SPLIT_PARTS', 'invalid', `parts.${bad}.hoursPerWeek must be a whole number of hours, at least 1`);
  const total = parts.reduce((s, p) => s + p.hoursPerWeek, 0);
  if (total !== lot.hoursPerWeek) {
    return violation(
      'TENDERING.SPLIT_HOURS',
      'invalid',
      `the parts add up to ${total} hours a week, but lot ${lot.reference} has ${lot.hoursPerWeek}: they must add up exactly`,
    );
  }
  const references = parts.map((_, i) => `${lot.reference}.${i + 1}`);
  if (references.some((r) => r.length > 20))
    return violation('TENDERING.SPLIT_PARTS', 'invalid', `lot ${lot.reference} is split too deep to number its parts`);
  return parts.map((p, i) => ({
    reference: references[i],
    title: p.title ?? `${lot.title} (part ${i + 1} of ${parts.length})`,
    hoursPerWeek: p.hoursPerWeek,
  }));
}

export interface CoopInRegistry {
  id: string;
  status: string;
  localities: readonly string[];
  servicesOffered: readonly string[];
}

/** Co-ops that can be invited at all: registered or trading (not proposed, suspended or gone). */
export const INVITABLE_STATUSES = ['registered', 'trading'];

/** A co-op is local to a lot when the lot's locality is one of its own (compared as `localityKey` says: case and stray spaces aside). */
export function isLocal(coop: Pick<CoopInRegistry, 'localities'>, lot: Pick<LotTerms, 'locality'>): boolean {
  return servesLocality(coop.localities, lot.locality);
}

/**
 * Who is invited to a lot: every invitable co-op that serves its locality and offers its service,
 * and any co-op staff named besides (a neighbour that could stretch) if it offers the service.
 * Named co-ops are not local, so the bid prefers local co-ops' hours to theirs.
 */
export function coopsToInvite(
  lot: Pick<LotTerms, 'locality' | 'serviceType'>,
  coops: readonly CoopInRegistry[],
  named: readonly string[] = [],
): string[] {
  return coops
    .filter(
      (c) =>
        INVITABLE_STATUSES.includes(c.status) && c.servicesOffered.includes(lot.serviceType) && (isLocal(c, lot) || named.includes(c.id)),
    )
    .map((c) => c.id)
    .sort();
}

/** Lot references in reading order: 2 before 10, 2 before 2.1 before 2.2. */
export function compareReferences(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]) ? Number(pa[i]) : NaN;
    const nb = /^\d+$/.test(pb[i]) ? Number(pb[i]) : NaN;
    const byNumber = !Number.isNaN(na) && !Number.isNaN(nb) ? na - nb : 0;
    if (byNumber !== 0) return byNumber;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}
