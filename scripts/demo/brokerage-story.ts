/**
 * The demo's hospital-discharge brokerage story, told through the HTTP APIs only: a commissioner posts
 * a home-care package for a place two co-ops serve; it reaches both nodes at once; one co-op offers and
 * the other declines on their own nodes; the commissioner watches the answers come in, accepts the
 * offer; the winner's node records the placement and the other is told the package is gone.
 */

import { Api, StoryContext, ukDayOf } from './story';

export interface BrokerageStoryContext extends StoryContext {
  /** The hub, signed in as a council commissioner: the one who posts and accepts. */
  commissioner: Api;
}

export interface BrokerageStoryOutcome {
  requestId: string;
  asked: string[];
  placedWith: string;
  toldGone: string[];
}

/* What the story reads of each answer: a small view of the hub's and the nodes' JSON. */

interface CoopJson {
  id: string;
  connectivity: string;
  localities: string[];
  servicesOffered: string[];
}

interface PostedJson {
  id: string;
  postedAt: string;
  asked: string[];
  offline: { coopId: string }[];
}

interface AnswerJson {
  answerId: string;
  coopId: string;
  coopName: string;
  coversAll: boolean;
  secondsToAnswer: number;
  canStartOn: string | null;
  declineReason: string | null;
}

interface RequestJson {
  status: string;
  offers: AnswerJson[];
  declines: AnswerJson[];
  notAnswered: { coopId: string; coopName: string; connectivity: string }[];
}

interface NodeRequestJson {
  requestId: string;
  status: string;
  goneReason: string | null;
  visitPattern: { timesOfDay: string[]; daysPerWeek: number };
  answerSent: { hubAnswer: string } | null;
}

type Figure = number | { suppressed: true };

interface FiguresJson {
  threshold: number;
  suppressedFigures: number;
  total: {
    posted: Figure;
    placed: Figure;
    notPlaced: Figure;
    open: Figure;
    toFirstOffer: { medianSeconds: number | null };
    toAcceptance: { medianSeconds: number | null };
  };
}

/** Across the hill from Marsden: Holme Valley added it while offline, earlier in the demo. */
const LOCALITY = 'Meltham';
const SERVICE = 'personal-care';

const day = (offsetDays: number) => ukDayOf(new Date(Date.now() + offsetDays * 86_400_000));
const seconds = (s: number) => (s < 1 ? 'under a second' : `${s} s`);
const shown = (f: Figure) => (typeof f === 'number' ? String(f) : 'suppressed');
const serves = (c: CoopJson) => c.connectivity === 'online' && c.localities.includes(LOCALITY) && c.servicesOffered.includes(SERVICE);

export async function brokerageStory(ctx: BrokerageStoryContext): Promise<BrokerageStoryOutcome> {
  const { hub, commissioner, nodes, say, step, poll } = ctx;
  const nameOf = (coopId: string) => nodes.find((n) => n.id === coopId)?.name ?? coopId;
  const nodeOf = (coopId: string) => {
    const node = nodes.find((n) => n.id === coopId);
    if (!node) throw new Error(`the hub asked ${coopId}, which the demo does not run`);
    return node;
  };

  // Two co-ops must serve the place for the story to have a choice: Colne Valley's carers reach Meltham too.
  const registry = await hub.get<{ items: CoopJson[] }>('/coops');
  if (registry.items.filter(serves).length < 2) {
    const colne = nodes.find((n) => n.id === 'colne-valley') ?? nodes[0];
    step(`Hospital-discharge brokerage: first, ${colne.name} starts covering ${LOCALITY} too (PATCH /profile on its node)`);
    const profile = await colne.api.get<{ localities: string[] }>('/profile');
    await colne.api.patch('/profile', { localities: [...profile.localities, LOCALITY] });
    const now = await poll(
      `the hub's registry to show two co-ops serving ${LOCALITY}`,
      () => hub.get<{ items: CoopJson[] }>('/coops'),
      (r) => r?.items?.filter(serves).length >= 2,
      30_000,
    );
    say(`  the registry now has ${now.items.filter(serves).length} online co-ops giving ${SERVICE} in ${LOCALITY}`);
  }

  const startsOn = day(2);
  step(
    `Hospital-discharge brokerage: a council commissioner posts a home-care package for someone leaving hospital in ${LOCALITY} (POST /brokerage/requests)`,
  );
  const councilReference = `KC-DEMO-${String(Date.now() % 100_000).padStart(5, '0')}`;
  const posted = await commissioner.post<PostedJson>('/brokerage/requests', {
    councilReference,
    locality: LOCALITY,
    serviceTypes: [SERVICE],
    hoursPerWeek: 14,
    visitPattern: { visitsPerDay: 4, daysPerWeek: 7, timesOfDay: ['morning', 'lunchtime', 'teatime', 'evening'], carersPerVisit: 1 },
    startsOn,
    fundingType: 'council-commissioned',
    answerBy: new Date(Date.now() + 2 * 3_600_000).toISOString(),
  });
  const postedAt = Date.now();
  say(`  14 h a week of ${SERVICE}, four visits a day, from ${startsOn}; the council's case reference ${councilReference}, and no name`);
  say(
    `  asked: ${posted.asked.map(nameOf).join(', ')} (online, serving ${LOCALITY} with ${SERVICE})${
      posted.offline.length ? `; offline, not asked: ${posted.offline.map((o) => nameOf(o.coopId)).join(', ')}` : ''
    }`,
  );
  if (posted.asked.length < 2) throw new Error(`the request reached ${posted.asked.length} co-op(s); the story needs two`);

  for (const coopId of posted.asked) {
    const node = nodeOf(coopId);
    await poll(
      `${node.name} to receive the package request`,
      () => node.api.get<NodeRequestJson[]>('/brokerage/requests?status=open'),
      (list) => Array.isArray(list) && list.some((r) => r.requestId === posted.id),
      30_000,
    );
    say(`  on ${node.name}'s node ${Date.now() - postedAt} ms after posting (GET /brokerage/requests, the durable path)`);
  }

  const [offering, declining] = posted.asked.map(nodeOf);
  // The request as the commissioner sees it, once the answer awaited has arrived on the hub.
  const commissionerSees = (what: string, accept: (r: RequestJson) => boolean) =>
    poll(
      `${what} to reach the commissioner`,
      () => commissioner.get<RequestJson>(`/brokerage/requests/${posted.id}`),
      (r) => Array.isArray(r?.offers) && accept(r),
      30_000,
    );
  step(`${offering.name}'s admin offers on their own node; ${declining.name}'s declines (POST /brokerage/requests/:id/answer)`);
  const terms = await offering.api.get<NodeRequestJson>(`/brokerage/requests/${posted.id}`);
  await offering.api.post(`/brokerage/requests/${posted.id}/answer`, {
    answer: 'offer',
    canStartOn: startsOn,
    timesOfDayCovered: terms.visitPattern.timesOfDay,
    daysPerWeekCovered: terms.visitPattern.daysPerWeek,
    note: 'Two regular carers for the morning and evening visits',
  });
  say(`  ${offering.name.padEnd(32)} offers to start on ${startsOn}, every visit`);
  const firstLook = await commissionerSees('the offer', (r) => r.offers.length === 1);
  say(
    `  the commissioner sees it (GET /brokerage/requests/:id): ${firstLook.offers[0].coopName}, ${seconds(firstLook.offers[0].secondsToAnswer)} after posting, ${
      firstLook.offers[0].coversAll ? 'covers every visit' : 'covers some visits'
    }; not answered yet: ${firstLook.notAnswered.map((n) => `${n.coopName} (${n.connectivity})`).join(', ') || 'nobody'}`,
  );

  await declining.api.post(`/brokerage/requests/${posted.id}/answer`, { answer: 'decline', declineReason: 'no-capacity' });
  say(`  ${declining.name.padEnd(32)} declines: no capacity`);
  const view = await commissionerSees('the decline', (r) => r.declines.length === 1);
  say(
    `  the commissioner now sees ${view.offers.length} offer, ${view.declines.length} decline (${view.declines[0].coopName}: ${view.declines[0].declineReason}), ${view.notAnswered.length} not answered`,
  );

  step('The commissioner accepts the offer (POST /brokerage/requests/:id/acceptance): one transaction, under a lock on the request');
  const ended = await commissioner.post<{ status: string; acceptedCoopId: string; toldGone: string[] }>(
    `/brokerage/requests/${posted.id}/acceptance`,
    { answerId: view.offers[0].answerId },
  );
  say(
    `  ${ended.status} with ${nameOf(ended.acceptedCoopId)}, ${((Date.now() - postedAt) / 1000).toFixed(1)} s after posting; told it is gone: ${ended.toldGone.map(nameOf).join(', ') || 'nobody'}`,
  );
  const placements = await poll(
    `${offering.name} to record the placement`,
    () => offering.api.get<{ requestId: string; councilReference: string; canStartOn: string }[]>('/brokerage/placements'),
    (list) => Array.isArray(list) && list.some((p) => p.requestId === posted.id),
    30_000,
  );
  const placement = placements.find((p) => p.requestId === posted.id)!;
  say(
    `  ${offering.name}'s node has the placement (GET /brokerage/placements): reference ${placement.councilReference}, starting ${placement.canStartOn}; the council gives the person's details against it, outside the mesh`,
  );
  step(`${offering.name}'s admin starts the person's care from the placement (POST /brokerage/placements/:id/care, on the node only)`);
  const started = await offering.api.post<{ care: { serviceUserId: string; startedOn: string } }>(
    `/brokerage/placements/${posted.id}/care`,
    { fullName: 'Edith Marsh', dateOfBirth: '1938-02-11', address: '4 Mill Lane, Marsden' },
  );
  const person = await offering.api.get<{ locality: string; fundingType: string }>(`/service-users/${started.care.serviceUserId}`);
  say(
    `  a person supported from ${started.care.startedOn}, in ${person.locality}, ${person.fundingType}: the placement's terms; their name and address stay on ${offering.name}'s node`,
  );
  for (const coopId of ended.toldGone) {
    const node = nodeOf(coopId);
    const gone = await poll(
      `${node.name} to hear the package is gone`,
      () => node.api.get<NodeRequestJson>(`/brokerage/requests/${posted.id}`),
      (r) => r?.status === 'gone',
      30_000,
    );
    say(`  ${node.name}'s node shows the request as gone (${gone.goneReason})`);
  }

  // The day the hub posted it (the UK's, as the figures count days), so a demo run across midnight still finds it.
  const postedOn = ukDayOf(new Date(posted.postedAt));
  const figures = await commissioner.get<FiguresJson>(`/brokerage/figures?from=${postedOn}&to=${postedOn}`);
  const t = figures.total;
  const secs = (s: number | null) => (s === null ? 'hidden beside a small count' : `${s} s`);
  step(`The brokerage figures for ${postedOn} (GET /brokerage/figures), with the reports' disclosure control`);
  say(
    `  posted ${shown(t.posted)}, placed ${shown(t.placed)}, not placed ${shown(t.notPlaced)}, open ${shown(t.open)}; median to the first offer ${secs(t.toFirstOffer.medianSeconds)}, to acceptance ${secs(t.toAcceptance.medianSeconds)}`,
  );
  say(
    `  (each package is a person: counts from 1 to ${figures.threshold} are suppressed, ${figures.suppressedFigures} figures in all, and times are shown only beside a larger count)`,
  );
  return { requestId: posted.id, asked: posted.asked, placedWith: ended.acceptedCoopId, toldGone: ended.toldGone };
}
