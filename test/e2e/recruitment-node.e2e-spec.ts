import { randomUUID } from 'node:crypto';

import { connect, NatsConnection, Subscription } from 'nats';

import {
  buildMessage,
  encodeMessage,
  Envelope,
  HUB_RECEIPT_V1,
  MessageDefinition,
  RECRUITMENT_APPLICATION_SEALED_V1,
  RECRUITMENT_HIRE_ANSWERED_V1,
  RECRUITMENT_MATCHES_ANSWERED_V1,
  RECRUITMENT_MATCHES_ASK,
  RecruitmentMatchesAnswerV1,
  RecruitmentMatchesRequestV1,
  subjectScheme,
} from '@app/contracts';
import { newCurveKey, sealFor } from '@app/federation';

import { aVacancy } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

interface VacancyChanged {
  vacancyId: string;
  revision: number;
  state: string;
  paysRealLivingWage: boolean;
  startsOn: string;
  role: string;
  contractType: string;
  minutesPerWeek: number;
  hourlyPayPence: number;
  locality: string;
}

/**
 * The co-op node's side of hiring from the consortium's pool, on a real node over NATS: pooling
 * vacancies (and what the hub is told), the matches asked of the hub live, requests to hire and how
 * the hub's receipts and the candidate's answers move them, the sealed application opened with this
 * node's key alone and recorded once, and the applicant hired into staff or erased. The hub does not
 * handle these messages in this suite: where the hub's part matters, the test plays the hub, signing
 * with its key and publishing on its stream, as the hub's relay does.
 */
describe('recruitment on a co-op node', () => {
  const mesh = new TestMesh();
  const COOP = 'holme-hiring';
  const admin = mesh.node(COOP).as('coop-admin');
  const scheme = () => subjectScheme(mesh.root);
  const today = () => ukDay();
  const day = (offsetDays: number) => ukDay(offsetDays);
  const MISSING = '5d1c4a8e-9b7f-4e21-a3c6-0f2e8d9b1a47';
  let nc: NatsConnection;

  const openVacancy = async (overrides: object = {}) =>
    (await admin.post('/vacancies').send(aVacancy(overrides)).expect(201)).body.id as string;
  const pooledVacancy = async (overrides: object = {}) => {
    const id = await openVacancy(overrides);
    await admin.put(`/vacancies/${id}/pool`).send({}).expect(200);
    return id;
  };
  const requestHire = async (vacancyId: string, profileId: string = randomUUID()) =>
    (await admin.post('/hire-requests').send({ vacancyId, profileId }).expect(201)).body as { id: string; status: string };
  const requestOf = async (id: string) => (await admin.get(`/hire-requests/${id}`).expect(200)).body;

  const poolMessages = async (vacancyId: string) =>
    (
      await mesh.nodeQuery<{ payload: VacancyChanged }>(
        COOP,
        `SELECT envelope -> 'payload' AS payload FROM outbox_message
          WHERE type = 'recruitment.vacancy-changed' AND envelope -> 'payload' ->> 'vacancyId' = $1
          ORDER BY (envelope -> 'payload' ->> 'revision')::int`,
        [vacancyId],
      )
    ).map((r) => r.payload);
  const hireRequestedMessage = async (requestId: string) =>
    (
      await mesh.nodeQuery<{ id: string; payload: object; status: string }>(
        COOP,
        `SELECT id, envelope -> 'payload' AS payload, status FROM outbox_message
          WHERE type = 'recruitment.hire-requested' AND envelope -> 'payload' ->> 'requestId' = $1`,
        [requestId],
      )
    )[0];

  /** Everything the hiring touches on the node, to show a refusal changed none of it (a refused message's receipt aside). */
  const stored = async () =>
    (
      await mesh.nodeQuery(
        COOP,
        `SELECT (SELECT json_agg(v ORDER BY id) FROM vacancy v) AS vacancies,
                (SELECT json_agg(r ORDER BY id) FROM hire_request r) AS requests,
                (SELECT json_agg(a ORDER BY id) FROM applicant a) AS applicants,
                (SELECT json_agg(s ORDER BY id) FROM staff s) AS staff,
                (SELECT count(*)::int FROM outbox_message WHERE type <> 'federation.receipt') AS outbox`,
      )
    )[0];
  const refusedNaming = async (req: Promise<{ status: number; body: { message: string[] | string } }>, fields: string[]) => {
    const before = await stored();
    const res = await req;
    expect(res.status).toBe(400);
    const text = ([] as string[]).concat(res.body.message).join('; ');
    for (const f of fields) expect(text).toContain(f);
    expect(await stored()).toEqual(before);
  };

  /** Plays the hub: a message signed with the hub's key on the hub's stream, as its relay publishes it. */
  const publish = (envelope: Envelope<object>, msgID = envelope.id) =>
    nc.jetstream().publish(scheme().hubMessage(COOP, envelope.type), encodeMessage(envelope), { msgID });
  const deliver = async <P extends object>(def: MessageDefinition<P>, payload: P): Promise<Envelope<P>> => {
    const envelope = mesh.hubSigner.sign(buildMessage(def, payload, { coopId: COOP }));
    await publish(envelope as Envelope<object>);
    return envelope;
  };
  const verdict = (messageId: string) =>
    waitFor(
      `the node's verdict on message ${messageId}`,
      async () =>
        (
          await mesh.nodeQuery<{ outcome: string; reason: string | null }>(
            COOP,
            'SELECT outcome, reason FROM inbox_message WHERE message_id = $1',
            [messageId],
          )
        )[0],
      (r) => r !== undefined && r.outcome !== 'pending',
    );

  const APPLICATION = {
    fullName: 'Tamsin Oakenshaw',
    email: 'tamsin.oakenshaw@example.org',
    phone: '07700 900517',
    localities: ['Holmfirth', 'Honley'],
    rolesSought: ['care-worker', 'senior-carer'],
    minutesPerWeek: 1200,
    contractTypes: ['permanent'],
    earliestStart: '2027-01-04',
    rightToWork: { evidence: 'british-or-irish-passport', expiresOn: null },
    dbs: { status: 'clear', certificateDate: '2025-03-14', onUpdateService: true },
    drivingLicence: true,
    hasCar: false,
    languages: ['English', 'Polish'],
    statement: 'Two winters helping my neighbour on Cartworth Moor taught me to listen before I lift.',
    requiresRealLivingWage: true,
    consent: { wordingVersion: 'hire-2026-11', givenAt: '2026-12-01T10:00:00.000Z' },
  };
  const sealedApplication = (requestId: string, vacancyId: string, content: object = APPLICATION, sealedFor = mesh.sealingKeyOf(COOP)) => ({
    requestId,
    vacancyId,
    recipientKey: mesh.sealingKeyOf(COOP),
    ...sealFor(sealedFor, content),
  });

  beforeAll(async () => {
    nc = await connect({ servers: mesh.natsUrl });
    await mesh.startHub();
    await mesh.startNode(COOP);
    await mesh.registered(COOP);
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await mesh.dispose();
  });

  describe('pooling a vacancy', () => {
    it('pools an open vacancy from today by default, telling the pool its terms with revision 1', async () => {
      const id = await openVacancy({ hourlyPayPence: 1400, openedOn: '2026-09-01' });
      const pooled = (await admin.put(`/vacancies/${id}/pool`).send({}).expect(200)).body;
      expect(pooled).toMatchObject({ id, status: 'open', pooled: true, startsOn: today(), paidAtLeastRealLivingWage: true });
      expect(await poolMessages(id)).toEqual([
        {
          vacancyId: id,
          revision: 1,
          state: 'pooled',
          role: 'care-worker',
          contractType: 'permanent',
          minutesPerWeek: 1200,
          hourlyPayPence: 1400,
          paysRealLivingWage: true,
          locality: 'Marsden',
          startsOn: today(),
        },
      ]);
      expect((await admin.get(`/vacancies/${id}`).expect(200)).body).toEqual(pooled);
    });

    it('starts a vacancy that opens later on its opening day, and says when the pay is under the Real Living Wage', async () => {
      const id = await openVacancy({ hourlyPayPence: 1344, openedOn: day(40) });
      const pooled = (await admin.put(`/vacancies/${id}/pool`).send({}).expect(200)).body;
      expect(pooled).toMatchObject({ startsOn: day(40), paidAtLeastRealLivingWage: false });
      expect(await poolMessages(id)).toMatchObject([{ revision: 1, state: 'pooled', startsOn: day(40), paysRealLivingWage: false }]);
    });

    it('moves the start date by pooling again, takes it out of the pool, and closing a pooled vacancy tells the pool how', async () => {
      const id = await pooledVacancy();
      expect(
        (
          await admin
            .put(`/vacancies/${id}/pool`)
            .send({ startsOn: day(30) })
            .expect(200)
        ).body.startsOn,
      ).toBe(day(30));
      const out = (await admin.delete(`/vacancies/${id}/pool`).expect(200)).body;
      expect(out).toMatchObject({ status: 'open', pooled: false, startsOn: day(30) });
      const again = await admin.delete(`/vacancies/${id}/pool`).expect(409);
      expect(again.body.code).toBe('RECRUITMENT.VACANCY_NOT_POOLED');
      await admin.put(`/vacancies/${id}/pool`).send({}).expect(200);
      const closed = (await admin.patch(`/vacancies/${id}`).send({ status: 'withdrawn' }).expect(200)).body;
      expect(closed).toMatchObject({ status: 'withdrawn', pooled: false });
      expect((await poolMessages(id)).map((m) => [m.revision, m.state, m.startsOn])).toEqual([
        [1, 'pooled', today()],
        [2, 'pooled', day(30)],
        [3, 'unpooled', day(30)],
        [4, 'pooled', today()],
        [5, 'withdrawn', today()],
      ]);
      const closedOne = await admin.put(`/vacancies/${id}/pool`).send({}).expect(409);
      expect(closedOne.body.code).toBe('RECRUITMENT.VACANCY_NOT_OPEN');
    });

    it('closes a pooled vacancy as filled with the pool told, and tells the pool nothing about a vacancy never pooled', async () => {
      const pooled = await pooledVacancy();
      await admin.patch(`/vacancies/${pooled}`).send({ status: 'filled' }).expect(200);
      expect((await poolMessages(pooled)).map((m) => m.state)).toEqual(['pooled', 'filled']);
      const never = await openVacancy();
      await admin.patch(`/vacancies/${never}`).send({ status: 'filled' }).expect(200);
      expect(await poolMessages(never)).toEqual([]);
    });

    it('refuses a start in the past or before the vacancy opens, and an unknown vacancy, changing nothing', async () => {
      const id = await openVacancy({ openedOn: day(10) });
      const before = await stored();
      const past = await admin
        .put(`/vacancies/${id}/pool`)
        .send({ startsOn: day(-1) })
        .expect(400);
      expect(past.body).toMatchObject({ code: 'RECRUITMENT.STARTS_IN_PAST', message: expect.stringContaining(`startsOn ${day(-1)}`) });
      const early = await admin
        .put(`/vacancies/${id}/pool`)
        .send({ startsOn: day(9) })
        .expect(409);
      expect(early.body.code).toBe('RECRUITMENT.STARTS_BEFORE_OPENING');
      expect((await admin.put(`/vacancies/${MISSING}/pool`).send({}).expect(404)).body.code).toBe('WORKFORCE.VACANCY_NOT_FOUND');
      expect((await admin.delete(`/vacancies/${MISSING}/pool`).expect(404)).body.code).toBe('WORKFORCE.VACANCY_NOT_FOUND');
      expect(await stored()).toEqual(before);
    });
  });

  describe('bad input, field by field: 400 naming the field, nothing stored changed', () => {
    it('PUT /vacancies/:id/pool', async () => {
      const id = await openVacancy();
      await refusedNaming(admin.put(`/vacancies/${id}/pool`).send({ startsOn: '2027-02-30' }), ['startsOn must be a date, YYYY-MM-DD']);
      await refusedNaming(admin.put(`/vacancies/${id}/pool`).send({ startsOn: null }), ['startsOn must be a date, YYYY-MM-DD']);
      await refusedNaming(admin.put(`/vacancies/${id}/pool`).send({ startsOn: 20270104 }), ['startsOn must be a date, YYYY-MM-DD']);
      await refusedNaming(admin.put(`/vacancies/${id}/pool`).send({ pooled: true }), ['property pooled should not exist']);
      await refusedNaming(admin.put('/vacancies/not-a-uuid/pool').send({}), ['id']);
      await refusedNaming(admin.delete('/vacancies/not-a-uuid/pool'), ['id']);
      await refusedNaming(admin.get('/vacancies/not-a-uuid/matches'), ['id']);
    });

    it('POST /hire-requests and its lists', async () => {
      const id = await pooledVacancy();
      await refusedNaming(admin.post('/hire-requests').send({ vacancyId: 'v-1', profileId: 12 }), [
        'vacancyId must be a UUID',
        'profileId must be a UUID',
      ]);
      await refusedNaming(admin.post('/hire-requests').send({}), ['vacancyId must be a UUID', 'profileId must be a UUID']);
      await refusedNaming(admin.post('/hire-requests').send({ vacancyId: id, profileId: null }), ['profileId must be a UUID']);
      // A version-1 UUID: the hub's ids are all version 4.
      await refusedNaming(admin.post('/hire-requests').send({ vacancyId: id, profileId: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' }), [
        'profileId must be a UUID',
      ]);
      await refusedNaming(admin.post('/hire-requests').send({ vacancyId: id, profileId: randomUUID(), status: 'accepted' }), [
        'property status should not exist',
      ]);
      await refusedNaming(admin.get('/hire-requests?vacancyId=nope&status=hired&limit=0'), [
        'vacancyId must be a UUID',
        'status must be one of',
        'limit must not be less than 1',
      ]);
      await refusedNaming(admin.get('/hire-requests/not-a-uuid'), ['id']);
    });

    it('the applicant routes', async () => {
      const someone = randomUUID();
      await refusedNaming(
        admin.post(`/applicants/${someone}/hire`).send({ startedOn: '2027-13-01', contractedMinutesPerWeek: -1, hourlyPayPence: 0 }),
        [
          'startedOn must be a date, YYYY-MM-DD',
          'contractedMinutesPerWeek must not be less than 0',
          'hourlyPayPence must not be less than 1',
        ],
      );
      await refusedNaming(
        admin.post(`/applicants/${someone}/hire`).send({ startedOn: '2027-01-04', contractedMinutesPerWeek: 90.5, hourlyPayPence: '1400' }),
        ['contractedMinutesPerWeek must be an integer', 'hourlyPayPence must be an integer'],
      );
      await refusedNaming(
        admin
          .post(`/applicants/${someone}/hire`)
          .send({ startedOn: '2027-01-04', contractedMinutesPerWeek: null, hourlyPayPence: 100_001 }),
        ['contractedMinutesPerWeek must be an integer', 'hourlyPayPence must not be greater than 100000'],
      );
      await refusedNaming(admin.post(`/applicants/${someone}/hire`).send({ contractedMinutesPerWeek: 6001 }), [
        'startedOn must be a date, YYYY-MM-DD',
        'contractedMinutesPerWeek must not be greater than 6000',
      ]);
      await refusedNaming(admin.post(`/applicants/${someone}/hire`).send({ startedOn: '2027-01-04', role: 'manager' }), [
        'property role should not exist',
      ]);
      await refusedNaming(admin.get('/applicants?vacancyId=1&status=maybe&offset=-1'), [
        'vacancyId must be a UUID',
        'status must be one of',
        'offset must not be less than 0',
      ]);
      for (const path of ['/applicants/nope', '/applicants/nope/hire', '/applicants/nope/not-hired']) {
        const call =
          path.endsWith('/hire') || path.endsWith('/not-hired') ? admin.post(path).send({ startedOn: '2027-01-04' }) : admin.get(path);
        await refusedNaming(call, ['id']);
      }
      await refusedNaming(admin.delete('/applicants/nope'), ['id']);
      expect((await admin.get(`/applicants/${someone}`).expect(404)).body.code).toBe('RECRUITMENT.APPLICANT_NOT_FOUND');
      expect((await admin.get(`/hire-requests/${someone}`).expect(404)).body.code).toBe('RECRUITMENT.REQUEST_NOT_FOUND');
    });
  });

  describe('requests to hire, the hub running', () => {
    it('sends a request with its message in one go, and shows the hub refusing it with the reason', async () => {
      const vacancyId = await pooledVacancy();
      const profileId = randomUUID();
      const sent = (await admin.post('/hire-requests').send({ vacancyId, profileId }).expect(201)).body;
      expect(sent).toEqual({
        id: expect.any(String),
        vacancyId,
        profileId,
        status: 'sent',
        reason: null,
        requestedAt: expect.any(String),
        updatedAt: sent.requestedAt,
      });
      expect((await hireRequestedMessage(sent.id)).payload).toEqual({ requestId: sent.id, vacancyId, profileId });
      // The hub knows no such candidate (or, today, no such message): its rejected receipt refuses the request.
      const refused = await waitFor(
        'the hub to refuse the request',
        () => requestOf(sent.id),
        (r) => r.status === 'refused',
      );
      expect(refused.reason).toEqual(expect.any(String));
      expect(refused.reason.length).toBeGreaterThan(0);
      expect(refused.updatedAt >= refused.requestedAt).toBe(true);
      // A refused request does not stand in the way of asking again.
      await requestHire(vacancyId, profileId);
    });

    it('refuses locally a vacancy unknown, not pooled, or closed, and a second request still going, changing nothing', async () => {
      const before = await stored();
      const profileId = randomUUID();
      expect((await admin.post('/hire-requests').send({ vacancyId: MISSING, profileId }).expect(404)).body.code).toBe(
        'WORKFORCE.VACANCY_NOT_FOUND',
      );
      const unpooled = await openVacancy();
      expect((await admin.post('/hire-requests').send({ vacancyId: unpooled, profileId }).expect(409)).body.code).toBe(
        'RECRUITMENT.VACANCY_NOT_POOLED',
      );
      const closed = await pooledVacancy();
      await admin.patch(`/vacancies/${closed}`).send({ status: 'withdrawn' }).expect(200);
      expect((await admin.post('/hire-requests').send({ vacancyId: closed, profileId }).expect(409)).body.code).toBe(
        'RECRUITMENT.VACANCY_NOT_OPEN',
      );
      const vacancyId = await pooledVacancy();
      const first = await requestHire(vacancyId, profileId);
      const twice = await admin.post('/hire-requests').send({ vacancyId, profileId }).expect(409);
      expect(twice.body).toMatchObject({ code: 'RECRUITMENT.ALREADY_REQUESTED', message: expect.stringContaining('already sent') });
      const requests = (await mesh.nodeQuery(COOP, 'SELECT id FROM hire_request WHERE profile_id = $1', [profileId])).map((r) => r.id);
      expect(requests).toEqual([first.id]);
      expect((before.requests as unknown[] | null)?.length ?? 0).toBeLessThan(((await stored()).requests as unknown[]).length);
    });

    it('lists requests newest first, by vacancy and by status', async () => {
      const vacancyId = await pooledVacancy();
      const a = await requestHire(vacancyId);
      const b = await requestHire(vacancyId);
      const page = (await admin.get(`/hire-requests?vacancyId=${vacancyId}`).expect(200)).body;
      expect(page).toMatchObject({ total: 2, limit: 50, offset: 0 });
      expect(page.items.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
      const one = (await admin.get(`/hire-requests?vacancyId=${vacancyId}&limit=1&offset=1`).expect(200)).body;
      expect(one.items.map((r: { id: string }) => r.id)).toEqual([a.id]);
      await waitFor(
        'both refused by the hub',
        async () => (await admin.get(`/hire-requests?vacancyId=${vacancyId}&status=refused`).expect(200)).body.total,
        (n) => n === 2,
      );
      expect((await admin.get(`/hire-requests?vacancyId=${vacancyId}&status=sent`).expect(200)).body.total).toBe(0);
    });
  });

  describe('with the hub stopped, the test playing the hub', () => {
    let sub: Subscription | undefined;
    /** Answers the node's matches ask as the hub would, signed with the hub's key; `null` stays silent. */
    const playHubAnswering = async (answer: (q: RecruitmentMatchesRequestV1) => Omit<RecruitmentMatchesAnswerV1, 'askId'> | null) => {
      sub?.unsubscribe();
      sub = nc.subscribe(scheme().coopAsk(COOP, RECRUITMENT_MATCHES_ASK.name), {
        callback: (_e, msg) => {
          const asked = JSON.parse(Buffer.from(msg.data).toString('utf8')) as Envelope<RecruitmentMatchesRequestV1>;
          const body = answer(asked.payload);
          if (!body) return;
          // Built by hand, not by buildMessage, so that a test can answer what the contract refuses.
          const reply = {
            ...buildMessage(
              RECRUITMENT_MATCHES_ANSWERED_V1,
              {
                askId: asked.payload.askId,
                outcome: 'answered',
                vacancyId: asked.payload.vacancyId,
                matchedAt: new Date().toISOString(),
                matches: [],
              },
              { coopId: COOP, correlationId: asked.correlationId, causationId: asked.id },
            ),
            payload: { ...body, askId: asked.payload.askId },
          };
          msg.respond(encodeMessage(mesh.hubSigner.sign(reply)));
        },
      });
      await nc.flush();
    };

    beforeAll(() => mesh.stopHub(), 30_000);
    afterEach(() => {
      sub?.unsubscribe();
      sub = undefined;
    });

    describe('matches', () => {
      it("shows the hub's pseudonymous profiles for a pooled vacancy", async () => {
        const vacancyId = await pooledVacancy();
        const profileId = randomUUID();
        let asked: RecruitmentMatchesRequestV1 | undefined;
        await playHubAnswering((q) => {
          asked = q;
          return {
            outcome: 'answered',
            vacancyId: q.vacancyId,
            matchedAt: '2026-12-04T09:00:00.000Z',
            matches: [
              {
                profileId,
                rank: 1,
                score: 87,
                fit: { hours: 'as-wanted', availableByStart: true, checksValidOnStart: true },
                dbs: 'clear-on-update-service',
                drives: null,
                hoursBand: '16-30',
                languages: ['English'],
                requested: 'none',
              },
            ],
          };
        });
        const res = await admin.get(`/vacancies/${vacancyId}/matches`).expect(200);
        expect(asked).toEqual({ askId: expect.any(String), vacancyId });
        expect(res.body).toEqual({
          vacancyId,
          matchedAt: '2026-12-04T09:00:00.000Z',
          matches: [
            {
              profileId,
              rank: 1,
              score: 87,
              fit: { hours: 'as-wanted', availableByStart: true, checksValidOnStart: true },
              dbs: 'clear-on-update-service',
              drives: null,
              hoursBand: '16-30',
              languages: ['English'],
              requested: 'none',
            },
          ],
        });
      });

      it("answers 409 with the hub's reason when it refuses", async () => {
        const vacancyId = await pooledVacancy();
        await playHubAnswering((q) => ({
          outcome: 'refused',
          reason: 'the vacancy is not in the pool yet',
          vacancyId: q.vacancyId,
          matchedAt: new Date().toISOString(),
          matches: [],
        }));
        const res = await admin.get(`/vacancies/${vacancyId}/matches`).expect(409);
        expect(res.body).toMatchObject({
          code: 'RECRUITMENT.HUB_REFUSED',
          message: expect.stringContaining('the vacancy is not in the pool yet'),
        });
      });

      it('answers 503 saying nothing changed when the hub is not there, or silent', async () => {
        const vacancyId = await pooledVacancy();
        const before = await stored();
        const away = await admin.get(`/vacancies/${vacancyId}/matches`).expect(503);
        expect(away.body).toMatchObject({
          code: 'RECRUITMENT.HUB_UNREACHABLE',
          message: expect.stringMatching(/could not be reached.*nothing was changed/),
        });
        await playHubAnswering(() => null);
        const silent = await admin.get(`/vacancies/${vacancyId}/matches`).expect(503);
        expect(silent.body.message).toMatch(/did not answer/);
        await playHubAnswering(
          (q) =>
            ({
              outcome: 'answered',
              vacancyId: q.vacancyId,
              matchedAt: new Date().toISOString(),
              matches: [
                {
                  profileId: randomUUID(),
                  rank: 1,
                  score: 50,
                  dbs: null,
                  drives: null,
                  hoursBand: null,
                  languages: null,
                  requested: 'none',
                },
              ],
            }) as unknown as RecruitmentMatchesAnswerV1,
        );
        const malformed = await admin.get(`/vacancies/${vacancyId}/matches`).expect(503);
        expect(malformed.body.message).toMatch(/fit must be an object/);
        expect(await stored()).toEqual(before);
      }, 20_000);

      it('answers 404 for an unknown vacancy and 409 for one not in the pool, without asking the hub', async () => {
        let asked = 0;
        await playHubAnswering(() => {
          asked += 1;
          return null;
        });
        expect((await admin.get(`/vacancies/${MISSING}/matches`).expect(404)).body.code).toBe('WORKFORCE.VACANCY_NOT_FOUND');
        const unpooled = await openVacancy();
        expect((await admin.get(`/vacancies/${unpooled}/matches`).expect(409)).body.code).toBe('RECRUITMENT.VACANCY_NOT_POOLED');
        expect(asked).toBe(0);
      });
    });

    describe("the hub's receipts and the candidate's answers", () => {
      /** The hub's receipt for a request's message; a receipt settles the node's outbox row and is not itself kept in the inbox. */
      const receipt = async (requestId: string, outcome: 'applied' | 'rejected', reason?: string) => {
        const message = await waitFor('the request in the outbox', () => hireRequestedMessage(requestId), Boolean);
        await deliver(HUB_RECEIPT_V1, {
          messageId: message.id,
          messageType: 'recruitment.hire-requested',
          messageVersion: 1,
          outcome,
          ...(reason ? { reason } : {}),
        });
        return waitFor(
          `the receipt for ${requestId} settled`,
          () => hireRequestedMessage(requestId),
          (m) => m.status === (outcome === 'applied' ? 'confirmed' : 'rejected'),
        );
      };

      it('marks a request waiting once the hub applied it, and refused with the reason when it rejected it', async () => {
        const vacancyId = await pooledVacancy();
        const applied = await requestHire(vacancyId);
        await receipt(applied.id, 'applied');
        expect(await requestOf(applied.id)).toMatchObject({ status: 'waiting', reason: null });
        expect((await hireRequestedMessage(applied.id)).status).toBe('confirmed');
        const rejected = await requestHire(vacancyId);
        await receipt(rejected.id, 'rejected', 'RECRUITMENT.DECLINED_BEFORE: the candidate declined this co-op before');
        expect(await requestOf(rejected.id)).toMatchObject({
          status: 'refused',
          reason: 'RECRUITMENT.DECLINED_BEFORE: the candidate declined this co-op before',
        });
      });

      it("records the candidate's answer, never over an accepted request, and refuses an answer to a request never made", async () => {
        const vacancyId = await pooledVacancy();
        const profileId = randomUUID();
        const declined = await requestHire(vacancyId, profileId);
        await receipt(declined.id, 'applied');
        const answer = await deliver(RECRUITMENT_HIRE_ANSWERED_V1, { requestId: declined.id, outcome: 'declined' });
        expect(await verdict(answer.id)).toEqual({ outcome: 'applied', reason: null });
        expect((await requestOf(declined.id)).status).toBe('declined');
        // They said no to this co-op: not asked again, for this vacancy or another.
        const other = await pooledVacancy();
        expect((await admin.post('/hire-requests').send({ vacancyId: other, profileId }).expect(409)).body.code).toBe(
          'RECRUITMENT.DECLINED_BEFORE',
        );

        for (const outcome of ['withdrawn', 'closed'] as const) {
          const r = await requestHire(vacancyId);
          await verdict((await deliver(RECRUITMENT_HIRE_ANSWERED_V1, { requestId: r.id, outcome })).id);
          expect((await requestOf(r.id)).status).toBe(outcome);
        }

        const unknown = await deliver(RECRUITMENT_HIRE_ANSWERED_V1, { requestId: randomUUID(), outcome: 'declined' });
        expect(await verdict(unknown.id)).toEqual({ outcome: 'rejected', reason: expect.stringContaining('RECRUITMENT.UNKNOWN_REQUEST') });
      });
    });

    describe('the sealed application', () => {
      let vacancyId: string;
      let request: { id: string };

      beforeAll(async () => {
        vacancyId = await pooledVacancy({
          role: 'senior-carer',
          contractType: 'permanent',
          minutesPerWeek: 1500,
          hourlyPayPence: 1500,
          locality: 'Holmfirth',
        });
        request = await requestHire(vacancyId);
      });

      const refusedApplication = async (payload: ReturnType<typeof sealedApplication>, code: string) => {
        const before = await stored();
        const envelope = await deliver(RECRUITMENT_APPLICATION_SEALED_V1, payload);
        const v = await verdict(envelope.id);
        expect(v).toEqual({ outcome: 'rejected', reason: expect.stringContaining(code) });
        for (const personal of [APPLICATION.fullName, APPLICATION.email, APPLICATION.phone, 'Cartworth'])
          expect(v.reason).not.toContain(personal);
        expect(await stored()).toEqual(before);
      };

      it('refuses a box sealed for another key, and one addressed to another key', async () => {
        const stranger = newCurveKey().publicKey;
        await refusedApplication(sealedApplication(request.id, vacancyId, APPLICATION, stranger), 'RECRUITMENT.CANNOT_OPEN');
        await refusedApplication({ ...sealedApplication(request.id, vacancyId), recipientKey: stranger }, 'RECRUITMENT.NOT_FOR_THIS_NODE');
        const altered = sealedApplication(request.id, vacancyId);
        const bytes = Buffer.from(altered.sealed, 'base64');
        bytes[bytes.length - 1] ^= 1;
        await refusedApplication({ ...altered, sealed: bytes.toString('base64') }, 'RECRUITMENT.CANNOT_OPEN');
      });

      it('refuses content that is not a valid application, naming the field and never quoting it', async () => {
        await refusedApplication(
          sealedApplication(request.id, vacancyId, { ...APPLICATION, email: 'tamsin at example', rolesSought: ['chef'] }),
          'RECRUITMENT.INVALID_APPLICATION',
        );
        const invalid = await deliver(
          RECRUITMENT_APPLICATION_SEALED_V1,
          sealedApplication(request.id, vacancyId, { ...APPLICATION, consent: undefined, nickname: 'Tam' }),
        );
        const v = await verdict(invalid.id);
        expect(v.reason).toContain('consent');
        expect(v.reason).toContain('nickname');
        expect(v.reason).not.toContain('Tam"');
      });

      it('refuses an application for a request never made, or for another vacancy than the request', async () => {
        await refusedApplication(sealedApplication(randomUUID(), vacancyId), 'RECRUITMENT.UNKNOWN_REQUEST');
        const elsewhere = await openVacancy();
        await refusedApplication(sealedApplication(request.id, elsewhere), 'RECRUITMENT.OTHER_VACANCY');
      });

      it('records the applicant once, even delivered twice or sent again, and the request becomes accepted', async () => {
        const envelope = await deliver(RECRUITMENT_APPLICATION_SEALED_V1, sealedApplication(request.id, vacancyId));
        expect(await verdict(envelope.id)).toEqual({ outcome: 'applied', reason: null });
        // The same message again, as a republish carries it (the same bytes under another JetStream id).
        await publish(envelope as Envelope<object>, `${envelope.id}.2`);
        const again = await deliver(RECRUITMENT_APPLICATION_SEALED_V1, sealedApplication(request.id, vacancyId));
        expect(await verdict(again.id)).toEqual({ outcome: 'applied', reason: null });
        // The inbox answers a repeat with a second receipt, and applies nothing.
        await waitFor(
          'the repeat to be answered',
          async () =>
            (
              await mesh.nodeQuery<{ n: number }>(
                COOP,
                "SELECT count(*)::int AS n FROM outbox_message WHERE type = 'federation.receipt' AND envelope -> 'payload' ->> 'messageId' = $1",
                [envelope.id],
              )
            )[0].n,
          (n) => n === 2,
        );
        const rows = await mesh.nodeQuery<{ full_name: string }>(COOP, 'SELECT full_name FROM applicant WHERE hire_request_id = $1', [
          request.id,
        ]);
        expect(rows).toEqual([{ full_name: 'Tamsin Oakenshaw' }]);
        expect((await requestOf(request.id)).status).toBe('accepted');
        // The candidate's answer cannot undo an acceptance.
        await verdict((await deliver(RECRUITMENT_HIRE_ANSWERED_V1, { requestId: request.id, outcome: 'withdrawn' })).id);
        expect((await requestOf(request.id)).status).toBe('accepted');
      });

      it('lists the applicant without contact details, shows the whole application to the admin, and audits that read', async () => {
        const list = (await admin.get(`/applicants?vacancyId=${vacancyId}`).expect(200)).body;
        expect(list).toMatchObject({ total: 1, limit: 50, offset: 0 });
        const [line] = list.items;
        expect(line).toEqual({
          id: expect.any(String),
          fullName: 'Tamsin Oakenshaw',
          vacancyId,
          role: 'senior-carer',
          status: 'applicant',
          receivedAt: expect.any(String),
          erased: false,
        });
        expect(JSON.stringify(list)).not.toContain(APPLICATION.email);
        const whole = (await admin.get(`/applicants/${line.id}`).expect(200)).body;
        const { fullName, email, phone, consent, ...rest } = APPLICATION;
        expect(whole).toEqual({
          id: line.id,
          hireRequestId: request.id,
          vacancyId,
          role: 'senior-carer',
          fullName,
          email,
          phone,
          application: rest,
          consent,
          receivedAt: line.receivedAt,
          status: 'applicant',
          staffId: null,
          decidedAt: null,
          erased: false,
        });
        const trail = (await admin.get('/audit?action=/applicants').expect(200)).body.items;
        expect(trail.map((e: { action: string; target: string }) => [e.action, e.target])).toContainEqual([
          'GET /applicants/:id',
          `id=${line.id}`,
        ]);
        expect((await admin.get('/applicants?status=hired').expect(200)).body.items.map((a: { id: string }) => a.id)).not.toContain(
          line.id,
        );
      });

      it('hires the applicant into staff on the vacancy’s terms, fills the vacancy and tells the pool', async () => {
        const [{ id }] = (await admin.get(`/applicants?vacancyId=${vacancyId}`).expect(200)).body.items;
        const before = await stored();
        const noHours = await admin
          .post(`/applicants/${id}/hire`)
          .send({ startedOn: '2027-01-04', contractedMinutesPerWeek: 0 })
          .expect(409);
        expect(noHours.body.code).toBe('WORKFORCE.PERMANENT_WITHOUT_HOURS');
        expect(await stored()).toEqual(before);

        const hired = (await admin.post(`/applicants/${id}/hire`).send({ startedOn: '2027-01-04', hourlyPayPence: 1550 }).expect(200)).body;
        expect(hired.applicant).toMatchObject({ id, status: 'hired', staffId: hired.staffId, decidedAt: expect.any(String) });
        const staff = (await admin.get(`/staff/${hired.staffId}`).expect(200)).body;
        expect(staff).toMatchObject({
          fullName: 'Tamsin Oakenshaw',
          role: 'senior-carer',
          contractType: 'permanent',
          contractedMinutesPerWeek: 1500,
          hourlyPayPence: 1550,
          startedOn: '2027-01-04',
          locality: 'Holmfirth',
          leftOn: null,
        });
        expect((await admin.get(`/vacancies/${vacancyId}`).expect(200)).body).toMatchObject({
          status: 'filled',
          pooled: false,
          closedOn: today(),
        });
        expect((await poolMessages(vacancyId)).map((m) => m.state)).toEqual(['pooled', 'filled']);
        const twice = await admin.post(`/applicants/${id}/hire`).send({ startedOn: '2027-01-04' }).expect(409);
        expect(twice.body.code).toBe('RECRUITMENT.APPLICANT_DECIDED');
        expect((await admin.get('/applicants?status=hired').expect(200)).body.items.map((a: { id: string }) => a.id)).toContain(id);
      });

      it('records a decision not to hire, once', async () => {
        const other = await pooledVacancy();
        const r = await requestHire(other);
        await verdict(
          (await deliver(RECRUITMENT_APPLICATION_SEALED_V1, sealedApplication(r.id, other, { ...APPLICATION, fullName: 'Idris Penhale' })))
            .id,
        );
        const [{ id }] = (await admin.get(`/applicants?vacancyId=${other}`).expect(200)).body.items;
        expect((await admin.post(`/applicants/${id}/not-hired`).expect(200)).body).toMatchObject({ status: 'not-hired', staffId: null });
        expect((await admin.post(`/applicants/${id}/not-hired`).expect(409)).body.code).toBe('RECRUITMENT.APPLICANT_DECIDED');
        expect((await admin.get(`/vacancies/${other}`).expect(200)).body).toMatchObject({ status: 'open', pooled: true });
      });

      it("erases an applicant's every personal field, keeping the staff record of one hired", async () => {
        const other = await pooledVacancy();
        const r = await requestHire(other);
        const PERSON = {
          ...APPLICATION,
          fullName: 'Wilhelmina Scarth',
          email: 'w.scarth@example.org',
          phone: '07700 900999',
          statement: 'Ask me about Digley.',
        };
        await verdict((await deliver(RECRUITMENT_APPLICATION_SEALED_V1, sealedApplication(r.id, other, PERSON))).id);
        const [{ id }] = (await admin.get(`/applicants?vacancyId=${other}`).expect(200)).body.items;
        const erased = (await admin.delete(`/applicants/${id}`).expect(200)).body;
        expect(erased).toMatchObject({
          applicantId: id,
          label: `Erased applicant #${id.slice(0, 8)}`,
          erased: expect.arrayContaining(['email', 'phone']),
          kept: expect.any(Array),
        });
        expect((await admin.get(`/applicants/${id}`).expect(200)).body).toMatchObject({
          fullName: erased.label,
          email: null,
          phone: null,
          application: null,
          erased: true,
          status: 'not-hired',
        });
        const row = JSON.stringify(await mesh.nodeQuery(COOP, 'SELECT * FROM applicant WHERE id = $1', [id]));
        for (const personal of ['Wilhelmina', 'Scarth', 'w.scarth', '07700 900999', 'Digley', 'Holmfirth', 'Polish'])
          expect(row).not.toContain(personal);
        expect((await admin.delete(`/applicants/${id}`).expect(409)).body.code).toBe('RECRUITMENT.ALREADY_ERASED');
        expect((await admin.post(`/applicants/${id}/hire`).send({ startedOn: '2027-01-04' }).expect(409)).body.code).toBe(
          'RECRUITMENT.APPLICANT_ERASED',
        );
        // A repeat of the application finds the request accepted: the erased applicant does not come back.
        await verdict((await deliver(RECRUITMENT_APPLICATION_SEALED_V1, sealedApplication(r.id, other, PERSON))).id);
        expect(JSON.stringify(await mesh.nodeQuery(COOP, 'SELECT * FROM applicant'))).not.toContain('Scarth');

        const [hired] = (await admin.get('/applicants?status=hired').expect(200)).body.items;
        const staffId = (await admin.get(`/applicants/${hired.id}`).expect(200)).body.staffId;
        const gone = (await admin.delete(`/applicants/${hired.id}`).expect(200)).body;
        expect(gone.kept.join(' ')).toContain('staff record');
        expect((await admin.get(`/staff/${staffId}`).expect(200)).body.fullName).toBe('Tamsin Oakenshaw');
        expect((await admin.get(`/applicants/${hired.id}`).expect(200)).body).toMatchObject({ status: 'hired', staffId, erased: true });
      });

      it('refuses every application on a node without a curve key', async () => {
        await mesh.stopNode(COOP);
        await mesh.startNode(COOP, { NODE_CURVE_SEED: undefined as unknown as string });
        const vacancy = await pooledVacancy();
        const r = await requestHire(vacancy);
        await refusedApplication(sealedApplication(r.id, vacancy), 'RECRUITMENT.NO_CURVE_KEY');
      }, 60_000);
    });
  });
});
