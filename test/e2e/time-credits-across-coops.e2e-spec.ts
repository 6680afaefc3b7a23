import { connect, NatsConnection, Subscription } from 'nats';

import { buildMessage, encodeMessage, Envelope, subjectScheme, TIME_CREDITS_SENT_V1, TIME_CREDITS_SETTLED_V1 } from '@app/contracts';

import { aMember, aPaymentAcrossCoops, aVolunteer } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { ukDay, ukQuarter } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

const HOLME = 'holme-valley';
const COLNE = 'colne-valley';
const CLOCK = { TEST_CLOCK: 'true' };
/** A code of the right shape that Colne Valley never made. */
const UNKNOWN_CODE = `${COLNE}.7K3M9Q2XWV4T8R6P1N5H`;

interface Transfer {
  id: string;
  status: 'sent' | 'forwarded' | 'completed' | 'refused';
  refusalReason: string | null;
  minutes: number;
}

/**
 * Time credits paid across co-ops on a real hub, two real nodes, PostgreSQL and NATS: Holme Valley's
 * volunteers pay Colne Valley's (and back) by one-time payment codes; each node's double-entry ledger
 * with its clearing account, and the hub's clearing ledger between co-ops, always balance and agree.
 * Every NATS message of the suite and every table of the hub is read for the volunteers' names.
 */
describe('time credits across co-ops', () => {
  const mesh = new TestMesh();
  const scheme = subjectScheme(mesh.root);
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const staff = () => mesh.hub().as('consortium-staff');

  let tap: NatsConnection;
  let tapped: Subscription;
  const seen: { subject: string; text: string }[] = [];
  /** Every person's name made in the suite: none may cross NATS or be stored on the hub. */
  const names: string[] = [];

  const volunteer = async (coop: string, body: object = {}) => {
    const made = (await admin(coop).post('/volunteers').send(aVolunteer(body)).expect(201)).body;
    names.push(made.fullName);
    return made.id as string;
  };
  /** Credits earned the ordinary way: hours given, issued by the co-op. */
  const earn = (coop: string, id: string, minutes: number) =>
    admin(coop).post(`/volunteers/${id}/hours`).send({ workedOn: ukDay(), activity: 'befriending', minutes }).expect(201);
  const codeFor = async (coop: string, volunteerId: string, body: object = {}) =>
    (
      await admin(coop)
        .post('/time-bank/payment-codes')
        .send({ volunteerId, ...body })
        .expect(201)
    ).body.code as string;
  const pay = (coop: string, from: string, code: string, overrides: object = {}) =>
    admin(coop)
      .post('/time-bank/across-coops')
      .send(aPaymentAcrossCoops(from, code, overrides));
  const transfer = async (coop: string, id: string): Promise<Transfer> =>
    (await admin(coop).get(`/time-bank/across-coops/${id}`).expect(200)).body;
  const settled = (coop: string, id: string, status: Transfer['status']) =>
    waitFor(
      `transfer ${id} ${status} on ${coop}`,
      () => transfer(coop, id),
      (t) => t.status === status,
    );
  const balance = async (coop: string, volunteerId: string): Promise<number> =>
    (await admin(coop).get(`/time-bank/accounts/${volunteerId}`).expect(200)).body.balanceMinutes;
  const clearing = async (coop: string): Promise<number> =>
    (await admin(coop).get('/time-bank/summary').expect(200)).body.acrossCoops.clearingBalanceMinutes;
  const ledgerTotal = async (coop: string) =>
    (await mesh.nodeQuery<{ total: number }>(coop, 'SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry'))[0].total;
  const hubBalances = async () => (await staff().get('/time-clearing/balances').expect(200)).body;
  const hubTransfer = async (id: string) =>
    (await mesh.hubQuery<{ status: string; minutes: number }>('SELECT status, minutes FROM clearing_transfer WHERE id = $1', [id]))[0];
  const movements = async (coop: string, id: string) =>
    (
      await mesh.nodeQuery<{ purpose: string }>(
        coop,
        'SELECT purpose FROM time_transfer WHERE time_credit_transfer_id = $1 ORDER BY purpose',
        [id],
      )
    ).map((r) => r.purpose);
  const hubEntries = async (id: string) =>
    (
      await mesh.hubQuery<{ coop_id: string; kind: string; minutes: number }>(
        'SELECT coop_id, kind, minutes FROM clearing_entry WHERE transfer_id = $1 ORDER BY kind, coop_id',
        [id],
      )
    ).map((e) => `${e.kind} ${e.coop_id} ${e.minutes}`);

  /** Both nodes' ledgers balance, the hub's does, and all three agree on what each co-op is owed. */
  const expectAllAgree = async () => {
    const hub = await hubBalances();
    expect({ total: hub.totalMinutes, balanced: hub.balanced }).toEqual({ total: 0, balanced: true });
    const onHub = (coop: string) => hub.coops.find((c: { coopId: string }) => c.coopId === coop)?.balanceMinutes ?? 0;
    for (const coop of [HOLME, COLNE]) {
      expect({ coop, ledger: await ledgerTotal(coop) }).toEqual({ coop, ledger: 0 });
      expect({ coop, clearing: await clearing(coop) }).toEqual({ coop, clearing: onHub(coop) });
    }
  };

  let holmePayer: string;
  let colnePayee: string;

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    tapped = tap.subscribe('>', { callback: (_e, m) => seen.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }) });
    await mesh.startHub(CLOCK);
    await mesh.startNode(HOLME, CLOCK);
    await mesh.startNode(COLNE, CLOCK);
    await mesh.registered(HOLME);
    await mesh.registered(COLNE);
    // Before it has members, Colne Valley's founders adopt a rulebook that lets members pay across co-ops.
    const { rulebook } = (await admin(COLNE).get('/rulebook').expect(200)).body;
    await admin(COLNE)
      .put('/rulebook')
      .send({ rulebook: { ...rulebook, membersMayPayAcrossCoops: true } })
      .expect(200);
    holmePayer = await volunteer(HOLME);
    colnePayee = await volunteer(COLNE);
    await earn(HOLME, holmePayer, 300);
  }, 120_000);

  afterAll(async () => {
    tapped?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  describe('a payment across both nodes and the hub', () => {
    let id: string;

    it("debits the payer, credits the other co-op's member, and all three ledgers balance and agree", async () => {
      const code = await codeFor(COLNE, colnePayee);
      expect(code).toMatch(/^colne-valley\.[0-9A-HJKMNP-TV-Z]{20}$/);
      // The note is the payer's co-op's own record: it never travels.
      const note = `Respite in Netherthong for the Hirst family, ${mesh.id}`;
      names.push(note);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 90, note }).expect(201)).body;
      expect(sent.note).toBe(note);
      expect(sent).toMatchObject({ direction: 'outgoing', otherCoopId: COLNE, minutes: 90, status: 'sent', volunteerId: holmePayer });
      id = sent.id;
      // Debited at once, in the transaction that queued the message.
      expect(await balance(HOLME, holmePayer)).toBe(300 - 90);
      await settled(HOLME, id, 'completed');
      expect(await balance(COLNE, colnePayee)).toBe(90);
      expect(await transfer(COLNE, id)).toMatchObject({ direction: 'incoming', otherCoopId: HOLME, minutes: 90, status: 'completed' });
      expect(await hubTransfer(id)).toEqual({ status: 'completed', minutes: 90 });
      expect(await hubEntries(id)).toEqual([`transfer ${COLNE} 90`, `transfer ${HOLME} -90`]);
      expect(await clearing(HOLME)).toBe(-90);
      expect(await clearing(COLNE)).toBe(90);
      await expectAllAgree();
    });

    it('shows the payment in each time bank, and the hours exchanged by pair and month on the hub, counts only', async () => {
      const holme = (await admin(HOLME).get('/time-bank/summary').expect(200)).body;
      expect(holme.acrossCoops).toMatchObject({ sent: { transfers: 1, minutes: 90 }, received: { transfers: 0, minutes: 0 } });
      expect(holme.byPurpose['sent-to-coop']).toEqual({ transfers: 1, minutes: 90 });
      const colne = (await admin(COLNE).get('/time-bank/summary').expect(200)).body;
      expect(colne.acrossCoops).toMatchObject({ received: { transfers: 1, minutes: 90 }, sent: { transfers: 0, minutes: 0 } });
      const month = ukDay().slice(0, 7);
      const exchanges = (await mesh.hub().as('commissioner').get(`/time-clearing/exchanges?from=${month}&to=${month}`).expect(200)).body;
      expect(exchanges.items).toEqual([{ month, fromCoopId: HOLME, toCoopId: COLNE, transfers: 1, minutes: 90, hours: 1.5 }]);
      expect(Object.keys(exchanges.items[0]).sort()).toEqual(['fromCoopId', 'hours', 'minutes', 'month', 'toCoopId', 'transfers']);
    });

    it("counts it in each co-op's quarterly return as hours sent and received", async () => {
      const quarter = ukQuarter();
      const figure = async (coop: string, metric: string) =>
        (await admin(coop).get(`/reporting/returns/preview?period=${quarter}`).expect(200)).body.figures.figures.find(
          (f: { metric: string; breakdown: unknown }) => f.metric === metric && f.breakdown === null,
        )?.value;
      expect(await figure(HOLME, 'time_credit_hours_sent_to_other_coops')).toBe(1.5);
      expect(await figure(COLNE, 'time_credit_hours_received_from_other_coops')).toBe(1.5);
      expect(await figure(HOLME, 'time_credit_hours_received_from_other_coops')).toBe(0);
    });

    it('refuses the same code a second time: each code pays once, and the payer gets the minutes back', async () => {
      const code = await codeFor(COLNE, colnePayee);
      const first = (await pay(HOLME, holmePayer, code, { minutes: 10 }).expect(201)).body;
      await settled(HOLME, first.id, 'completed');
      const before = await balance(HOLME, holmePayer);
      const again = (await pay(HOLME, holmePayer, code, { minutes: 10 }).expect(201)).body;
      const refused = await settled(HOLME, again.id, 'refused');
      expect(refused.refusalReason).toContain('TIMEBANK.CODE_USED');
      expect(await balance(HOLME, holmePayer)).toBe(before);
      expect(await movements(HOLME, again.id)).toEqual(['returned-by-coop', 'sent-to-coop']);
      expect(await hubEntries(again.id)).toEqual([
        `reversal ${COLNE} -10`,
        `reversal ${HOLME} 10`,
        `transfer ${COLNE} 10`,
        `transfer ${HOLME} -10`,
      ]);
      await expectAllAgree();
    });
  });

  describe('refusals by the receiving node come back and are reversed, nothing half done', () => {
    const refusedWith = async (code: string, rule: string) => {
      const before = await balance(HOLME, holmePayer);
      const hubBefore = await hubBalances();
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 15 }).expect(201)).body;
      const refused = await settled(HOLME, sent.id, 'refused');
      expect(refused.refusalReason).toContain(rule);
      expect(await balance(HOLME, holmePayer)).toBe(before);
      expect(await hubTransfer(sent.id)).toEqual({ status: 'reversed', minutes: 15 });
      expect((await hubBalances()).coops).toEqual(hubBefore.coops);
      expect(await mesh.nodeQuery(COLNE, 'SELECT 1 FROM time_credit_transfer WHERE id = $1', [sent.id])).toEqual([]);
      await expectAllAgree();
    };

    it('refuses a code Colne Valley never made', () => refusedWith(UNKNOWN_CODE, 'TIMEBANK.CODE_UNKNOWN'));

    it('refuses an expired code', async () => {
      const code = await codeFor(COLNE, colnePayee, { validForHours: 1 });
      mesh.nodeClock(COLNE).advance(61 * 60_000);
      try {
        await refusedWith(code, 'TIMEBANK.CODE_EXPIRED');
      } finally {
        mesh.nodeClock(COLNE).reset();
      }
    });

    it('refuses a code whose member has since left the co-op', async () => {
      const leaver = await volunteer(COLNE);
      const code = await codeFor(COLNE, leaver);
      await admin(COLNE).post(`/volunteers/${leaver}/departure`).send({}).expect(200);
      await refusedWith(code, 'TIMEBANK.PAYEE_LEFT');
      expect(await balance(COLNE, leaver)).toBe(0);
    });
  });

  describe('delivery: exactly once, or reversed exactly once, never both', () => {
    it('completes a payment made while the receiving node was offline, once it is back', async () => {
      const code = await codeFor(COLNE, colnePayee);
      const before = await balance(COLNE, colnePayee);
      await mesh.stopNode(COLNE);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 20 }).expect(201)).body;
      // The hub accepts it and forwards it; it waits in JetStream for Colne Valley.
      await settled(HOLME, sent.id, 'forwarded');
      expect(await hubTransfer(sent.id)).toEqual({ status: 'forwarded', minutes: 20 });
      expect((await hubBalances()).underWay).toBe(1);
      await mesh.startNode(COLNE, CLOCK);
      await settled(HOLME, sent.id, 'completed');
      expect(await balance(COLNE, colnePayee)).toBe(before + 20);
      expect(await movements(COLNE, sent.id)).toEqual(['received-from-coop']);
      await expectAllAgree();
    });

    it('completes a payment made while the hub was stopped, once it is back', async () => {
      const code = await codeFor(COLNE, colnePayee);
      await mesh.stopHub();
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 25 }).expect(201)).body;
      expect(sent.status).toBe('sent');
      await mesh.startHub(CLOCK);
      await settled(HOLME, sent.id, 'completed');
      expect(await movements(HOLME, sent.id)).toEqual(['sent-to-coop']);
      expect(await movements(COLNE, sent.id)).toEqual(['received-from-coop']);
      expect(await hubEntries(sent.id)).toHaveLength(2);
      await expectAllAgree();
    });

    it("completes a payment whose answer comes while the hub is stopped: the receiving node's receipt waits for it", async () => {
      const code = await codeFor(COLNE, colnePayee);
      const before = await balance(COLNE, colnePayee);
      await mesh.stopNode(COLNE);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 35 }).expect(201)).body;
      await settled(HOLME, sent.id, 'forwarded');
      await mesh.stopHub();
      // Colne Valley comes back while the hub is away: it credits its member; its answer waits.
      await mesh.startNode(COLNE, CLOCK);
      await waitFor(
        'Colne Valley to credit its member',
        () => balance(COLNE, colnePayee),
        (b) => b === before + 35,
      );
      expect((await transfer(HOLME, sent.id)).status).toBe('forwarded');
      await mesh.startHub(CLOCK);
      await settled(HOLME, sent.id, 'completed');
      expect(await hubTransfer(sent.id)).toEqual({ status: 'completed', minutes: 35 });
      expect(await movements(COLNE, sent.id)).toEqual(['received-from-coop']);
      await expectAllAgree();
    });

    it('changes nothing when every message of a finished payment is published again, late, by hand', async () => {
      const code = await codeFor(COLNE, colnePayee);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 5 }).expect(201)).body;
      await settled(HOLME, sent.id, 'completed');
      const refusedOne = (await pay(HOLME, holmePayer, UNKNOWN_CODE, { minutes: 5 }).expect(201)).body;
      await settled(HOLME, refusedOne.id, 'refused');
      const envelopeOf = async (db: 'hub' | 'holme', type: string, transferId: string) => {
        const sql = `SELECT envelope FROM outbox_message WHERE type = $1 AND envelope->'payload'->>'transferId' = $2`;
        const rows =
          db === 'hub'
            ? await mesh.hubQuery<{ envelope: Envelope<object> }>(sql, [type, transferId])
            : await mesh.nodeQuery<{ envelope: Envelope<object> }>(HOLME, sql, [type, transferId]);
        expect(rows).toHaveLength(1);
        return rows[0].envelope;
      };
      const receiptsFor = async (db: 'hub' | 'holme' | 'colne', messageId: string) => {
        const sql = `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`;
        const [row] =
          db === 'hub'
            ? await mesh.hubQuery<{ n: number }>(sql, [messageId])
            : await mesh.nodeQuery<{ n: number }>(db === 'holme' ? HOLME : COLNE, sql, [messageId]);
        return row.n;
      };
      const republished: [string, Envelope<object>, 'hub' | 'holme' | 'colne'][] = [
        [scheme.coopMessage(HOLME, 'time-credits.sent'), await envelopeOf('holme', 'time-credits.sent', sent.id), 'hub'],
        [scheme.hubMessage(COLNE, 'time-credits.forwarded'), await envelopeOf('hub', 'time-credits.forwarded', sent.id), 'colne'],
        [scheme.hubMessage(HOLME, 'time-credits.settled'), await envelopeOf('hub', 'time-credits.settled', sent.id), 'holme'],
        [scheme.coopMessage(HOLME, 'time-credits.sent'), await envelopeOf('holme', 'time-credits.sent', refusedOne.id), 'hub'],
        [scheme.hubMessage(HOLME, 'time-credits.settled'), await envelopeOf('hub', 'time-credits.settled', refusedOne.id), 'holme'],
      ];
      const nc = await connect({ servers: mesh.natsUrl });
      try {
        for (const [subject, envelope, receiver] of republished) {
          const before = await receiptsFor(receiver, envelope.id);
          // A message id JetStream has not seen, as a republish after its two-minute window would be.
          await nc.jetstream().publish(subject, encodeMessage(envelope), { msgID: `${envelope.id}.late` });
          await waitFor(
            `the repeat of ${envelope.type} answered again`,
            () => receiptsFor(receiver, envelope.id),
            (n) => n === before + 1,
          );
        }
      } finally {
        await nc.close();
      }
      expect(await movements(HOLME, sent.id)).toEqual(['sent-to-coop']);
      expect(await movements(COLNE, sent.id)).toEqual(['received-from-coop']);
      expect(await hubEntries(sent.id)).toHaveLength(2);
      expect(await movements(HOLME, refusedOne.id)).toEqual(['returned-by-coop', 'sent-to-coop']);
      expect(await hubEntries(refusedOne.id)).toHaveLength(4);
      expect((await transfer(HOLME, sent.id)).status).toBe('completed');
      expect((await transfer(HOLME, refusedOne.id)).status).toBe('refused');
      await expectAllAgree();
    });

    it('records a payment sent again under a new message id once, and refuses its id from another co-op', async () => {
      const code = await codeFor(COLNE, colnePayee);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 5 }).expect(201)).body;
      await settled(HOLME, sent.id, 'completed');
      const payload = { transferId: sent.id, paymentCode: code, minutes: 5 };
      const again = mesh.signerOf(HOLME).sign(buildMessage(TIME_CREDITS_SENT_V1, payload, { coopId: HOLME }));
      const stolen = mesh
        .signerOf(COLNE)
        .sign(buildMessage(TIME_CREDITS_SENT_V1, { ...payload, paymentCode: `${HOLME}.7K3M9Q2XWV4T8R6P1N5H` }, { coopId: COLNE }));
      const nc = await connect({ servers: mesh.natsUrl });
      try {
        await nc.jetstream().publish(scheme.coopMessage(HOLME, 'time-credits.sent'), encodeMessage(again), { msgID: again.id });
        await nc.jetstream().publish(scheme.coopMessage(COLNE, 'time-credits.sent'), encodeMessage(stolen), { msgID: stolen.id });
      } finally {
        await nc.close();
      }
      const outcome = (id: string) =>
        waitFor(
          `the hub's answer to ${id}`,
          () =>
            mesh.hubQuery<{ outcome: string | null; reason: string | null }>(
              'SELECT outcome, reason FROM inbox_message WHERE message_id = $1',
              [id],
            ),
          (rows) => rows.length === 1 && rows[0].outcome !== null,
        );
      expect((await outcome(again.id))[0].outcome).toBe('applied');
      const [refused] = await outcome(stolen.id);
      expect(refused).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('TIMECLEARING.TRANSFER_ID_TAKEN') });
      expect(await hubEntries(sent.id)).toHaveLength(2);
      expect(
        await mesh.hubQuery(
          `SELECT 1 FROM outbox_message WHERE type = 'time-credits.forwarded' AND envelope->'payload'->>'transferId' = $1`,
          [sent.id],
        ),
      ).toHaveLength(1);
      expect(await movements(COLNE, sent.id)).toEqual(['received-from-coop']);
      expect((await transfer(HOLME, sent.id)).status).toBe('completed');
      await expectAllAgree();
    });

    it('refuses a late answer that contradicts the ending recorded: a completed payment is never also given back', async () => {
      const code = await codeFor(COLNE, colnePayee);
      const sent = (await pay(HOLME, holmePayer, code, { minutes: 5 }).expect(201)).body;
      await settled(HOLME, sent.id, 'completed');
      const before = await balance(HOLME, holmePayer);
      // Signed by the hub, under a new message id: the inbox applies it, and the transfer's state refuses it.
      const forged = mesh.hubSigner.sign(
        buildMessage(TIME_CREDITS_SETTLED_V1, { transferId: sent.id, outcome: 'refused', reason: 'late and wrong' }, { coopId: HOLME }),
      );
      const nc = await connect({ servers: mesh.natsUrl });
      try {
        await nc.jetstream().publish(scheme.hubMessage(HOLME, 'time-credits.settled'), encodeMessage(forged), { msgID: forged.id });
      } finally {
        await nc.close();
      }
      const [row] = await waitFor(
        'the contradictory answer refused',
        () =>
          mesh.nodeQuery<{ outcome: string; reason: string }>(HOLME, 'SELECT outcome, reason FROM inbox_message WHERE message_id = $1', [
            forged.id,
          ]),
        (rows) => rows.length === 1 && rows[0].outcome !== null,
      );
      expect(row.outcome).toBe('rejected');
      expect(row.reason).toContain('TIMEBANK.TRANSFER_ALREADY_SETTLED');
      expect(await balance(HOLME, holmePayer)).toBe(before);
      expect(await movements(HOLME, sent.id)).toEqual(['sent-to-coop']);
      expect((await transfer(HOLME, sent.id)).status).toBe('completed');
    });
  });

  describe('limits', () => {
    it('never lets concurrent payments from one member spend past the overdraft', async () => {
      const spender = await volunteer(HOLME);
      // Nothing earned: the UK rulebook's overdraft of 600 minutes is all there is to spend.
      const codes = await Promise.all(Array.from({ length: 8 }, () => codeFor(COLNE, colnePayee)));
      const answers = await Promise.all(codes.map((code) => pay(HOLME, spender, code, { minutes: 100 })));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
      expect(await balance(HOLME, spender)).toBe(-600);
      for (const a of answers.filter((x) => x.status === 201)) await settled(HOLME, a.body.id, 'completed');
      expect(await balance(HOLME, spender)).toBe(-600);
      await expectAllAgree();
    });

    it('refuses a payment from a co-op at its clearing limit, naming the limit, and gives the minutes back', async () => {
      const owed = -(await clearing(HOLME));
      expect(owed).toBeGreaterThan(0);
      const set = (await staff().put('/time-clearing/limit').send({ limitMinutes: owed }).expect(200)).body;
      expect(set).toMatchObject({ limitMinutes: owed, updatedBy: 'test-consortium-staff' });
      try {
        const before = await balance(HOLME, holmePayer);
        const hubBefore = await hubBalances();
        expect(hubBefore.coops.find((c: { coopId: string }) => c.coopId === HOLME).headroomMinutes).toBe(0);
        const code = await codeFor(COLNE, colnePayee);
        const sent = (await pay(HOLME, holmePayer, code, { minutes: 30 }).expect(201)).body;
        const refused = await settled(HOLME, sent.id, 'refused');
        expect(refused.refusalReason).toContain('TIMECLEARING.LIMIT_REACHED');
        expect(refused.refusalReason).toContain(`the consortium's limit of ${owed} minutes`);
        expect(await balance(HOLME, holmePayer)).toBe(before);
        expect(await mesh.hubQuery('SELECT 1 FROM clearing_transfer WHERE id = $1', [sent.id])).toEqual([]);
        expect((await hubBalances()).coops).toEqual(hubBefore.coops);
        // Colne Valley owes nothing: its members can still pay Holme Valley's.
        const payer = await volunteer(COLNE);
        await earn(COLNE, payer, 60);
        const back = (await pay(COLNE, payer, await codeFor(HOLME, holmePayer), { minutes: 30 }).expect(201)).body;
        await settled(COLNE, back.id, 'completed');
        await expectAllAgree();
      } finally {
        await staff().put('/time-clearing/limit').send({ limitMinutes: 6000 }).expect(200);
      }
    });

    it('lets only staff set the limit, and refuses a bad one naming the field, nothing changed', async () => {
      await mesh.hub().as('commissioner').put('/time-clearing/limit').send({ limitMinutes: 10 }).expect(403);
      for (const body of [{ limitMinutes: -1 }, { limitMinutes: 1.5 }, { limitMinutes: '60' }, {}, { limitMinutes: 60, extra: 1 }]) {
        const res = await staff().put('/time-clearing/limit').send(body).expect(400);
        expect(JSON.stringify(res.body)).toMatch(/limitMinutes|extra/);
      }
      expect((await staff().get('/time-clearing/limit').expect(200)).body.limitMinutes).toBe(6000);
      await staff().get('/time-clearing/exchanges?from=2026-13').expect(400);
      expect((await staff().get('/time-clearing/exchanges?from=2026-05&to=2026-04').expect(400)).body.code).toBe(
        'TIMECLEARING.MONTHS_INVERTED',
      );
    });
  });

  describe('who may pay, and bad input', () => {
    it('lets a member pay from their own account only where the rulebook lets members pay', async () => {
      const memberId = (
        await admin(COLNE)
          .post('/members')
          .send(aMember({ stakeholderClass: 'volunteer', fullName: 'Mo Member' }))
          .expect(201)
      ).body.id;
      names.push('Mo Member');
      const mine = await volunteer(COLNE, { memberId });
      await earn(COLNE, mine, 60);
      const asMember = mesh.node(COLNE).as('member', memberId);
      // Their own code, and a payment from their own account to Holme Valley.
      const code = (await asMember.post('/time-bank/payment-codes').send({ volunteerId: mine }).expect(201)).body.code;
      expect(code.startsWith(`${COLNE}.`)).toBe(true);
      const paid = (
        await asMember
          .post('/time-bank/across-coops')
          .send(aPaymentAcrossCoops(mine, await codeFor(HOLME, holmePayer), { minutes: 15 }))
          .expect(201)
      ).body;
      await waitFor(
        'the member sees their payment completed',
        async () => (await asMember.get(`/time-bank/across-coops/${paid.id}`).expect(200)).body.status,
        (s) => s === 'completed',
      );
      // Their own export shows the payment as one to another co-op, never whom.
      const exported = (await asMember.get('/members/me/export').expect(200)).body;
      expect(exported.volunteer.timeBank.entries).toContainEqual(
        expect.objectContaining({ purpose: 'sent-to-coop', minutes: -15, counterparty: 'another co-op' }),
      );
      // Not from someone else's account, nor for someone else, as if it did not exist.
      await asMember
        .post('/time-bank/across-coops')
        .send(aPaymentAcrossCoops(colnePayee, await codeFor(HOLME, holmePayer)))
        .expect(404);
      await asMember.post('/time-bank/payment-codes').send({ volunteerId: colnePayee }).expect(404);
      await asMember.get('/time-bank/across-coops').expect(403);

      // Holme Valley's rulebook says nothing of it: its members may not pay themselves.
      const holmeMemberId = (
        await admin(HOLME)
          .post('/members')
          .send(aMember({ stakeholderClass: 'volunteer', fullName: 'Hal Member' }))
          .expect(201)
      ).body.id;
      names.push('Hal Member');
      const hal = await volunteer(HOLME, { memberId: holmeMemberId });
      const refused = await mesh
        .node(HOLME)
        .as('member', holmeMemberId)
        .post('/time-bank/across-coops')
        .send(aPaymentAcrossCoops(hal, await codeFor(COLNE, colnePayee)))
        .expect(409);
      expect(refused.body.code).toBe('TIMEBANK.MEMBERS_MAY_NOT_PAY');
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const counts = async () =>
        (
          await mesh.nodeQuery<{ t: number; c: number; o: number; p: number }>(
            HOLME,
            `SELECT (SELECT count(*) FROM time_transfer)::int AS t, (SELECT count(*) FROM time_credit_transfer)::int AS c,
                    (SELECT count(*) FROM outbox_message WHERE type = 'time-credits.sent')::int AS o, (SELECT count(*) FROM time_payment_code)::int AS p`,
          )
        )[0];
      const before = await counts();
      const code = await codeFor(COLNE, colnePayee);
      const afterCode = await counts();
      const cases: [object, string][] = [
        [{ fromVolunteerId: 'x' }, 'fromVolunteerId'],
        [{ paymentCode: 'colne-valley.short' }, 'paymentCode'],
        [{ paymentCode: 42 }, 'paymentCode'],
        [{ minutes: 0 }, 'minutes'],
        [{ minutes: 100_001 }, 'minutes'],
        [{ minutes: '60' }, 'minutes'],
        [{ purpose: 'earning' }, 'purpose'],
        [{ purpose: 'sent-to-coop' }, 'purpose'],
        [{ note: 'x'.repeat(501) }, 'note'],
        [{ payeeName: 'Someone' }, 'payeeName'],
      ];
      for (const [override, field] of cases) {
        const res = await admin(HOLME)
          .post('/time-bank/across-coops')
          .send({ ...aPaymentAcrossCoops(holmePayer, code), ...override })
          .expect(400);
        expect({ field, named: JSON.stringify(res.body).includes(field) }).toEqual({ field, named: true });
      }
      for (const [body, field] of [
        [{ volunteerId: 'nope' }, 'volunteerId'],
        [{ volunteerId: holmePayer, validForHours: 0 }, 'validForHours'],
        [{ volunteerId: holmePayer, validForHours: 721 }, 'validForHours'],
      ] as const) {
        const res = await admin(HOLME).post('/time-bank/payment-codes').send(body).expect(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      // Well formed but refused by a rule: its own co-op's code, more than the overdraft allows.
      const own = await codeFor(HOLME, holmePayer);
      const ownAfter = await counts();
      expect((await pay(HOLME, holmePayer, own).expect(409)).body.code).toBe('TIMEBANK.CODE_OF_THIS_COOP');
      expect((await pay(HOLME, holmePayer, code, { minutes: 100_000 }).expect(409)).body.code).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
      await pay(HOLME, '00000000-0000-4000-8000-000000000000', code).expect(404);
      expect(afterCode).toEqual(before);
      expect(await counts()).toEqual(ownAfter);
    });
  });

  describe('no personal data leaves a node', () => {
    it('carries no name over NATS, and only ids, codes and minutes in the time-credit messages', () => {
      const mine = seen.filter((m) => m.subject.startsWith(`${mesh.root}.`));
      expect(mine.some((m) => m.text.includes('"type":"time-credits.forwarded"'))).toBe(true);
      for (const { text } of seen) for (const name of names) expect(text.includes(name) ? name : null).toBeNull();
      const fields = new Set<string>();
      for (const m of mine) {
        const envelope = JSON.parse(m.text);
        if (typeof envelope.type === 'string' && envelope.type.startsWith('time-credits.'))
          for (const k of Object.keys(envelope.payload)) fields.add(k);
      }
      expect([...fields].sort()).toEqual(['fromCoopId', 'minutes', 'outcome', 'paymentCode', 'reason', 'transferId']);
    });

    it('keeps no name, volunteer id or member id in any table of the hub', async () => {
      const ids = (await mesh.nodeQuery<{ id: string }>(HOLME, 'SELECT id FROM volunteer UNION ALL SELECT id FROM member')).map(
        (r) => r.id,
      );
      ids.push(
        ...(await mesh.nodeQuery<{ id: string }>(COLNE, 'SELECT id FROM volunteer UNION ALL SELECT id FROM member')).map((r) => r.id),
      );
      const tables = await mesh.hubQuery<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      for (const { table_name } of tables) {
        const [row] = await mesh.hubQuery<{ text: string | null }>(`SELECT json_agg(t)::text AS text FROM "${table_name}" t`);
        for (const s of [...names, ...ids])
          expect({ table: table_name, found: row.text?.includes(s) ? s : null }).toEqual({ table: table_name, found: null });
      }
    });
  });

  it("answers exactly as each app's OpenAPI document says", async () => {
    const hubSchemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const nodeSchemas = await AnswerSchemas.of(mesh.node(HOLME).anonymous());
    const [one] = (await admin(HOLME).get('/time-bank/across-coops').expect(200)).body.items;
    const hubAnswers: [string, unknown][] = [
      ['GET /time-clearing/limit', (await staff().get('/time-clearing/limit').expect(200)).body],
      ['GET /time-clearing/balances', await hubBalances()],
      ['GET /time-clearing/exchanges', (await staff().get('/time-clearing/exchanges').expect(200)).body],
      ['GET /time-clearing/transfers', (await staff().get('/time-clearing/transfers').expect(200)).body],
    ];
    for (const [route, body] of hubAnswers)
      expect({ route, problems: hubSchemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
    const nodeAnswers: [string, number, unknown][] = [
      ['GET /time-bank/across-coops', 200, (await admin(HOLME).get('/time-bank/across-coops').expect(200)).body],
      ['GET /time-bank/across-coops/{id}', 200, await transfer(HOLME, one.id)],
      ['GET /time-bank/summary', 200, (await admin(HOLME).get('/time-bank/summary').expect(200)).body],
      ['GET /time-bank/transfers', 200, (await admin(HOLME).get('/time-bank/transfers').expect(200)).body],
      [
        'POST /time-bank/payment-codes',
        201,
        (await admin(HOLME).post('/time-bank/payment-codes').send({ volunteerId: holmePayer }).expect(201)).body,
      ],
    ];
    for (const [route, status, body] of nodeAnswers)
      expect({ route, problems: nodeSchemas.problems(route, status, body) }).toEqual({ route, problems: [] });
  });
});
