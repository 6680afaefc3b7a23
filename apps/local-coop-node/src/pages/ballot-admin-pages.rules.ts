import { ukDateTime, wordsOf } from '@app/web/page-words';

import type { BallotView } from '../governance';

/** A ballot as the page lists it: its window in UK time, its turnout, and once closed its result in words. */
export function shown(b: BallotView, votedSoFar: number | undefined) {
  const label = (key: string) => b.options.find((o) => o.key === key)?.label ?? key;
  const r = b.result;
  let outcome = '';
  if (r && b.kind === 'election') {
    outcome = r.elected?.length ? `Elected: ${r.elected.map(label).join(', ')}` : 'No one elected';
    if (r.notSeated?.length) outcome += `; not seated: ${r.notSeated.map((v) => v.message).join('; ')}`;
  } else if (r) {
    outcome = `${r.passed ? 'Passed' : 'Not passed'}: ${r.for ?? 0} for, ${r.against ?? 0} against, ${r.abstain ?? 0} abstaining`;
    if (r.adoptedRulebookVersion) outcome += `; rulebook version ${r.adoptedRulebookVersion} adopted`;
  }
  return {
    id: b.id,
    title: b.title,
    kind: b.kind === 'rulebook-change' ? 'Rulebook change' : wordsOf(b.kind),
    opens: ukDateTime(b.opensAt),
    closes: ukDateTime(b.closesAt),
    state: r ? 'closed' : b.state === 'closed' ? 'awaiting-count' : b.state,
    stateText: r ? 'Closed' : b.state === 'closed' ? 'Voting ended, not counted yet' : wordsOf(b.state),
    turnout: r
      ? `${r.turnoutPercent}% (${r.voted} of ${r.eligible})${r.quorumMet ? '' : ', no quorum'}`
      : `${votedSoFar ?? 0} voted so far`,
    outcome,
    closable: !r && b.state === 'closed',
  };
}
