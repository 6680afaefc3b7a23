/**
 * The joint-purchasing part of the demo: consortium staff put three items in the catalogue and open a
 * round; each co-op's admin commits quantities on their own node; staff close the round and place the
 * order; each co-op's share of the cost and its saving against buying alone are printed, as the hub
 * computed them and as each node recorded them.
 */

import { StoryContext } from './story';

export type PurchasingStoryContext = StoryContext;

interface RoundView {
  id: string;
  state: string;
  closedAt: string | null;
  items: {
    itemId: string;
    name: string;
    totalQuantity: number;
    tierMinQuantity: number | null;
    unitPricePence: number;
    orderTotalPence: number;
  }[];
  coops: { coopId: string; allocatedPence: number; soloPence: number; savingPence: number; localSpendPence: number }[];
  orderTotalPence: number;
  soloTotalPence: number;
  savingPence: number;
  localSpendPence: number;
}

interface CatalogueItemJson {
  id: string;
  name: string;
  supplier: string;
  unit: string;
  soloUnitPricePence: number;
  priceBreaks: { minQuantity: number; unitPricePence: number }[];
  localTo: string[];
}

/** A node's view of the round: its state, its commitments with the hub's answer, and its share once ordered. */
interface NodeRoundJson {
  state: string;
  items: { commitments: { messageId: string; status: string }[] }[];
  allocation: { allocatedPence: number } | null;
}

const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** What each co-op commits, by item: small co-ops, none of which reaches a price break alone. */
const WANTS: Record<string, number>[] = [
  { gloves: 14, dbs: 3, course: 2 },
  { gloves: 9, dbs: 5, course: 1 },
  { gloves: 12, dbs: 2, course: 4 },
];

export async function purchasingStory(ctx: PurchasingStoryContext): Promise<void> {
  const { hub, nodes, say, step, poll } = ctx;
  // The demo co-ops' home localities: Marsden (Colne Valley) and Holmfirth (Holme Valley).
  step('Joint purchasing: consortium staff put three items in the catalogue (POST /purchasing/catalogue)');
  const catalogue = {
    gloves: await hub.post<CatalogueItemJson>('/purchasing/catalogue', {
      name: 'Nitrile gloves, medium',
      supplier: 'Colne Valley Medical Supplies',
      unit: 'box of 100',
      soloUnitPricePence: 650,
      orderChargePence: 995,
      priceBreaks: [
        { minQuantity: 20, unitPricePence: 575 },
        { minQuantity: 35, unitPricePence: 529 },
      ],
      localTo: ['Marsden', 'Slaithwaite'],
    }),
    dbs: await hub.post<CatalogueItemJson>('/purchasing/catalogue', {
      name: 'Enhanced DBS check',
      supplier: 'Umbrella Checks Ltd',
      unit: 'one check',
      soloUnitPricePence: 1_800,
      priceBreaks: [{ minQuantity: 10, unitPricePence: 1_550 }],
    }),
    course: await hub.post<CatalogueItemJson>('/purchasing/catalogue', {
      name: 'Moving and handling course',
      supplier: 'Holme Valley Care Training',
      unit: 'a place',
      soloUnitPricePence: 9_500,
      priceBreaks: [{ minQuantity: 6, unitPricePence: 7_900 }],
      localTo: ['Holmfirth', 'Honley'],
    }),
  };
  for (const item of Object.values(catalogue)) {
    const breaks = item.priceBreaks.map((b) => `${pounds(b.unitPricePence)} from ${b.minQuantity}`).join(', ');
    say(
      `  ${item.name} (${item.unit}) from ${item.supplier}: ${pounds(item.soloUnitPricePence)} alone; ${breaks}${item.localTo.length ? `; local to ${item.localTo.join(', ')}` : ''}`,
    );
  }

  step('Staff draft a round and open it: every co-op is invited through the durable path');
  const draft = await hub.post<{ id: string }>('/purchasing/rounds', {
    title: 'Spring supplies',
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    itemIds: Object.values(catalogue).map((i) => i.id),
  });
  const opened = await hub.post<{ closesAt: string; invited: { name: string }[] }>(`/purchasing/rounds/${draft.id}/open`, {});
  say(`  round "${draft.id.slice(0, 8)}…" open until ${opened.closesAt}; invited: ${opened.invited.map((c) => c.name).join(', ')}`);

  step("Each co-op's admin commits quantities on their own node (POST /purchasing/rounds/:id/commitments)");
  const sent: { node: (typeof nodes)[number]; messageId: string }[] = [];
  for (const [n, node] of nodes.entries()) {
    await poll(
      `${node.name} to receive the round`,
      () => node.api.get<NodeRoundJson>(`/purchasing/rounds/${draft.id}`),
      (r) => r?.state === 'open',
      30_000,
    );
    const wants = WANTS[n % WANTS.length];
    for (const [key, quantity] of Object.entries(wants)) {
      const c = await node.api.post<{ messageId: string }>(`/purchasing/rounds/${draft.id}/commitments`, {
        itemId: catalogue[key as keyof typeof catalogue].id,
        quantity,
      });
      sent.push({ node, messageId: c.messageId });
    }
    say(
      `  ${node.name.padEnd(32)} ${Object.entries(wants)
        .map(([k, q]) => `${q} × ${catalogue[k as keyof typeof catalogue].unit}`)
        .join(', ')}`,
    );
  }
  for (const { node, messageId } of sent) {
    await poll(
      'the hub to count the commitment',
      () => node.api.get<NodeRoundJson>(`/purchasing/rounds/${draft.id}`),
      (r) => r?.items?.some((i) => i.commitments.some((c) => c.messageId === messageId && c.status === 'confirmed')),
      30_000,
    );
  }

  step('Staff close the round (it would close by itself at its closing time) and place the order');
  await hub.post(`/purchasing/rounds/${draft.id}/close`, {});
  const round: RoundView = await hub.post(`/purchasing/rounds/${draft.id}/order`, {});
  for (const item of round.items) {
    const tier = item.tierMinQuantity
      ? `the ${item.tierMinQuantity}+ break at ${pounds(item.unitPricePence)}`
      : `the solo price ${pounds(item.unitPricePence)}`;
    say(`  ${item.name.padEnd(28)} ${String(item.totalQuantity).padStart(3)} together → ${tier}; order ${pounds(item.orderTotalPence)}`);
  }

  step('Each co-op pays its share, to the penny (largest remainder; the shares add up to the order total exactly)');
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  for (const c of round.coops) {
    const node = nodes.find((n) => n.id === c.coopId);
    const recorded = node
      ? await poll(
          `${node.name} to record its allocation`,
          () => node.api.get<NodeRoundJson>(`/purchasing/rounds/${draft.id}`),
          (r) => r?.allocation !== null && r?.allocation !== undefined,
          30_000,
        )
      : null;
    const check = recorded && recorded.allocation!.allocatedPence === c.allocatedPence ? ' (recorded on its node)' : '';
    say(
      `  ${name(c.coopId).padEnd(32)} pays ${pounds(c.allocatedPence).padStart(10)}, alone ${pounds(c.soloPence).padStart(10)}: saves ${pounds(c.savingPence)}; local spend ${pounds(c.localSpendPence)}${check}`,
    );
  }
  say(
    `  the order: ${pounds(round.orderTotalPence)} together against ${pounds(round.soloTotalPence)} bought separately, a saving of ${pounds(round.savingPence)}; ${pounds(round.localSpendPence)} spent with local suppliers`,
  );
}
