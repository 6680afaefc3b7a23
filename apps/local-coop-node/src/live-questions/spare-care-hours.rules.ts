/*
 * Spare care hours in a week, the node's rule (docs/live-questions.md says the same):
 *
 * - The week is Monday 00:00 to the next Monday 00:00 on the co-op's calendar (Europe/London).
 * - Contracted: the weekly contracted hours of everyone on the staff employed on at least one day
 *   of the week (a leave date is the last day worked).
 * - Planned: the planned minutes of every visit starting in the week that is not cancelled
 *   (delivered and missed visits were planned too).
 * - The co-op's total spare hours = contracted - planned. Negative means more is planned than the
 *   contracts cover (zero-hours and bank staff, or overtime, make up the difference).
 * - Per locality: each carer's own spare hours (contracted - planned, for that carer) are shared out
 *   across localities in proportion to the carer's planned minutes there, by the locality of the
 *   people visited. A carer with no visit that week (a manager, say, or someone not yet on the rota)
 *   works nowhere in particular, so their hours stay unallocated: they are in the total, not in any
 *   locality. Localities that are not among the co-op's public localities never leave the node;
 *   whatever was allocated to them also stays in the total only.
 *
 * Only sums cross to the hub: no carer, person or visit.
 */

export interface SpareMinutes {
  /** Contracted minutes of staff employed during the week. */
  contractedMinutes: number;
  /** Planned minutes of the week's visits that are not cancelled. */
  plannedMinutes: number;
  /** Spare minutes allocated to each locality of the people visited (fractional: shares of carers' time). */
  allocated: ReadonlyArray<{ locality: string; spareMinutes: number }>;
}

export interface SpareHours {
  localities: { locality: string; spareHours: number }[];
  totalSpareHours: number;
}

/** Hours to the hundredth, and never the "-0" that JSON would show as 0 but a test would not. */
export function toHours(minutes: number): number {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return hours === 0 ? 0 : hours;
}

/** Every public locality in the profile's order, 0 where nothing was allocated; other localities left out. */
export function spareHoursOf(minutes: SpareMinutes, publicLocalities: readonly string[]): SpareHours {
  const allocated = new Map<string, number>();
  for (const a of minutes.allocated) allocated.set(a.locality, (allocated.get(a.locality) ?? 0) + a.spareMinutes);
  return {
    localities: [...new Set(publicLocalities)].map((locality) => ({ locality, spareHours: toHours(allocated.get(locality) ?? 0) })),
    totalSpareHours: toHours(minutes.contractedMinutes - minutes.plannedMinutes),
  };
}
