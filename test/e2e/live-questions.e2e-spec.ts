import { connect, Msg, NatsConnection, nkeyAuthenticator } from 'nats';

import { buildMessage, encodeMessage, mondayOf, SPARE_CARE_HOURS_V1, SpareCareHoursAnswerV1, subjectScheme } from '@app/contracts';
import { nodeInboxPrefix } from '@app/federation';

import { hubNatsAuthorization } from '../../apps/consortium-hub/src/bootstrap';
import { natsAuthorization } from '../../apps/consortium-hub/src/registry/nats-authorization.rules';
import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';
import { TestNatsServer } from '../support/nats-server';
import { waitFor } from '../support/wait-for';

/**
 * Live questions end to end, on a nats-server running the authorization the hub writes from its
 * registry: each co-op may answer a question only once, on its reply subject, and nowhere else.
 */
describe('live question: spare care hours', () => {
  let server: TestNatsServer;
  let mesh: TestMesh;
  let tap: NatsConnection;
  const traffic: string[] = [];
  // Named so the registry's order (by name) is the order below.
  const A = 'almondbury';
  const B = 'batley';
  const SILENT = 'clayton'; // online, then stops: asked, never answers
  const NEVER = 'dewsbury'; // provisioned, never started: offline, not asked
  const SEEDED = [A, B];

  const staff = () => mesh.hub().as('consortium-staff');
  const ask = (body: object, auth = staff().authorization) =>
    mesh.hubHttp().post('/live-questions/spare-care-hours').set('Authorization', auth).send(body);
  const identity = (coopId: string) => ({
    authenticator: nkeyAuthenticator(new TextEncoder().encode(mesh.seedOf(coopId))),
    inboxPrefix: nodeInboxPrefix(coopId),
  });
  const querySubject = () => subjectScheme(mesh.root).query(SPARE_CARE_HOURS_V1.name);

  beforeAll(async () => {
    mesh = new TestMesh('nats://placeholder:1');
    server = await TestNatsServer.start(natsAuthorization(subjectScheme(mesh.root), mesh.hubSigner.publicKey, []));
    (mesh as { natsUrl: string }).natsUrl = server.url;
    // A long heartbeat timeout keeps a node that has just stopped "online", as one that died a moment ago would be.
    await mesh.startHub({ HEARTBEAT_TIMEOUT_MS: '60000' });
    for (const coop of [A, B, SILENT, NEVER]) await mesh.provision(coop);
    await server.reload(await hubNatsAuthorization(mesh.hubConfig()), async () => {
      try {
        await (await connect({ servers: server.url, ...identity(A), timeout: 3000 })).close();
        return true;
      } catch {
        return false;
      }
    });
    for (const [i, coop] of SEEDED.entries()) await seedNode(mesh.nodeConfig(coop), 31 + i);
    for (const coop of [A, B, SILENT]) await mesh.startNode(coop);
    await waitFor(
      'three co-ops online and registered',
      async () => (await staff().get('/coops?connectivity=online')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 3,
    );
    // Everything on the question subject and the hub's reply inboxes, to check that nothing personal goes.
    tap = await connect({ servers: server.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(mesh.hubSeed)) });
    tap.subscribe(`${mesh.root}.v1.query.>`, { callback: (_e, m) => traffic.push(Buffer.from(m.data).toString('utf8')) });
    tap.subscribe('_INBOX.>', { callback: (_e, m) => traffic.push(Buffer.from(m.data).toString('utf8')) });
    await tap.flush();
  });

  afterAll(async () => {
    await tap?.close();
    await mesh?.dispose();
    await server?.dispose();
  });

  it('asks every online co-op for this week and stops as soon as all have answered', async () => {
    const res = await ask({ deadlineMs: 15000 }).expect(200);
    expect(res.body).toMatchObject({ weekStart: mondayOf(new Date()), deadlineMs: 15000, asked: [A, B, SILENT], ignored: 0 });
    expect(res.body.elapsedMs).toBeLessThan(10_000);
    expect(res.body.replied.map((r: { coopId: string }) => r.coopId)).toEqual([A, B, SILENT]);
    expect(res.body.notReplied).toEqual([{ coopId: NEVER, name: `${NEVER} care co-op`, reason: 'offline' }]);
    // A co-op with no staff and no visits has nothing spare, and says so for each of its localities.
    expect(res.body.replied[2]).toEqual({
      coopId: SILENT,
      name: `${SILENT} care co-op`,
      totalSpareHours: 0,
      localities: [
        { locality: 'Marsden', spareHours: 0 },
        { locality: 'Slaithwaite', spareHours: 0 },
      ],
    });
    for (const coop of SEEDED)
      expect(res.body.replied.find((r: { coopId: string }) => r.coopId === coop)).toEqual(
        expect.objectContaining(await independently(coop, res.body.weekStart)),
      );
  });

  it("waits until the deadline for a co-op that does not answer, and totals what the nodes' own records give", async () => {
    await mesh.stopNode(SILENT);
    const weekStart = mondayOf(new Date(Date.now() - 21 * 86_400_000));
    const res = await ask({ weekStart, deadlineMs: 1500 }).expect(200);
    expect(res.body).toMatchObject({ weekStart, deadlineMs: 1500, asked: [A, B, SILENT], ignored: 0 });
    expect(res.body.elapsedMs).toBeGreaterThanOrEqual(1480);
    expect(res.body.notReplied).toEqual([
      { coopId: SILENT, name: `${SILENT} care co-op`, reason: 'no-answer-in-time' },
      { coopId: NEVER, name: `${NEVER} care co-op`, reason: 'offline' },
    ]);
    const own = await Promise.all(SEEDED.map((coop) => independently(coop, weekStart)));
    expect(res.body.replied.map((r: object) => ({ ...r, name: undefined }))).toEqual(own.map((o) => ({ ...o, name: undefined })));
    // A whole past week of visits: there is something to count.
    expect(own.every((o) => o.localities.some((l) => l.spareHours !== 0))).toBe(true);
    expect(res.body.total.spareHours).toBeCloseTo(own[0].totalSpareHours + own[1].totalSpareHours, 2);
    for (const locality of ['Marsden', 'Slaithwaite']) {
      const sum = own.reduce((s, o) => s + o.localities.find((l) => l.locality === locality)!.spareHours, 0);
      expect(res.body.total.perLocality.find((l: { locality: string }) => l.locality === locality).spareHours).toBeCloseTo(sum, 2);
    }
  });

  it('ignores forged, unsigned, malformed and wrong-question answers, and lets a co-op answer only once and only there', async () => {
    const weekStart = mondayOf(new Date(Date.now() - 14 * 86_400_000));
    const errors: string[] = [];
    // The silent co-op's own NATS identity (its node is down) answers in A's name, signed with its own key.
    const forger = await connect({ servers: server.url, ...identity(SILENT) });
    void (async () => {
      for await (const s of forger.status()) {
        const ctx = (s as { permissionContext?: { operation: string; subject: string } }).permissionContext;
        if (s.type === 'error' && ctx) errors.push(`${ctx.operation} ${ctx.subject}`);
      }
    })();
    let reply = '';
    const forgedAnswer = (m: Msg, coopId: string, over: Partial<SpareCareHoursAnswerV1> = {}) => {
      const question = JSON.parse(Buffer.from(m.data).toString('utf8'));
      return buildMessage(
        SPARE_CARE_HOURS_V1.answer,
        {
          questionId: question.questionId,
          coopId,
          weekStart: question.weekStart,
          localities: [{ locality: 'Marsden', spareHours: 9999 }],
          totalSpareHours: 9999,
          ...over,
        },
        { coopId },
      );
    };
    forger.subscribe(querySubject(), {
      callback: (_e, m) => {
        reply = m.reply!;
        m.respond(encodeMessage(mesh.signerOf(SILENT).sign(forgedAnswer(m, A))));
        m.respond(encodeMessage(mesh.signerOf(SILENT).sign(forgedAnswer(m, SILENT)))); // a second answer: refused by the server
        forger.publish(`_INBOX.${SILENT}.made-up`, encodeMessage(mesh.signerOf(SILENT).sign(forgedAnswer(m, SILENT)))); // not a reply subject: refused
      },
    });
    // With the hub's own identity (which may publish anywhere), the answers no co-op could sign.
    const sender = await connect({ servers: server.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(mesh.hubSeed)) });
    sender.subscribe(querySubject(), {
      callback: (_e, m) => {
        m.respond(encodeMessage(forgedAnswer(m, B))); // unsigned
        m.respond(Buffer.from('{"coopId":"batley", "totalSpareHours": 9999')); // not JSON
        m.respond(encodeMessage(mesh.signerOf(B).sign(forgedAnswer(m, B, { questionId: '6f1b8f5e-6a43-4b8e-9f5c-2b7c7e4a9d10' })))); // B's key, another question
        m.respond(encodeMessage(mesh.signerOf(B).sign(forgedAnswer(m, B, { weekStart: '2020-01-06' })))); // B's key, another week
      },
    });
    await Promise.all([forger.flush(), sender.flush()]);
    try {
      const res = await ask({ weekStart, deadlineMs: 2000 }).expect(200);
      expect(res.body.ignored).toBe(5);
      expect(res.body.replied.map((r: object) => ({ ...r, name: undefined }))).toEqual(
        (await Promise.all(SEEDED.map((c) => independently(c, weekStart)))).map((o) => ({ ...o, name: undefined })),
      );
      expect(res.body.total.spareHours).toBeLessThan(9999);
      expect(res.body.notReplied.map((n: { coopId: string }) => n.coopId)).toEqual([SILENT, NEVER]);
      await waitFor(
        'the server to refuse the second answer and the made-up subject',
        () => errors.join('\n'),
        (e) => e.includes(`publish ${reply}`) && e.includes(`publish _INBOX.${SILENT}.made-up`),
      );
      expect(errors.filter((e) => e === `publish ${reply}`)).toHaveLength(1);
    } finally {
      await forger.close();
      await sender.close();
    }
  });

  it('still confines a co-op: it cannot publish a question, nor read the answers of others', async () => {
    const errors: string[] = [];
    const a = await connect({ servers: server.url, ...identity(A) });
    void (async () => {
      for await (const s of a.status()) {
        const ctx = (s as { permissionContext?: { operation: string; subject: string } }).permissionContext;
        if (s.type === 'error' && ctx) errors.push(`${ctx.operation} ${ctx.subject}`);
      }
    })();
    try {
      a.publish(querySubject(), Buffer.from('{}'));
      a.subscribe('_INBOX.>');
      await waitFor(
        'both refused',
        () => errors.join('\n'),
        (e) => e.includes(`publish ${querySubject()}`) && e.includes('subscription _INBOX.>'),
      );
    } finally {
      await a.close();
    }
  });

  it('sends hours only: no name, id or address of a person or carer crosses NATS', async () => {
    expect(traffic.length).toBeGreaterThan(6);
    for (const coop of SEEDED) {
      const people = await mesh.nodeQuery<{ v: string }>(
        coop,
        `SELECT id::text AS v FROM staff UNION ALL SELECT full_name FROM staff UNION ALL SELECT id::text FROM service_user UNION ALL SELECT full_name FROM service_user UNION ALL SELECT address FROM service_user UNION ALL SELECT id::text FROM visit`,
      );
      const all = traffic.join('\n');
      expect(people.map((p) => p.v).filter((v) => all.includes(v))).toEqual([]);
    }
  });

  it('refuses a week that is not a Monday, a deadline out of bounds and unknown fields, naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{ weekStart: '2026-03-31' }, /weekStart must be a Monday/],
      [{ weekStart: '2026-02-30' }, /weekStart must be a Monday/],
      [{ weekStart: 'this week' }, /weekStart must be a Monday/],
      [{ weekStart: null }, /weekStart must be a Monday/],
      [{ deadlineMs: 199 }, /deadlineMs must be a whole number of milliseconds from 200 to 15000/],
      [{ deadlineMs: 15001 }, /deadlineMs must be a whole number/],
      [{ deadlineMs: 1000.5 }, /deadlineMs must be a whole number/],
      [{ deadlineMs: '3000' }, /deadlineMs must be a whole number/],
      [{ locality: 'Marsden' }, /property locality should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await ask(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    await ask({}, `Bearer ${mesh.hubToken('commissioner')}`).expect(200);
    await ask({}, `Bearer ${mesh.hubToken('coop', A)}`).expect(403);
  });

  /**
   * The node's figures worked out here from its raw rows, in plain JavaScript rather than the node's
   * SQL: per carer, contracted less planned minutes, shared across localities by where their visits are.
   */
  async function independently(
    coopId: string,
    weekStart: string,
  ): Promise<{ coopId: string; totalSpareHours: number; localities: { locality: string; spareHours: number }[] }> {
    const days = Array.from({ length: 7 }, (_, i) => new Date(Date.parse(weekStart) + i * 86_400_000).toISOString().slice(0, 10));
    const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const [{ localities }] = await mesh.nodeQuery<{ localities: string[] }>(coopId, 'SELECT localities FROM coop_profile');
    const staffRows = await mesh.nodeQuery<{ id: string; minutes: number; started_on: string; left_on: string | null }>(
      coopId,
      'SELECT id, contracted_minutes_per_week AS minutes, started_on::text, left_on::text FROM staff',
    );
    const visits = (
      await mesh.nodeQuery<{ carer_id: string; minutes: number; status: string; planned_start: Date; locality: string }>(
        coopId,
        'SELECT v.carer_id, v.planned_minutes AS minutes, v.status, v.planned_start, su.locality FROM visit v JOIN service_user su ON su.id = v.service_user_id',
      )
    ).filter((v) => v.status !== 'cancelled' && days.includes(londonDay.format(v.planned_start)));
    const contracted = new Map(
      staffRows.filter((s) => s.started_on <= days[6] && (s.left_on === null || s.left_on >= days[0])).map((s) => [s.id, s.minutes]),
    );
    const plannedBy = new Map<string, Map<string, number>>();
    for (const v of visits) {
      const mine = plannedBy.get(v.carer_id) ?? new Map<string, number>();
      mine.set(v.locality, (mine.get(v.locality) ?? 0) + v.minutes);
      plannedBy.set(v.carer_id, mine);
    }
    const spareByLocality = new Map<string, number>();
    for (const [carer, byLocality] of plannedBy) {
      const planned = [...byLocality.values()].reduce((a, b) => a + b, 0);
      const spare = (contracted.get(carer) ?? 0) - planned;
      for (const [locality, minutes] of byLocality)
        spareByLocality.set(locality, (spareByLocality.get(locality) ?? 0) + (spare * minutes) / planned);
    }
    const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100 || 0;
    const totalPlanned = visits.reduce((s, v) => s + v.minutes, 0);
    return {
      coopId,
      totalSpareHours: hours([...contracted.values()].reduce((a, b) => a + b, 0) - totalPlanned),
      localities: localities.map((locality) => ({ locality, spareHours: hours(spareByLocality.get(locality) ?? 0) })),
    };
  }
});
