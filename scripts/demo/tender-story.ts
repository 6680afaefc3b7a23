/**
 * The demo's joint-tendering story, told against the running mesh through its HTTP APIs only: a
 * council tender with lots in the demo co-ops' places, one lot split, invitations, each node offering
 * what its own workforce suggests, the bid assembled (exact min-cost max-flow), submitted, awarded,
 * and held through the standstill before the contracts go to the nodes.
 */

import { StoryContext } from './story';

export type TenderStoryContext = StoryContext;

export interface TenderStoryOutcome {
  tenderId: string;
  stage: string;
  allocatedHoursPerWeek: number;
  requiredHoursPerWeek: number;
  contracts: { coopId: string; lotReference: string; hoursPerWeek: number; pricePencePerHour: number }[];
}

/* What the story reads of each answer: a small view of the hub's and the nodes' JSON. */

interface TenderLotJson {
  id: string;
  reference: string;
  title: string;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
}

interface TenderJson {
  lots: TenderLotJson[];
  offers: { status: string }[];
}

interface InvitationOutcomeJson {
  lots: { reference: string; invited: string[] }[];
}

/** A node's view of its invitation: each lot with the offer its workforce suggests, and its spare capacity. */
interface NodeInvitationJson {
  lots: { lotId: string; reference: string; status: string; suggestion: { hoursPerWeek: number; pricePencePerHour: number } | null }[];
  capacity: { contractedHoursPerWeek: number; plannedVisitHoursPerWeek: number; contractHoursPerWeek: number; spareHoursPerWeek: number };
  suggestedTotalHoursPerWeek: number;
}

interface BidLotJson {
  lotId: string;
  reference: string;
  hoursPerWeek: number;
  allocatedHoursPerWeek: number;
  uncoveredHoursPerWeek: number;
}

interface BidJson {
  method: string;
  requiredHoursPerWeek: number;
  allocatedHoursPerWeek: number;
  localHoursPerWeek: number;
  weeklyPricePence: number;
  allocations: { lotId: string; coopName: string; hoursPerWeek: number; local: boolean }[];
  lots: BidLotJson[];
  uncoveredLots: BidLotJson[];
}

interface AwardJson {
  stage: string;
  standstillEndsAt: string | null;
  contracts: {
    coopId: string;
    lotReference: string;
    hoursPerWeek: number;
    pricePencePerHour: number;
    startsOn: string;
    endsOn: string;
  }[];
}

type LotDecision = { lotId: string; outcome: 'lost' | 'whole' } | { lotId: string; outcome: 'partial'; hoursPerWeek: number };

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function tenderStory(ctx: TenderStoryContext): Promise<TenderStoryOutcome> {
  const { hub, nodes, say, step, poll } = ctx;
  const nameOf = (coopId: string) => nodes.find((n) => n.id === coopId)?.name ?? coopId;
  const starts = day(60);
  const ends = day(60 + 2 * 365 - 1);

  step('Joint tendering: consortium staff enter a council tender for home care, in lots (POST /tenders)');
  const lot = (title: string, locality: string, serviceType: string, hoursPerWeek: number, ceilingPencePerHour: number) => ({
    title,
    locality,
    serviceType,
    hoursPerWeek,
    ceilingPencePerHour,
    startsOn: starts,
    endsOn: ends,
  });
  const { id: tenderId } = await hub.post<{ id: string }>('/tenders', {
    title: 'Care and support at home, 2-year framework',
    buyer: 'Kirklees Council with Preston City Council',
    deadline: new Date(Date.now() + 30 * 60_000).toISOString(),
    lots: [
      lot('Home care, Marsden', 'Marsden', 'personal-care', 60, 2450),
      lot('Home care, Holmfirth', 'Holmfirth', 'personal-care', 260, 2450),
      lot('Domestic help, Preston', 'Preston', 'domestic-help', 25, 2300),
      lot('Befriending, Slaithwaite', 'Slaithwaite', 'befriending', 15, 1900),
      lot('Gardening help, Golcar', 'Golcar', 'gardening', 10, 1800),
    ],
  });
  const tender = await hub.get<TenderJson>(`/tenders/${tenderId}`);
  for (const l of tender.lots)
    say(
      `  lot ${l.reference.padEnd(4)} ${l.title.padEnd(26)} ${String(l.hoursPerWeek).padStart(3)} h/week, ceiling ${pounds(l.ceilingPencePerHour)}/h`,
    );

  const big = tender.lots.find((l) => l.reference === '1')!;
  step(
    `Staff break lot 1 (${big.hoursPerWeek} h/week) into two smaller lots that small co-ops can take on (POST /tenders/:id/lots/:lotId/split)`,
  );
  const split = await hub.post<{ lots: { reference: string }[] }>(`/tenders/${tenderId}/lots/${big.id}/split`, {
    parts: [
      { hoursPerWeek: 35, title: 'Home care, Marsden (mornings)' },
      { hoursPerWeek: 25, title: 'Home care, Marsden (evenings)' },
    ],
  });
  say(`  lot 1 is now lots ${split.lots.map((l) => l.reference).join(' and ')} (35 + 25 h/week)`);

  // A co-op from further away is named too, so the bid has to choose between local and not.
  const neighbour = nodes.find((n) => n.id === 'preston') ?? nodes[nodes.length - 1];
  step(
    `Invitations go to every co-op that serves each lot's locality and service, and to ${neighbour.name} as a neighbour, through the durable path (POST /tenders/:id/invitations)`,
  );
  const invitation = await hub.post<InvitationOutcomeJson>(`/tenders/${tenderId}/invitations`, { alsoInvite: [neighbour.id] });
  for (const l of invitation.lots)
    say(`  lot ${l.reference.padEnd(4)} → ${l.invited.length ? l.invited.map(nameOf).join(', ') : 'no co-op serves it'}`);

  step(
    "Each invited co-op's node suggests an offer from its own workforce; the admin sends it (GET /tendering/invitations, POST .../offers)",
  );
  const invitedCoops = new Set<string>(invitation.lots.flatMap((l) => l.invited));
  let sent = 0;
  for (const n of nodes.filter((x) => invitedCoops.has(x.id))) {
    const inv = await poll(
      `${n.id} to receive the invitation`,
      () => n.api.get<NodeInvitationJson>(`/tendering/invitations/${tenderId}`),
      (b) => b?.lots?.length > 0,
      30_000,
    );
    const offers = inv.lots
      .filter((l) => l.status === 'open' && (l.suggestion?.hoursPerWeek ?? 0) > 0)
      // Each admin shaves a little off the ceiling; the neighbour bids keener to win work away from home.
      .map((l) => ({
        lotId: l.lotId,
        hoursPerWeek: l.suggestion!.hoursPerWeek,
        pricePencePerHour: l.suggestion!.pricePencePerHour - (n.id === neighbour.id ? 150 : 50),
      }));
    const c = inv.capacity;
    say(
      `  ${n.name.padEnd(32)} ${c.contractedHoursPerWeek} contracted h/week − ${c.plannedVisitHoursPerWeek} of visits − ${c.contractHoursPerWeek} under contract = ${c.spareHoursPerWeek} spare`,
    );
    if (offers.length === 0) {
      say(`  ${''.padEnd(32)} no spare hours: it offers nothing this time`);
      continue;
    }
    await n.api.post(`/tendering/invitations/${tenderId}/offers`, { offers, totalHoursPerWeek: inv.suggestedTotalHoursPerWeek });
    sent += offers.length;
    const refs = new Map(inv.lots.map((l) => [l.lotId, l.reference]));
    say(
      `  ${''.padEnd(32)} offers ${offers.map((o) => `lot ${refs.get(o.lotId)}: ${o.hoursPerWeek} h at ${pounds(o.pricePencePerHour)}`).join('; ')} (at most ${inv.suggestedTotalHoursPerWeek} h in all)`,
    );
  }
  await poll(
    'every offer on the hub',
    () => hub.get<TenderJson>(`/tenders/${tenderId}`),
    (t) => t.offers.filter((o) => o.status === 'current').length === sent,
    60_000,
  );
  say(`  the hub holds ${sent} offers, each checked against the lot's ceiling, the deadline and the node's signed time`);

  step("Staff close offers and assemble the consortium's bid (POST /tenders/:id/assembly): exact min-cost max-flow");
  const bid = await hub.post<BidJson>(`/tenders/${tenderId}/assembly`, {});
  say(`  method: ${bid.method}`);
  for (const l of bid.lots) {
    const who = bid.allocations
      .filter((a) => a.lotId === l.lotId)
      .map((a) => `${a.coopName} ${a.hoursPerWeek} h${a.local ? '' : ' (not local)'}`);
    say(
      `  lot ${l.reference.padEnd(4)} ${String(l.allocatedHoursPerWeek).padStart(3)} of ${String(l.hoursPerWeek).padStart(3)} h/week${who.length ? ': ' + who.join(', ') : ''}`,
    );
  }
  say(
    `  covered ${bid.allocatedHoursPerWeek} of ${bid.requiredHoursPerWeek} h/week (${bid.localHoursPerWeek} by local co-ops), ${pounds(bid.weeklyPricePence)} a week; no co-op given more than it offered`,
  );
  if (bid.uncoveredLots.length)
    say(`  not fully covered: ${bid.uncoveredLots.map((l) => `lot ${l.reference} (${l.uncoveredHoursPerWeek} h short)`).join(', ')}`);

  if (bid.allocatedHoursPerWeek === 0) {
    step('No co-op had spare hours, so there is no bid to submit: staff cancel the tender (POST /tenders/:id/cancellation)');
    await hub.post(`/tenders/${tenderId}/cancellation`, { reason: 'The consortium has no spare capacity for this tender' });
    return { tenderId, stage: 'cancelled', allocatedHoursPerWeek: 0, requiredHoursPerWeek: bid.requiredHoursPerWeek, contracts: [] };
  }

  step('Staff submit the bid; the council awards lot by lot: whole, partial or lost (POST /tenders/:id/submission, /award)');
  await hub.post(`/tenders/${tenderId}/submission`, {});
  // The council's decision, for the story: the first lot bid on in part, any lot with no hours lost, the rest whole.
  let partialGiven = false;
  const decisions = bid.lots.map((l): LotDecision => {
    if (l.allocatedHoursPerWeek === 0) return { lotId: l.lotId, outcome: 'lost' };
    if (!partialGiven && l.allocatedHoursPerWeek >= 10) {
      partialGiven = true;
      return { lotId: l.lotId, outcome: 'partial', hoursPerWeek: l.allocatedHoursPerWeek - 5 };
    }
    return { lotId: l.lotId, outcome: 'whole' };
  });
  const award = await hub.post<AwardJson>(`/tenders/${tenderId}/award`, { lots: decisions });
  const refOf = new Map(bid.lots.map((l) => [l.lotId, l.reference]));
  for (const d of decisions)
    say(`  lot ${String(refOf.get(d.lotId)).padEnd(4)} ${d.outcome}${d.outcome === 'partial' ? ` (${d.hoursPerWeek} h/week)` : ''}`);
  const standstillEnds = award.standstillEndsAt ? `${award.standstillEndsAt.slice(0, 16).replace('T', ' ')} UTC` : 'its end';
  if (award.stage === 'standstill')
    say(
      `  the tender is in its standstill to ${standstillEnds} (eight working days, Procurement Act 2023); ${award.contracts.length} contracts are held on the hub until then, then go to the co-ops through the durable path:`,
    );
  else say(`  the tender is ${award.stage}; ${award.contracts.length} contracts go to the co-ops through the durable path:`);
  for (const c of award.contracts)
    say(
      `    ${nameOf(c.coopId).padEnd(32)} lot ${c.lotReference.padEnd(4)} ${String(c.hoursPerWeek).padStart(3)} h/week at ${pounds(c.pricePencePerHour)}/h, ${c.startsOn} to ${c.endsOn}`,
    );

  // The demo runs on the real clock: it does not wait out the standstill. The nodes receive the
  // contracts when it ends with no challenge open (GET /tendering/contracts on each node then).
  if (award.stage === 'standstill') {
    say(
      `  the tender's story ends here, in the standstill: a losing bidder may challenge the award until ${standstillEnds}, so no contract is signed yet and no node has one;`,
    );
    say(
      `  the demo does not wait eight working days: if no challenge is open then, the hub sends each co-op its contracts (GET /tendering/contracts on its node)`,
    );
  } else {
    for (const n of nodes) {
      const mine = award.contracts.filter((c) => c.coopId === n.id).length;
      if (mine === 0) continue;
      await poll(
        `${n.id} to record its contracts`,
        () => n.api.get<unknown[]>(`/tendering/contracts?from=${starts}&to=${ends}`),
        (b) => Array.isArray(b) && b.length === mine,
        30_000,
      );
      say(`  ${n.name.padEnd(32)} recorded ${mine} contract${mine === 1 ? '' : 's'}`);
    }
  }
  say(`  OCDS 1.1.5 release packages: GET /tenders/${tenderId}/ocds/tender and /ocds/award`);
  return {
    tenderId,
    stage: award.stage,
    allocatedHoursPerWeek: bid.allocatedHoursPerWeek,
    requiredHoursPerWeek: bid.requiredHoursPerWeek,
    contracts: award.contracts.map((c) => ({
      coopId: c.coopId,
      lotReference: c.lotReference,
      hoursPerWeek: c.hoursPerWeek,
      pricePencePerHour: c.pricePencePerHour,
    })),
  };
}
