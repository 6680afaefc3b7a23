/**
 * What the hub said of this co-op's returns, as the node keeps and shows it. The hub reviews its
 * current return for the co-op; messages can arrive late or out of order, so the node decides which
 * review still speaks of the return that counts.
 */

export type ReviewDecision = 'approved' | 'sent-back';
export type ShownReviewState = 'pending' | ReviewDecision;

export interface ReviewFacts {
  /** The return the review is about (the message this node sent). */
  readonly messageId: string;
  /** When this node sent that return. */
  readonly messageSentAt: Date;
  /** When the hub made the review (its signed occurredAt). */
  readonly at: Date;
}

/**
 * A review is stale, and ignored, when it speaks of an older return than the one that counts:
 * - the hub has accepted a return this node sent later (which replaced the reviewed one there), or
 * - the node already holds a review of a return sent later, or
 * - the node already holds a later review of the same return (an approval overtaken by a send-back).
 * A later return the hub has not accepted (still on its way, or refused because the reviewed one was
 * approved) does not make a review stale: the reviewed return is still the one the hub holds.
 */
export function isStaleReview(review: ReviewFacts, recorded: ReviewFacts | null, laterReturnAccepted: boolean): boolean {
  if (laterReturnAccepted) return true;
  if (!recorded) return false;
  if (recorded.messageId === review.messageId) return review.at.getTime() < recorded.at.getTime();
  return review.messageSentAt.getTime() < recorded.messageSentAt.getTime();
}

/**
 * The state shown for a request: of the latest return the hub has not refused. Pending when that
 * return has not been reviewed yet (a resubmission after a send-back is pending again); null when the
 * co-op has sent nothing the hub could hold.
 */
export function shownReviewState(
  latestLiveMessageId: string | null,
  recorded: { messageId: string; state: ReviewDecision } | null,
): ShownReviewState | null {
  if (!latestLiveMessageId) return null;
  if (recorded?.messageId === latestLiveMessageId) return recorded.state;
  return 'pending';
}
