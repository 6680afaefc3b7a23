/** What decides whether a member's personal data may be erased yet. */
export interface MemberErasureFacts {
  withdrawnOn: string | null;
  /** The volunteer record linked to the member, if any; leftOn is the first day they no longer volunteer. */
  volunteer: { leftOn: string | null; outstandingClaims: number } | null;
  /** Staff records linked to the member; leftOn is the last day worked. */
  staff: { leftOn: string | null }[];
}

/**
 * Erasure is for someone the co-op no longer needs to know by name: they have left membership (the
 * register of members and shares, and their vote, need their details while they belong), they no
 * longer volunteer or work here, and the co-op owes them nothing. Returns every reason that stands in
 * the way, so the admin can settle them all at once; none means erasure may go ahead.
 */
export function memberErasureRefusals(f: MemberErasureFacts, today: string): string[] {
  const reasons: string[] = [];
  if (f.withdrawnOn === null) {
    reasons.push(
      'they are still a member: the register of members and shares and their vote need their name and contact details (record their withdrawal first)',
    );
  }
  if (f.volunteer && (f.volunteer.leftOn === null || f.volunteer.leftOn > today)) {
    reasons.push('they still volunteer with the co-op (record their departure first)');
  }
  if (f.volunteer && f.volunteer.outstandingClaims > 0) {
    const n = f.volunteer.outstandingClaims;
    reasons.push(`${n} expense claim${n === 1 ? ' is' : 's are'} still to be paid or rejected, and the co-op must be able to pay them`);
  }
  if (f.staff.some((s) => s.leftOn === null || s.leftOn >= today)) {
    reasons.push('they are still employed by the co-op (record their leaving first)');
  }
  return reasons;
}
