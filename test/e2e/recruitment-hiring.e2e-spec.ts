import { randomUUID } from 'node:crypto';

import { connect, NatsConnection, Subscription } from 'nats';

import {
  buildMessage,
  encodeMessage,
  MessageDefinition,
  RECRUITMENT_HIRE_REQUESTED_V1,
  RECRUITMENT_MATCHES_ASK,
  RECRUITMENT_VACANCY_CHANGED_V1,
  RecruitmentVacancyChangedV1,
  subjectScheme,
} from '@app/contracts';
import { openSealed } from '@app/federation';

import { aVacancy } from '../support/builders';
import { candidateInPool, SignedInCandidate } from '../support/candidates';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { waitFor } from '../support/wait-for';

const HOLME = 'holme-valley';
const COLNE = 'colne-valley';

/**
 * The shared recruitment pool end to end on a real hub, two real nodes, PostgreSQL and NATS: a co-op
 * pools a vacancy, is shown the candidates who fit only as pseudonymous profiles, asks for one; the
 * candidate accepts; the application travels sealed for the hiring node alone, is recorded there once,
 * and the hub's copy ends only after the node's receipt. Every NATS message of the suite is read for
 * the candidates' personal data.
 */
describe('recruitment: hiring from the pool across the mesh', () => {
  const mesh = new TestMesh();
  const holme = () => mesh.node(HOLME).as('coop-admin');
  const colne = () => mesh.node(COLNE).as('coop-admin');
  const scheme = subjectScheme(mesh.root);

  /** Everything that crossed NATS during the suite, as text, to look for personal data in. */
  let tap: NatsConnection;
  let tapped: Subscription;
  const seen: { subject: string; text: string }[] = [];
  let vacancyId: string;
  const people: (SignedInCandidate & { application: { fullName: string; phone: string; statement: string } })[] = [];

  /** The personal strings of a candidate that must never cross NATS readable, nor stay on the hub after the hire. */
  const personal = (c: (typeof people)[number]) => [c.application.fullName, c.email, c.application.phone, c.application.statement];

  const hubRequest = (requestId: string) =>
    mesh.hubQuery<{ status: string; candidate_id: string | null; delivery_problem: string | null }>(
      'SELECT status, candidate_id, delivery_problem FROM hire_request WHERE id = $1',
      [requestId],
    );
  const nodeRequest = (coop: string, id: string) => mesh.node(coop).as('coop-admin').get(`/hire-requests/${id}`).expect(200);
  const waitForNodeStatus = (coop: string, id: string, status: string) =>
    waitFor(
      `request ${id} ${status} on ${coop}`,
      async () => (await nodeRequest(coop, id)).body.status,
      (s) => s === status,
    );
  const matches = async (coop = HOLME, vacancy = vacancyId) =>
    (await mesh.node(coop).as('coop-admin').get(`/vacancies/${vacancy}/matches`).expect(200)).body;
  const profileOf = async (candidate: SignedInCandidate) => {
    // The hub's own table says which id this co-op was shown for the candidate: the test's view, never the co-op's.
    const [row] = await mesh.hubQuery<{ profile_id: string }>(
      'SELECT profile_id FROM pool_profile WHERE coop_id = $1 AND candidate_id = $2',
      [HOLME, candidate.id],
    );
    return row?.profile_id;
  };
  const ask = async (candidate: SignedInCandidate) => {
    await matches();
    const profileId = await profileOf(candidate);
    expect(profileId).toBeDefined();
    const res = await holme().post('/hire-requests', { vacancyId, profileId }).expect(201);
    expect(res.body.status).toBe('sent');
    await waitForNodeStatus(HOLME, res.body.id, 'waiting');
    return res.body.id as string;
  };
  const hireWording = async () =>
    (
      (await mesh.hub().anonymous().get('/recruitment/consent-wordings').expect(200)).body as {
        kind: string;
        version: string;
        current: boolean;
      }[]
    ).find((w) => w.kind === 'hire' && w.current)!.version;

  const expectOpensForHolmeOnly = async (box: { senderKey: string; sealed: string }) => {
    expect(openSealed(mesh.curveSeedOf(COLNE), box.senderKey, box.sealed)).toBeNull();
    const opened = openSealed(mesh.curveSeedOf(HOLME), box.senderKey, box.sealed);
    expect(opened).not.toBeNull();
    expect(JSON.parse(new TextDecoder().decode(opened!)).consent.wordingVersion).toBe(await hireWording());
  };

  /** Reads every message both streams hold now (work queues: those not yet acknowledged) for personal data. */
  const expectStreamsUnreadable = async (sealedAtLeast: number) => {
    const nc = await connect({ servers: mesh.natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const sealed: { senderKey: string; sealed: string }[] = [];
      for (const stream of [scheme.coopStream(), scheme.hubStream()]) {
        const info = await jsm.streams.info(stream);
        for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
          const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
          if (!stored) continue;
          const text = Buffer.from(stored.data).toString('utf8');
          for (const p of people) for (const s of personal(p)) expect(text.includes(s) ? `${stream} #${seq} holds ${s}` : null).toBeNull();
          const envelope = JSON.parse(text);
          if (envelope.type === 'recruitment.application-sealed') sealed.push(envelope.payload);
        }
      }
      expect(sealed.length).toBeGreaterThanOrEqual(sealedAtLeast);
      for (const box of sealed) await expectOpensForHolmeOnly(box);
    } finally {
      await nc.close();
    }
  };

  /** Publishes, signed by Holme Valley, `good` with one field broken, and answers the hub's reason for dead-lettering it. */
  const refusalOf = async <P extends object>(def: MessageDefinition<P>, good: P, field: keyof P, value: unknown): Promise<string> => {
    // Built by hand: buildMessage refuses to build an invalid message.
    const envelope = mesh.signerOf(HOLME).sign({ ...buildMessage(def, good, { coopId: HOLME }), payload: { ...good, [field]: value } });
    const nc = await connect({ servers: mesh.natsUrl });
    try {
      await nc.jetstream().publish(scheme.coopMessage(HOLME, envelope.type), encodeMessage(envelope), { msgID: envelope.id });
    } finally {
      await nc.close();
    }
    const [letter] = await waitFor(
      `the hub to refuse ${String(field)}`,
      () => mesh.hubQuery<{ reason: string }>('SELECT reason FROM dead_letter WHERE message_id = $1', [envelope.id]),
      (rows) => rows.length === 1,
    );
    return letter.reason;
  };

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    // Every subject on the server: the suite's own, the nodes' reply inboxes, JetStream's API. Only the
    // text is kept, and only while the suite runs.
    tapped = tap.subscribe('>', { callback: (_e, m) => seen.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }) });
    await mesh.startHub();
    await mesh.startNode(HOLME, { COOP_LOCALITIES: 'Holmfirth,Honley' });
    await mesh.startNode(COLNE, { COOP_LOCALITIES: 'Marsden,Slaithwaite' });
    for (const coop of [HOLME, COLNE])
      await waitFor(
        `${coop}'s sealing key on the hub`,
        () => mesh.hubQuery<{ sealing_key: string | null }>('SELECT sealing_key FROM coop WHERE id = $1', [coop]),
        (rows) => rows[0]?.sealing_key === mesh.sealingKeyOf(coop),
      );
    for (const [i, extra] of [{}, { hasCar: false }, { minutesPerWeek: 900 }, {}].entries()) {
      people.push(
        await candidateInPool(mesh, `pool.person.${i}.${mesh.id}@example.org`, {
          localities: ['Holmfirth', 'Hade Edge'],
          phone: `07700 90${String(1000 + i).slice(-4)}`,
          statement: `Statement ${i} of ${mesh.id}: I have looked after my neighbour in Netherthong for years.`,
          ...extra,
        }),
      );
    }
    const opened = await holme()
      .post('/vacancies', aVacancy({ locality: 'Holmfirth', minutesPerWeek: 20 * 60, hourlyPayPence: 1400 }))
      .expect(201);
    vacancyId = opened.body.id;
  }, 120_000);

  afterAll(async () => {
    tapped?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  it('pools a vacancy: its terms reach the hub through the durable path, no name with them', async () => {
    const pooled = await holme().put(`/vacancies/${vacancyId}/pool`, { startsOn: '2031-02-03' }).expect(200);
    expect(pooled.body).toMatchObject({ id: vacancyId, pooled: true, startsOn: '2031-02-03' });
    const [row] = await waitFor(
      'the vacancy in the pool on the hub',
      () => mesh.hubQuery('SELECT * FROM pooled_vacancy WHERE coop_id = $1 AND vacancy_id = $2', [HOLME, vacancyId]),
      (rows) => rows[0]?.state === 'pooled',
    );
    expect(row).toMatchObject({
      role: 'care-worker',
      contract_type: 'permanent',
      minutes_per_week: 1200,
      hourly_pay_pence: 1400,
      locality: 'Holmfirth',
    });
  });

  it('shows the co-op the candidates who fit, ranked, as pseudonymous profiles only', async () => {
    const answer = await matches();
    expect(answer.vacancyId).toBe(vacancyId);
    expect(answer.matches).toHaveLength(4);
    expect(answer.matches.map((m: { rank: number }) => m.rank)).toEqual([1, 2, 3, 4]);
    const text = JSON.stringify(answer);
    for (const p of people) for (const s of [...personal(p), p.id, 'Hade Edge']) expect(text).not.toContain(s);
    for (const m of answer.matches) {
      expect(Object.keys(m).sort()).toEqual(['dbs', 'drives', 'fit', 'hoursBand', 'languages', 'profileId', 'rank', 'requested', 'score']);
      expect(m.requested).toBe('none');
    }
    // The lone candidate without a car cannot be told apart by it: three of four share what is shown of each.
    const drives = answer.matches.map((m: { drives: boolean | null }) => m.drives);
    expect(drives.filter((d: boolean | null) => d === false)).toHaveLength(0);
    // The same candidate is the same profile to the same co-op, and another to any other co-op.
    expect((await matches()).matches.map((m: { profileId: string }) => m.profileId).sort()).toEqual(
      answer.matches.map((m: { profileId: string }) => m.profileId).sort(),
    );
  });

  it("refuses a co-op another co-op's vacancy, over the ask and over the durable path", async () => {
    // On its own node the vacancy is unknown.
    await colne().get(`/vacancies/${vacancyId}/matches`).expect(404);
    // Straight to the hub, signed with its own key: refused with the reason.
    const nc = await connect({ servers: mesh.natsUrl });
    try {
      const request = mesh
        .signerOf(COLNE)
        .sign(buildMessage(RECRUITMENT_MATCHES_ASK.request, { askId: randomUUID(), vacancyId }, { coopId: COLNE }));
      const reply = await nc.request(scheme.coopAsk(COLNE, RECRUITMENT_MATCHES_ASK.name), encodeMessage(request), { timeout: 5000 });
      const answer = JSON.parse(Buffer.from(reply.data).toString('utf8'));
      expect(answer.payload).toMatchObject({ outcome: 'refused', matches: [] });
      expect(answer.payload.reason).toContain('not one of colne-valley');
      // A request to hire for it, with a profile id holme-valley was shown, is refused too, and nothing is made.
      const profileId = await profileOf(people[0]);
      const envelope = mesh
        .signerOf(COLNE)
        .sign(
          buildMessage(RECRUITMENT_HIRE_REQUESTED_V1, { requestId: randomUUID(), vacancyId, profileId: profileId! }, { coopId: COLNE }),
        );
      await nc.jetstream().publish(scheme.coopMessage(COLNE, envelope.type), encodeMessage(envelope), { msgID: envelope.id });
      const [inbox] = await waitFor(
        'the hub to refuse the request',
        () =>
          mesh.hubQuery<{ outcome: string; reason: string }>('SELECT outcome, reason FROM inbox_message WHERE message_id = $1', [
            envelope.id,
          ]),
        (rows) => rows.length === 1,
      );
      expect(inbox.outcome).toBe('rejected');
      expect(inbox.reason).toContain('RECRUITMENT.VACANCY_NOT_POOLED');
      expect(await hubRequest(envelope.payload.requestId)).toEqual([]);
    } finally {
      await nc.close();
    }
  });

  it('puts a request to the candidate, who alone sees it; a decline bars asking again', async () => {
    const [, declining] = people;
    const requestId = await ask(declining);
    const mine = await declining.client.get('/recruitment/me/requests').expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'waiting',
        vacancy: expect.objectContaining({ coopId: HOLME, vacancyId, locality: 'Holmfirth' }),
      }),
    ]);
    // Another candidate reaches neither the request nor an answer to it.
    await people[0].client.get(`/recruitment/me/requests/${requestId}`).expect(404);
    await people[0].client.post(`/recruitment/me/requests/${requestId}/decline`).expect(404);

    await declining.client.post(`/recruitment/me/requests/${requestId}/decline`).expect(200);
    await waitForNodeStatus(HOLME, requestId, 'declined');
    const profileId = await profileOf(declining);
    expect((await matches()).matches.find((m: { profileId: string }) => m.profileId === profileId).requested).toBe('declined');
    // The node knows of the decline and refuses at once; the hub would refuse it too, were the node to send it.
    const again = await holme().post('/hire-requests', { vacancyId, profileId }).expect(409);
    expect(again.body.code).toBe('RECRUITMENT.DECLINED_BEFORE');
    const forced = mesh
      .signerOf(HOLME)
      .sign(buildMessage(RECRUITMENT_HIRE_REQUESTED_V1, { requestId: randomUUID(), vacancyId, profileId: profileId! }, { coopId: HOLME }));
    const nc = await connect({ servers: mesh.natsUrl });
    try {
      await nc.jetstream().publish(scheme.coopMessage(HOLME, forced.type), encodeMessage(forced), { msgID: forced.id });
    } finally {
      await nc.close();
    }
    const [inbox] = await waitFor(
      'the hub to refuse asking again',
      () =>
        mesh.hubQuery<{ outcome: string; reason: string }>('SELECT outcome, reason FROM inbox_message WHERE message_id = $1', [forced.id]),
      (rows) => rows.length === 1,
    );
    expect(inbox).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('RECRUITMENT.DECLINED_BEFORE') });
    // An answer already given is not given again.
    await declining.client.post(`/recruitment/me/requests/${requestId}/accept`, { wordingVersion: await hireWording() }).expect(409);
  });

  it('ends a waiting request at once when the candidate withdraws from the pool', async () => {
    const withdrawing = people[2];
    const requestId = await ask(withdrawing);
    await withdrawing.client.delete('/recruitment/me/consents/pool').expect(204);
    expect((await hubRequest(requestId))[0].status).toBe('withdrawn');
    await waitForNodeStatus(HOLME, requestId, 'withdrawn');
    const profileId = await profileOf(withdrawing);
    expect((await matches()).matches.map((m: { profileId: string }) => m.profileId)).not.toContain(profileId);
  });

  it('refuses bad answers from the candidate, naming the field, and changes nothing', async () => {
    const c = people[0];
    const bad = await c.client.post(`/recruitment/me/requests/${randomUUID()}/accept`, { wordingVersion: 'pool-2026-01' }).expect(400);
    expect(bad.body.code).toBe('RECRUITMENT.WORDING_NOT_CURRENT');
    const unknownField = await c.client
      .post(`/recruitment/me/requests/${randomUUID()}/accept`, { wordingVersion: await hireWording(), extra: 1 })
      .expect(400);
    expect(JSON.stringify(unknownField.body)).toContain('extra');
    const missing = await c.client.post(`/recruitment/me/requests/${randomUUID()}/accept`, {}).expect(400);
    expect(JSON.stringify(missing.body)).toContain('wordingVersion');
    await c.client.post('/recruitment/me/requests/not-a-uuid/accept', { wordingVersion: await hireWording() }).expect(400);
    await c.client.post(`/recruitment/me/requests/${randomUUID()}/accept`, { wordingVersion: await hireWording() }).expect(404);
    await mesh.hub().as('consortium-staff').get('/recruitment/me/requests').expect(403);
    expect(
      await c.client
        .get('/recruitment/me/requests')
        .expect(200)
        .then((r) => r.body),
    ).toEqual([]);
  });

  it('sends the accepted application sealed for the hiring node alone; the node records it once; the hub ends its copy on the receipt', async () => {
    const hired = people[0];
    const requestId = await ask(hired);
    const accepted = await hired.client
      .post(`/recruitment/me/requests/${requestId}/accept`, { wordingVersion: await hireWording() })
      .expect(200);
    expect(accepted.body.status).toBe('accepted');

    const applicants = await waitFor(
      'the applicant on the hiring node',
      async (): Promise<{ id: string }[]> => (await holme().get('/applicants').expect(200)).body.items,
      (items) => items.length === 1,
    );
    const applicant = (await holme().get(`/applicants/${applicants[0].id}`).expect(200)).body;
    expect(applicant).toMatchObject({ fullName: hired.application.fullName, email: hired.email, phone: hired.application.phone });
    await waitForNodeStatus(HOLME, requestId, 'accepted');

    await waitFor(
      'the hire recorded on the hub',
      () => hubRequest(requestId),
      (rows) => rows[0]?.status === 'hired',
    );
    const [tomb] = await mesh.hubQuery('SELECT * FROM candidate WHERE id = $1', [hired.id]);
    expect(tomb).toMatchObject({ email: null, ended_as: 'hired', erased_at: expect.any(Date) });
    await hired.client.get('/recruitment/me/application').expect(404);
    // No other co-op received anything.
    expect(await mesh.nodeQuery(COLNE, 'SELECT * FROM applicant')).toEqual([]);
  });

  it('applies the application exactly once when the hub stops between sending it and its receipt, and erases only after the receipt', async () => {
    const last = people[3];
    const requestId = await ask(last);
    await mesh.stopNode(HOLME);
    await last.client.post(`/recruitment/me/requests/${requestId}/accept`, { wordingVersion: await hireWording() }).expect(200);
    await waitFor(
      'the sealed application published',
      () =>
        mesh.hubQuery<{ status: string }>(
          "SELECT status FROM outbox_message WHERE type = 'recruitment.application-sealed' ORDER BY created_at DESC LIMIT 1",
        ),
      (rows) => rows[0]?.status === 'published',
    );
    // The sealed application waits in the hub's stream for the stopped node: JetStream's store holds it, unreadable.
    await expectStreamsUnreadable(1);
    await mesh.stopHub();
    await mesh.startNode(HOLME, { COOP_LOCALITIES: 'Holmfirth,Honley' });
    await waitFor(
      'the applicant on the node while the hub is down',
      () => mesh.nodeQuery(HOLME, 'SELECT id FROM applicant WHERE hire_request_id = $1', [requestId]),
      (rows) => rows.length === 1,
    );
    // The hub has not had the receipt: the candidate's record is whole.
    expect((await mesh.hubQuery('SELECT email FROM candidate WHERE id = $1', [last.id]))[0].email).toBe(last.email);
    await mesh.startHub();
    await waitFor(
      'the hire on the hub',
      () => hubRequest(requestId),
      (rows) => rows[0]?.status === 'hired',
    );
    // The hub republished what had no receipt; the node applied it once.
    expect(await mesh.nodeQuery(HOLME, 'SELECT id FROM applicant WHERE hire_request_id = $1', [requestId])).toHaveLength(1);
    expect((await mesh.hubQuery('SELECT email, ended_as FROM candidate WHERE id = $1', [last.id]))[0]).toEqual({
      email: null,
      ended_as: 'hired',
    });
  });

  it("leaves none of a hired candidate's personal fields in the hub's database", async () => {
    const tables = await mesh.hubQuery<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { table_name } of tables) {
      const [row] = await mesh.hubQuery<{ text: string | null }>(`SELECT json_agg(t)::text AS text FROM "${table_name}" t`);
      for (const hired of [people[0], people[3]])
        for (const s of personal(hired))
          expect({ table: table_name, found: row.text?.includes(s) ?? false }).toEqual({ table: table_name, found: false });
    }
  });

  it("never carried a personal field readable over NATS, and the sealed application opens only with the hiring node's key", async () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const { text } of seen) for (const p of people) for (const s of personal(p)) expect(text.includes(s) ? s : null).toBeNull();
    // Every sealed application that crossed: it opens with the hiring node's key and no other.
    // Other suites share the server: only this suite's own subjects carry its sealed applications.
    const sealed = seen
      .filter((m) => m.subject.startsWith(`${mesh.root}.`) && m.text.includes('"type":"recruitment.application-sealed"'))
      .map((m) => JSON.parse(m.text).payload);
    expect(sealed.length).toBeGreaterThanOrEqual(2);
    for (const box of sealed) await expectOpensForHolmeOnly(box);
  });

  it("answers exactly as each app's OpenAPI document says", async () => {
    const hubSchemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const nodeSchemas = await AnswerSchemas.of(mesh.node(HOLME).anonymous());
    const declined = people[1];
    const [request] = (await declined.client.get('/recruitment/me/requests').expect(200)).body;
    const hubAnswers: [string, unknown][] = [
      ['GET /recruitment/me/requests', (await declined.client.get('/recruitment/me/requests').expect(200)).body],
      ['GET /recruitment/me/requests/{id}', (await declined.client.get(`/recruitment/me/requests/${request.id}`).expect(200)).body],
      ['GET /recruitment/me/matches', (await declined.client.get('/recruitment/me/matches').expect(200)).body],
      ['GET /recruitment/consent-wordings', (await mesh.hub().anonymous().get('/recruitment/consent-wordings').expect(200)).body],
    ];
    expect((hubAnswers[2][1] as { inPool: boolean; matches: unknown[] }).matches.length).toBeGreaterThan(0);
    for (const [route, body] of hubAnswers)
      expect({ route, problems: hubSchemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
    const [applicant] = (await holme().get('/applicants').expect(200)).body.items;
    const [hireRequest] = (await holme().get('/hire-requests').expect(200)).body.items;
    const nodeAnswers: [string, unknown][] = [
      ['GET /vacancies/{id}/matches', await matches()],
      ['GET /hire-requests', (await holme().get('/hire-requests').expect(200)).body],
      ['GET /hire-requests/{id}', (await holme().get(`/hire-requests/${hireRequest.id}`).expect(200)).body],
      ['GET /applicants', (await holme().get('/applicants').expect(200)).body],
      ['GET /applicants/{id}', (await holme().get(`/applicants/${applicant.id}`).expect(200)).body],
      ['GET /vacancies/{id}', (await holme().get(`/vacancies/${vacancyId}`).expect(200)).body],
    ];
    for (const [route, body] of nodeAnswers)
      expect({ route, problems: nodeSchemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
  });

  it('refuses a request to hire with a bad field, naming it, and makes nothing', async () => {
    const profileId = await profileOf(people[1]);
    const good = { requestId: randomUUID(), vacancyId, profileId: profileId! };
    const before = await mesh.hubQuery('SELECT * FROM hire_request ORDER BY id');
    for (const [field, value] of [
      ['requestId', 'not-a-uuid'],
      ['vacancyId', 42],
      ['profileId', null],
    ] as const)
      expect(await refusalOf(RECRUITMENT_HIRE_REQUESTED_V1, good, field, value)).toContain(field);
    expect(await mesh.hubQuery('SELECT * FROM hire_request ORDER BY id')).toEqual(before);
  });

  it('refuses a pooled vacancy message with a bad field, naming it, and keeps what it held', async () => {
    const good: RecruitmentVacancyChangedV1 = {
      vacancyId: randomUUID(),
      revision: 1,
      state: 'pooled',
      role: 'care-worker',
      contractType: 'permanent',
      minutesPerWeek: 600,
      hourlyPayPence: 1400,
      paysRealLivingWage: true,
      locality: 'Honley',
      startsOn: '2031-03-03',
    };
    const before = await mesh.hubQuery('SELECT * FROM pooled_vacancy ORDER BY vacancy_id');
    const bad: [keyof RecruitmentVacancyChangedV1, unknown][] = [
      ['vacancyId', 'nope'],
      ['revision', 0],
      ['state', 'open'],
      ['role', 'chef'],
      ['contractType', 'casual'],
      ['minutesPerWeek', -1],
      ['hourlyPayPence', 0],
      ['paysRealLivingWage', 'yes'],
      ['locality', 'X'],
      ['startsOn', '2031-02-30'],
    ];
    for (const [field, value] of bad) expect(await refusalOf(RECRUITMENT_VACANCY_CHANGED_V1, good, field, value)).toContain(field);
    expect(await mesh.hubQuery('SELECT * FROM pooled_vacancy ORDER BY vacancy_id')).toEqual(before);
  });
});
