import { MadeAt, madeAt, MAX_CLOCK_AHEAD_MS } from '@app/federation/made-at.rules';

/**
 * What a co-op may say about itself over NATS. A profile is the co-op's own word on its name, its
 * registration number and its services; but a name or a registration number is how councils and
 * members tell co-ops apart, so neither may be one another co-op already holds; the sponsor is the
 * consortium's record, not the co-op's claim; and a profile's time decides which profile is newest,
 * so a time in the future would freeze the entry. Pure rules: the use case reads the facts and acts.
 */

/** Another co-op's identity as the registry holds it. */
export interface HeldIdentity {
  readonly id: string;
  readonly name: string;
  readonly registrationNumber: string | null;
}

export interface ClaimedIdentity {
  readonly coopId: string;
  readonly name: string;
  readonly registrationNumber?: string | null;
}

export type IdentityClash =
  { readonly rule: 'name-taken'; readonly heldBy: string } | { readonly rule: 'registration-number-taken'; readonly heldBy: string };

// Format characters (zero-width joiners and spaces, the BOM, bidi marks) render as nothing, so a name
// with one inside looks exactly like the name without it.
const INVISIBLE = /[\p{Cf}\p{White_Space}]/gu;
// Every dash and hyphen NFKC leaves distinct (U+2010, U+2013, U+2212…) reads as "-".
const DASHES = /[\p{Pd}\u2212]/gu;

/**
 * The form two names are compared in: NFKC first (full-width letters, ligatures and other
 * compatibility look-alikes become their plain letters), then no spaces or invisible characters,
 * one kind of dash, and case folded. "Holme Valley Care" and "ＨＯＬＭＥ valley\u200bcare" compare equal.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').toUpperCase().toLowerCase();
}

/** Registration numbers are compared upper-case without spaces (and after NFKC): "rs 008123" is RS008123. */
export function registrationNumberKey(number: string): string {
  return number.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
}

/** The first clash of a claimed identity with any other co-op's, or null. The sender's own entry never clashes. */
export function identityClash(claim: ClaimedIdentity, held: readonly HeldIdentity[]): IdentityClash | null {
  const others = held.filter((h) => h.id !== claim.coopId);
  const name = nameKey(claim.name);
  const sameName = others.find((h) => nameKey(h.name) === name);
  if (sameName) return { rule: 'name-taken', heldBy: sameName.id };
  if (claim.registrationNumber) {
    const number = registrationNumberKey(claim.registrationNumber);
    const sameNumber = others.find((h) => h.registrationNumber !== null && registrationNumberKey(h.registrationNumber) === number);
    if (sameNumber) return { rule: 'registration-number-taken', heldBy: sameNumber.id };
  }
  return null;
}

export type SponsorProblem = 'self' | 'unknown' | 'not-yours';

/**
 * A profile may repeat the sponsor the hub holds, or say nothing about it; it may not name itself, a
 * co-op the registry does not have, or any co-op other than the one the hub recorded (at provisioning,
 * later by onboarding): a co-op cannot choose its own lineage.
 */
export function sponsorClaimProblem(
  coopId: string,
  claimed: string | undefined,
  recorded: string | null,
  claimedExists: boolean,
): SponsorProblem | null {
  if (claimed === undefined) return null;
  if (claimed === coopId) return 'self';
  if (claimed === recorded) return null;
  if (!claimedExists) return 'unknown';
  return 'not-yours';
}

/**
 * Where staff record a sponsor: it must exist, must not be the co-op itself, and must not make the
 * lineage a loop (the proposed sponsor, or one of its own sponsors, being sponsored by this co-op).
 * `sponsorOf` gives each co-op's recorded sponsor.
 */
export function sponsorRecordProblem(
  coopId: string,
  sponsor: string,
  sponsorOf: ReadonlyMap<string, string | null>,
): SponsorProblem | 'loop' | null {
  if (sponsor === coopId) return 'self';
  if (!sponsorOf.has(sponsor)) return 'unknown';
  const seen = new Set<string>();
  for (let at: string | null | undefined = sponsor; at && !seen.has(at); at = sponsorOf.get(at)) {
    if (at === coopId) return 'loop';
    seen.add(at);
  }
  return null;
}

/**
 * Which time a profile counts as made at, for ordering profiles: its own `occurredAt`, refused when
 * more than the allowed skew ahead of the hub's clock (a profile dated 2999 would otherwise outrank
 * every genuine change for ever), taken as its arrival when slightly ahead.
 */
export function profileMadeAt(occurredAt: string, receivedAt: Date, maxAheadMs: number = MAX_CLOCK_AHEAD_MS): MadeAt {
  return madeAt(occurredAt, receivedAt, maxAheadMs);
}
