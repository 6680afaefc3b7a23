import { DataSource } from 'typeorm';

import { PURCHASING_COMMITMENT_MADE_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { LinkProxy } from '../../scripts/demo/link-proxy';
import { aCatalogueItem } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukQuarter } from '../support/uk-day';
import { waitFor as waitUntil } from '../support/wait-for';

/**
 * Joint purchasing end to end, with real nodes over NATS: the hub's catalogue and rounds, each node
 * committing through its outbox, the close (by hand and at the closing time), the allocation to the
 * penny, and a node offline during the round whose commitment counts if it was made before the close
 * and arrives before the order, and is refused with the reason if it arrives after.
 */
/** Each step crosses NATS and both inboxes; on a busy machine that can take seconds. */
const waitFor: typeof waitUntil = (what, probe, accept, options) => waitUntil(what, probe, accept, { timeoutMs: 45_000, ...options });
jest.setTimeout(180_000);

describe('joint purchasing', () => {
  const mesh = new TestMesh();
  // honley's link to NATS runs through a relay the test can cut, as a co-op's broadband drops.
  const [MARSDEN, MELTHAM, HONLEY] = ['marsden', 'meltham', 'honley'];
  const COOPS = [MARSDEN, MELTHAM, HONLEY];
  const LOCALITIES: Record<string, string> = { [MARSDEN]: 'Marsden,Slaithwaite', [MELTHAM]: 'Meltham', [HONLEY]: 'Honley,Holmfirth' };
  let proxy: LinkProxy;
  const items: Record<'gloves' | 'dbs' | 'course', string> = { gloves: '', dbs: '', course: '' };

  const staff = mesh.hub().as('consortium-staff');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const hubGet = (path: string) => staff.get(path);
  const hubPost = (path: string, body: object = {}) => staff.post(path).send(body);
  const nodeRound = async (coop: string, id: string) => (await admin(coop).get(`/purchasing/rounds/${id}`)).body;
  const commit = (coop: string, roundId: string, itemId: string, quantity: number) =>
    admin(coop).post(`/purchasing/rounds/${roundId}/commitments`).send({ itemId, quantity });
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const sentRow = (coop: string, id: string) =>
    mesh.nodeQuery<{ status: string; last_error: string | null }>(coop, 'SELECT status, last_error FROM outbox_message WHERE id = $1', [
      id,
    ]);
  const confirmed = (coop: string, id: string) =>
    waitFor(
      `${coop}'s message ${id} confirmed`,
      () => sentRow(coop, id),
      (r) => r[0]?.status === 'confirmed',
    );

  /** Drafts and opens a round of the given items, and waits until every co-op holds it. */
  const openRound = async (title: string, itemIds: string[], closesAt = inAnHour()) => {
    const draft = (await hubPost('/purchasing/rounds', { title, closesAt, itemIds }).expect(201)).body;
    expect(draft.state).toBe('draft');
    const opened = (await hubPost(`/purchasing/rounds/${draft.id}/open`).expect(200)).body;
    expect(opened.state).toBe('open');
    // (A round with a close seconds away may already be closed by the time a node is looked at.)
    for (const coop of COOPS)
      await waitFor(
        `${coop} to hold round ${title}`,
        () => nodeRound(coop, draft.id),
        (r) => r.items?.length === itemIds.length,
      );
    return opened;
  };

  /** Sends a commitment from a node's outbox as the node would, but stamped with any time. */
  const sendStamped = async (coop: string, roundId: string, itemId: string, quantity: number, at: Date) => {
    const node = mesh.nodes.get(coop)!;
    const envelope = await node
      .get(DataSource)
      .transaction((m) =>
        node
          .get(OutboxService)
          .enqueue(m, PURCHASING_COMMITMENT_MADE_V1, { roundId, itemId, quantity, committedAt: at.toISOString() }, { occurredAt: at }),
      );
    node.get(OutboxRelay).nudge();
    return envelope.id;
  };

  const cutHonley = async () => {
    proxy.cut();
    await waitFor(
      'honley to see NATS down',
      async () => (await admin(HONLEY).get('/federation/status')).body.natsConnected,
      (up) => up === false,
    );
  };

  beforeAll(async () => {
    const nats = new URL(mesh.natsUrl);
    proxy = await LinkProxy.start({ host: nats.hostname, port: Number(nats.port || 4222) });
    await mesh.startHub();
    for (const coop of COOPS) {
      await mesh.startNode(coop, {
        COOP_LOCALITIES: LOCALITIES[coop],
        ...(coop === HONLEY ? { NATS_URL: `nats://127.0.0.1:${proxy.port}` } : {}),
      });
    }
    await waitFor(
      'every co-op registered',
      async () => (await hubGet('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 3,
    );

    const create = async (body: object) => (await hubPost('/purchasing/catalogue', body).expect(201)).body.id as string;
    items.gloves = await create({
      name: 'Nitrile gloves, medium',
      supplier: 'Colne Valley Medical Supplies',
      unit: 'box of 100',
      soloUnitPricePence: 650,
      orderChargePence: 995,
      priceBreaks: [
        { minQuantity: 10, unitPricePence: 599 },
        { minQuantity: 31, unitPricePence: 549 },
      ],
      localTo: ['Marsden'],
    });
    items.dbs = await create({ name: 'Enhanced DBS check', supplier: 'Umbrella Checks Ltd', unit: 'one check', soloUnitPricePence: 1_800 });
    items.course = await create({
      name: 'Moving and handling course',
      supplier: 'Pennine Care Training',
      unit: 'a place',
      soloUnitPricePence: 9_500,
      priceBreaks: [{ minQuantity: 5, unitPricePence: 8_000 }],
      localTo: ['Holmfirth'],
    });
  });

  afterAll(async () => {
    await mesh.dispose();
    await proxy?.close();
  });

  it('keeps a catalogue, refusing bad input with 400 naming the field and price breaks that make no sense', async () => {
    const listed = (await hubGet('/purchasing/catalogue').expect(200)).body;
    expect(listed.map((i: { name: string }) => i.name)).toEqual([
      'Enhanced DBS check',
      'Moving and handling course',
      'Nitrile gloves, medium',
    ]);

    const base = aCatalogueItem({ name: 'Aprons' });
    const typed = (await hubPost('/purchasing/catalogue', { ...base, soloUnitPricePence: '400' }).expect(400)).body;
    expect(typed.message.join(' ')).toMatch(/soloUnitPricePence must be an integer/);
    const unknown = (await hubPost('/purchasing/catalogue', { ...base, discount: 5 }).expect(400)).body;
    expect(unknown.message.join(' ')).toMatch(/property discount should not exist/);
    const nested = (await hubPost('/purchasing/catalogue', { ...base, priceBreaks: [{ minQuantity: 1, unitPricePence: 300 }] }).expect(400))
      .body;
    expect(nested.message.join(' ')).toMatch(/priceBreaks\.0\.minQuantity must not be less than 2/);
    const dearer = (
      await hubPost('/purchasing/catalogue', { ...base, priceBreaks: [{ minQuantity: 10, unitPricePence: 450 }] }).expect(400)
    ).body;
    expect(dearer).toMatchObject({
      code: 'PURCHASING.PRICE_BREAKS',
      message: 'priceBreaks[0].unitPricePence (450) must be below soloUnitPricePence (400)',
    });

    const changed = (
      await staff.patch(`/purchasing/catalogue/${items.dbs}`).send({ supplier: 'Umbrella Checks Ltd (Kirklees)' }).expect(200)
    ).body;
    expect(changed).toMatchObject({ supplier: 'Umbrella Checks Ltd (Kirklees)', soloUnitPricePence: 1_800 });
    await staff.patch(`/purchasing/catalogue/${items.dbs}`).send({ soloUnitPricePence: null }).expect(400);
  });

  it('refuses a round with a closing time in the past, unknown items or co-ops', async () => {
    const past = (
      await hubPost('/purchasing/rounds', { title: 'Too late', closesAt: '2020-01-01T12:00:00Z', itemIds: [items.gloves] }).expect(400)
    ).body;
    expect(past.code).toBe('PURCHASING.CLOSES_IN_PAST');
    const noZone = (
      await hubPost('/purchasing/rounds', { title: 'No zone', closesAt: '2030-01-01T12:00:00', itemIds: [items.gloves] }).expect(400)
    ).body;
    expect(noZone.message.join(' ')).toMatch(/closesAt must be a date and time with a zone offset/);
    await hubPost('/purchasing/rounds', {
      title: 'Unknown item',
      closesAt: inAnHour(),
      itemIds: ['0f0e0d0c-0b0a-4998-8776-655443322110'],
    }).expect(404);
    const coop = (
      await hubPost('/purchasing/rounds', {
        title: 'Unknown co-op',
        closesAt: inAnHour(),
        itemIds: [items.gloves],
        coopIds: ['nowhere'],
      }).expect(404)
    ).body;
    expect(coop.code).toBe('PURCHASING.COOP_NOT_FOUND');
  });

  it('takes a round from open to allocation on every node, to the penny', async () => {
    const round = await openRound('Spring supplies', [items.gloves, items.dbs, items.course]);
    expect(round.invited.map((c: { coopId: string }) => c.coopId)).toEqual([HONLEY, MARSDEN, MELTHAM]);
    // A step the state does not allow: 409 with the current state.
    const early = (await hubPost(`/purchasing/rounds/${round.id}/order`).expect(409)).body;
    expect(early).toMatchObject({
      code: 'PURCHASING.TRANSITION_REFUSED',
      message: 'a round that is open cannot be ordered',
      details: { currentState: 'open', allowedActions: ['close', 'cancel'] },
    });
    await hubPost(`/purchasing/rounds/${round.id}/open`).expect(409);

    // marsden commits 5 and amends to 7; 7 + 11 + 13 = 31 boxes of gloves, exactly at the 31 break.
    const sent = [
      (await commit(MARSDEN, round.id, items.gloves, 5).expect(202)).body,
      (await commit(MARSDEN, round.id, items.gloves, 7).expect(202)).body,
      (await commit(MARSDEN, round.id, items.course, 3).expect(202)).body,
      (await commit(MELTHAM, round.id, items.gloves, 11).expect(202)).body,
      (await commit(HONLEY, round.id, items.gloves, 13).expect(202)).body,
      (await commit(HONLEY, round.id, items.dbs, 2).expect(202)).body,
    ];
    const badQuantity = (await commit(MELTHAM, round.id, items.dbs, -1).expect(400)).body;
    expect(badQuantity.message.join(' ')).toMatch(/quantity must not be less than 0/);
    await commit(MELTHAM, '0f0e0d0c-0b0a-4998-8776-655443322110', items.dbs, 1).expect(404);
    expect((await commit(MELTHAM, round.id, '0f0e0d0c-0b0a-4998-8776-655443322110', 1).expect(404)).body.code).toBe(
      'PURCHASING.ITEM_NOT_IN_ROUND',
    );
    expect((await commit(MELTHAM, round.id, 'gloves', 1).expect(400)).body.message.join(' ')).toMatch(/itemId must be a UUID/);
    await Promise.all(sent.map(async (s) => confirmed(await ownerOf(s.messageId), s.messageId)));

    // A node whose clock runs ten minutes fast is refused, with the reason, and its quantity does not count.
    const fast = await sendStamped(MELTHAM, round.id, items.dbs, 50, new Date(Date.now() + 10 * 60_000));
    const [skew] = await waitFor(
      'the fast clock refused',
      () => sentRow(MELTHAM, fast),
      (r) => r[0]?.status === 'rejected',
    );
    expect(skew.last_error).toMatch(/^PURCHASING.CLOCK_SKEW: occurredAt .* ahead of the receiver's clock/);

    const preview = (await hubGet(`/purchasing/rounds/${round.id}`).expect(200)).body;
    expect(preview.allocationStatus).toBe('preview');
    expect(preview.items.find((i: { itemId: string }) => i.itemId === items.gloves)).toMatchObject({
      totalQuantity: 31,
      tierMinQuantity: 31,
      unitPricePence: 549,
    });
    const history = (await hubGet(`/purchasing/rounds/${round.id}/commitments`).expect(200)).body;
    expect(
      history
        .filter((h: { coopId: string; itemId: string }) => h.coopId === MARSDEN && h.itemId === items.gloves)
        .map((h: { quantity: number }) => h.quantity),
    ).toEqual([5, 7]);

    const closed = (await hubPost(`/purchasing/rounds/${round.id}/close`).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', allocationStatus: 'provisional' });
    await waitFor(
      'marsden to hear of the close',
      () => nodeRound(MARSDEN, round.id),
      (r) => r.state === 'closed',
    );
    const late = (await commit(MARSDEN, round.id, items.gloves, 9).expect(409)).body;
    expect(late).toMatchObject({ code: 'PURCHASING.ROUND_NOT_OPEN', details: { currentState: 'closed' } });

    const ordered = (await hubPost(`/purchasing/rounds/${round.id}/order`).expect(200)).body;
    expect(ordered).toMatchObject({ state: 'ordered', allocationStatus: 'final' });
    const gloves = ordered.items.find((i: { itemId: string }) => i.itemId === items.gloves);
    // 31 × 549 + 995 = 18,014, shared 7 : 11 : 13 → 4,067.68, 6,392.06, 7,554.26; the penny left goes to the .68.
    expect(gloves).toMatchObject({ totalQuantity: 31, tierMinQuantity: 31, unitPricePence: 549, orderTotalPence: 18_014 });
    const glovesLines = ordered.allocations.filter((a: { itemId: string }) => a.itemId === items.gloves);
    expect(glovesLines.map((a: { coopId: string; allocatedPence: number }) => [a.coopId, a.allocatedPence])).toEqual([
      [HONLEY, 7_554],
      [MARSDEN, 4_068],
      [MELTHAM, 6_392],
    ]);
    for (const item of ordered.items) {
      const total = ordered.allocations
        .filter((a: { itemId: string }) => a.itemId === item.itemId)
        .reduce((s: number, a: { allocatedPence: number }) => s + a.allocatedPence, 0);
      expect({ item: item.name, total }).toEqual({ item: item.name, total: item.orderTotalPence });
    }
    expect(ordered.orderTotalPence).toBe(18_014 + 2 * 1_800 + 3 * 9_500);
    expect(ordered.coops.find((c: { coopId: string }) => c.coopId === MARSDEN)).toEqual({
      coopId: MARSDEN,
      allocatedPence: 4_068 + 3 * 9_500,
      soloPence: 7 * 650 + 995 + 3 * 9_500,
      savingPence: 7 * 650 + 995 - 4_068,
      localSpendPence: 4_068,
    });
    expect(ordered.localSpendPence).toBe(4_068);

    // Every node records its own share, as the hub computed it.
    for (const coop of COOPS) {
      const mine = await waitFor(
        `${coop}'s allocation`,
        () => nodeRound(coop, round.id),
        (r) => r.state === 'ordered' && r.allocation !== null,
      );
      const onHub = ordered.allocations.filter((a: { coopId: string }) => a.coopId === coop);
      expect(
        mine.allocation.lines
          .map((l: { itemId: string; quantity: number; allocatedPence: number; savingPence: number; local: boolean }) => [
            l.itemId,
            l.quantity,
            l.allocatedPence,
            l.savingPence,
            l.local,
          ])
          .sort(),
      ).toEqual(
        onHub
          .map((a: { itemId: string; quantity: number; allocatedPence: number; savingPence: number; local: boolean }) => [
            a.itemId,
            a.quantity,
            a.allocatedPence,
            a.savingPence,
            a.local,
          ])
          .sort(),
      );
    }
    const marsden = await nodeRound(MARSDEN, round.id);
    expect(marsden.items.find((i: { itemId: string }) => i.itemId === items.gloves)).toMatchObject({ committedQuantity: 7 });
    expect(marsden.allocation).toMatchObject({ allocatedPence: 4_068 + 28_500, localSpendPence: 4_068 });

    await hubPost(`/purchasing/rounds/${round.id}/deliver`).expect(200);
    await waitFor(
      'marsden to hear of the delivery',
      () => nodeRound(MARSDEN, round.id),
      (r) => r.state === 'delivered' && r.deliveredAt !== null,
    );
    const again = (await hubPost(`/purchasing/rounds/${round.id}/cancel`).expect(409)).body;
    expect(again).toMatchObject({
      message: 'a round that is delivered cannot be cancelled',
      details: { currentState: 'delivered', allowedActions: [] },
    });

    // The allocation feeds the local-supplier-spend figure of each co-op's return for the quarter (the UK's).
    const quarter = ukQuarter();
    const spend = async (coop: string) =>
      (await admin(coop).get(`/reporting/returns/preview?period=${quarter}`).expect(200)).body.figures.figures.find(
        (f: { metric: string }) => f.metric === 'local_supplier_spend',
      ).value;
    expect(await spend(MARSDEN)).toBe(4_068);
    expect(await spend(MELTHAM)).toBe(0);
  });

  it("counts an offline node's commitment made before the close, once it arrives before the order", async () => {
    const round = await openRound('Gloves top-up', [items.gloves]);
    await cutHonley();
    const offline = (await commit(HONLEY, round.id, items.gloves, 20).expect(202)).body;
    expect((await sentRow(HONLEY, offline.messageId))[0].status).toBe('pending');
    await confirmed(MARSDEN, (await commit(MARSDEN, round.id, items.gloves, 10).expect(202)).body.messageId);

    const closed = (await hubPost(`/purchasing/rounds/${round.id}/close`).expect(200)).body;
    expect(closed.items[0]).toMatchObject({ totalQuantity: 10, tierMinQuantity: 10 });
    expect(new Date(offline.committedAt) < new Date(closed.closedAt)).toBe(true);

    proxy.restore();
    await confirmed(HONLEY, offline.messageId);
    const provisional = (await hubGet(`/purchasing/rounds/${round.id}`).expect(200)).body;
    expect(provisional).toMatchObject({ state: 'closed', allocationStatus: 'provisional' });
    expect(provisional.items[0]).toMatchObject({
      totalQuantity: 30,
      tierMinQuantity: 10,
      unitPricePence: 599,
      orderTotalPence: 30 * 599 + 995,
    });
    const arrived = (await hubGet(`/purchasing/rounds/${round.id}/commitments`).expect(200)).body.find(
      (h: { messageId: string }) => h.messageId === offline.messageId,
    );
    expect(arrived).toMatchObject({ coopId: HONLEY, quantity: 20, committedAt: offline.committedAt, outcome: 'applied' });
    expect(new Date(arrived.receivedAt) > new Date(closed.closedAt)).toBe(true);

    const ordered = (await hubPost(`/purchasing/rounds/${round.id}/order`).expect(200)).body;
    // 30 × 599 + 995 = 18,965, shared 20 : 10 → 12,643.33 and 6,321.67: the penny goes to marsden's .67.
    expect(ordered.allocations.map((a: { coopId: string; allocatedPence: number }) => [a.coopId, a.allocatedPence])).toEqual([
      [HONLEY, 12_643],
      [MARSDEN, 6_322],
    ]);
    const honley = await waitFor(
      "honley's allocation",
      () => nodeRound(HONLEY, round.id),
      (r) => r.allocation !== null,
    );
    expect(honley.allocation).toMatchObject({
      allocatedPence: 12_643,
      soloPence: 20 * 650 + 995,
      savingPence: 20 * 650 + 995 - 12_643,
      localSpendPence: 0,
    });
    expect(honley.items[0].commitments[0]).toMatchObject({ messageId: offline.messageId, status: 'confirmed', reason: null });
  });

  it('refuses a commitment that arrives after the order, back to the node with the reason', async () => {
    const round = await openRound('Courses', [items.course]);
    await cutHonley();
    const offline = (await commit(HONLEY, round.id, items.course, 4).expect(202)).body;
    await confirmed(MELTHAM, (await commit(MELTHAM, round.id, items.course, 2).expect(202)).body.messageId);
    await hubPost(`/purchasing/rounds/${round.id}/close`).expect(200);
    const ordered = (await hubPost(`/purchasing/rounds/${round.id}/order`).expect(200)).body;

    proxy.restore();
    const [row] = await waitFor(
      "the hub's refusal",
      () => sentRow(HONLEY, offline.messageId),
      (r) => r[0]?.status === 'rejected',
    );
    expect(row.last_error).toMatch(
      new RegExp(
        `^PURCHASING.ALLOCATION_FINAL: the round was ordered at ${ordered.orderedAt.replace(/\./g, '\\.')}: its allocation is final`,
      ),
    );
    const after = (await hubGet(`/purchasing/rounds/${round.id}`).expect(200)).body;
    expect(after.allocations).toEqual(ordered.allocations);
    const honley = await waitFor(
      'honley to hold the order',
      () => nodeRound(HONLEY, round.id),
      (r) => r.state === 'ordered',
    );
    expect(honley.items[0]).toMatchObject({
      committedQuantity: 0,
      commitments: [{ messageId: offline.messageId, status: 'rejected', reason: row.last_error }],
    });
    expect(honley.allocation).toMatchObject({ lines: [], allocatedPence: 0 });

    // A cancelled order is no spend: the co-ops are told, with the reason.
    await hubPost(`/purchasing/rounds/${round.id}/cancel`, { reason: 'the trainer withdrew' }).expect(200);
    await waitFor(
      'meltham to hear of the cancellation',
      () => nodeRound(MELTHAM, round.id),
      (r) => r.state === 'cancelled' && r.cancelReason === 'the trainer withdrew',
    );
  });

  it('closes a round at its closing time, and refuses a commitment made after it', async () => {
    const closesAt = new Date(Date.now() + 4_000);
    const round = await openRound('Quick round', [items.dbs], closesAt.toISOString());
    // Made a moment after the round opened, by meltham's clock; it may arrive after the close, and counts.
    const early = await sendStamped(MELTHAM, round.id, items.dbs, 3, new Date(new Date(round.openedAt).getTime() + 1));
    await confirmed(MELTHAM, early);

    const closed = await waitFor(
      'the scheduled close',
      async () => (await hubGet(`/purchasing/rounds/${round.id}`)).body,
      (r) => r.state === 'closed',
    );
    expect(closed).toMatchObject({ closedBy: 'schedule', closedAt: closesAt.toISOString(), allocationStatus: 'provisional' });
    expect(closed.items[0]).toMatchObject({ totalQuantity: 3, orderTotalPence: 5_400 });

    await waitFor(
      'marsden to hear of the close',
      () => nodeRound(MARSDEN, round.id),
      (r) => r.state === 'closed',
    );
    expect((await commit(MARSDEN, round.id, items.dbs, 1).expect(409)).body.code).toBe('PURCHASING.ROUND_NOT_OPEN');
    // A node that had not heard of the close yet would send it: the hub refuses it by its time.
    const tooLate = await sendStamped(MARSDEN, round.id, items.dbs, 1, new Date());
    const [row] = await waitFor(
      "the hub's refusal",
      () => sentRow(MARSDEN, tooLate),
      (r) => r[0]?.status === 'rejected',
    );
    expect(row.last_error).toMatch(
      new RegExp(
        `^PURCHASING.ROUND_CLOSED: the round closed at ${closesAt.toISOString().replace(/\./g, '\\.')}; this commitment was made at .*, after the close$`,
      ),
    );
    expect((await hubGet(`/purchasing/rounds/${round.id}`)).body.items[0].totalQuantity).toBe(3);

    // Days later, before anyone ordered: a commitment claiming to be made before the close is refused,
    // whatever it claims, because it arrived more than the 24-hour grace after the close.
    const day = 86_400_000;
    await mesh.hubQuery(
      `UPDATE purchasing_round SET opened_at = now() - interval '4 days', closes_at = now() - interval '3 days', closed_at = now() - interval '3 days' WHERE id = $1`,
      [round.id],
    );
    const backdated = await sendStamped(MELTHAM, round.id, items.dbs, 40, new Date(Date.now() - 3 * day - 3_600_000));
    const [refused] = await waitFor(
      "the hub's refusal of a backdated commitment",
      () => sentRow(MELTHAM, backdated),
      (r) => r[0]?.status === 'rejected',
    );
    expect(refused.last_error).toMatch(
      /^PURCHASING.ROUND_CLOSED: the round closed at .*; this commitment arrived at .*, more than 24 hours after the close, so it is refused whatever time it claims/,
    );
    expect((await hubGet(`/purchasing/rounds/${round.id}`)).body.items[0].totalQuantity).toBe(3);
  });

  it('refuses a commitment whose line would pass the limit, on the node at once and on the hub if one gets through', async () => {
    const dear = (
      await hubPost('/purchasing/catalogue', {
        name: 'Care home extension',
        supplier: 'Pennine Builders',
        unit: 'one wing',
        soloUnitPricePence: 10_000_000,
      }).expect(201)
    ).body.id;
    const round = await openRound('Big round', [dear]);
    const tooMuch = (await commit(MARSDEN, round.id, dear, 100_001).expect(400)).body;
    expect(tooMuch).toMatchObject({
      code: 'PURCHASING.LINE_TOO_LARGE',
      message: expect.stringMatching(
        /^quantity 100001 at 10000000p a unit .* more than the 1000000000000p one co-op's line may reach: commit at most 100000$/,
      ),
    });
    await commit(MARSDEN, round.id, dear, 100_000).expect(202);
    const through = await sendStamped(MELTHAM, round.id, dear, 200_000, new Date());
    const [row] = await waitFor(
      "the hub's refusal",
      () => sentRow(MELTHAM, through),
      (r) => r[0]?.status === 'rejected',
    );
    expect(row.last_error).toMatch(/^PURCHASING.LINE_TOO_LARGE: quantity 200000 at 10000000p a unit/);
    await hubPost(`/purchasing/rounds/${round.id}/cancel`, { reason: 'a test of the limits' }).expect(200);
  });

  /** The co-op whose outbox holds a message. */
  async function ownerOf(messageId: string): Promise<string> {
    for (const coop of COOPS) if ((await sentRow(coop, messageId)).length) return coop;
    throw new Error(`no node sent ${messageId}`);
  }
});
