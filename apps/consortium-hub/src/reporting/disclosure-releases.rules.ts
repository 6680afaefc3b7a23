import { someCoalitionSeesSmallChange } from './disclosure-coalitions.rules';
import { allLines, At, entriesOf, hide, isHidden, ReleaseView, smallestShown, SuppressionReason, Work } from './disclosure-grid.rules';

/*
 * Differences between releases. Someone who kept an earlier release of the same figures knows, in
 * each line, every figure it showed and -- when it showed the line's total -- the sum of the ones it
 * hid; this release tells them the same of its own figures. So they know, now and then, the sum of
 * any group of a line's figures that both releases let them add up: the smallest such groups are
 * the pieces left when the line is cut along both releases' shown figures and hidden groups. The
 * change of such a group between the releases is the part of the co-ops who joined, left or
 * corrected their return since, and it must not be a small count, for them alone or for any of them
 * pooling with up to the coalition's size of co-ops (who take their own change away).
 *
 * Only those smallest groups are checked. A larger group both releases let a reader add up is a union
 * of them, and its change is the sum of theirs, each of which the reader already knows: it tells
 * them nothing new. Where the changes all go one way (co-ops joining), a sum of counts each 0 or
 * above the threshold is one too; where they do not (a return corrected down, a co-op gone), it is
 * a difference between counts, not a count of people.
 *
 * A group of shown figures that changed by a small count has one of them hidden now (it joins this
 * line's hidden group, so the group no longer matches the earlier release); a group holding this
 * release's hidden figures gets one more figure from outside it hidden, the smallest, for the same
 * reason; a line with nothing left to hide has its total hidden.
 */

const DIFFERS_FROM = (name: string): SuppressionReason => `secondary: differs by a small count from what ${name} showed`;

/** Hides one more figure where some group's change since an earlier release is a small count; false when none is. */
export function protectReleaseDifferences(work: Work): boolean {
  for (const release of work.releases) {
    for (const line of allLines(work)) {
      const entries = entriesOf(work, line);
      for (const group of smallChanges(work, release, entries))
        if (hideAcross(work, entries, group, DIFFERS_FROM(release.name))) return true;
    }
  }
  return false;
}

/** The smallest groups of the line both releases let a reader add up whose change is a small count to someone. */
function smallChanges(work: Work, release: ReleaseView, entries: readonly At[]): At[][] {
  return knownInBoth(work, release, entries).filter((group) =>
    someCoalitionSeesSmallChange([...changeByCoop(work, release, group).values()], work.coalition, work.threshold),
  );
}

/**
 * The line's cells cut into the smallest groups both releases let a reader add up. Cells shown in a
 * release are known one by one; its hidden cells together, only when it showed the total. A group
 * touching a hidden cell of a release that hid the total is known in neither, so it is left out.
 */
function knownInBoth(work: Work, release: ReleaseView, entries: readonly At[]): At[][] {
  const cells = entries.slice(0, -1);
  const total = entries[entries.length - 1];
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (members: number[]) => members.forEach((m) => (parent[find(m)] = find(members[0])));
  const hiddenNow = cells.map((at) => isHidden(work, at));
  const hiddenThen = cells.map((at) => release.hiddenThen[at.row][at.column]);
  const totalNow = !isHidden(work, total);
  const totalThen = !release.hiddenThen[total.row][total.column];
  const unknown = cells.map((_, i) => (hiddenNow[i] && !totalNow) || (hiddenThen[i] && !totalThen));
  join(cells.map((_, i) => i).filter((i) => hiddenNow[i]));
  join(cells.map((_, i) => i).filter((i) => hiddenThen[i]));
  const groups = new Map<number, number[]>();
  cells.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((members) => !members.some((i) => unknown[i])).map((members) => members.map((i) => cells[i]));
}

/** Each co-op's change of the group's sum since the release (now less then), where it is not 0. */
function changeByCoop(work: Work, release: ReleaseView, group: readonly At[]): Map<number, number> {
  const change = new Map<number, number>();
  for (const at of group) {
    for (const c of work.contributors[at.row][at.column]) change.set(c.coop, (change.get(c.coop) ?? 0) + c.part);
    for (const c of release.then[at.row][at.column]) change.set(c.coop, (change.get(c.coop) ?? 0) - c.part);
  }
  for (const [coop, d] of change) if (d === 0) change.delete(coop);
  return change;
}

/**
 * A group holding none of this release's hidden figures loses one of its own shown figures to the
 * hidden group; one holding some gains one from outside. Either way the group stops matching the
 * earlier release's. With nothing left to hide on that side, the line's total goes.
 */
function hideAcross(work: Work, entries: readonly At[], group: readonly At[], reason: SuppressionReason): boolean {
  const cells = entries.slice(0, -1);
  const inGroup = (at: At) => group.some((g) => g.row === at.row && g.column === at.column);
  const holdsHidden = group.some((at) => isHidden(work, at));
  const next = smallestShown(work, holdsHidden ? cells.filter((at) => !inGroup(at)) : group);
  if (next) return hide(work, next, reason);
  return hide(work, entries[entries.length - 1], reason);
}
