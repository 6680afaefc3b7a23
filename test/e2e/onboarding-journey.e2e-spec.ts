import { randomUUID } from 'node:crypto';

import { connect } from 'nats';

import {
  buildMessage,
  encodeMessage,
  Envelope,
  MessageDefinition,
  ONBOARDING_SPIN_OFF_PROPOSED_V1,
  ONBOARDING_TEMPLATES_SHARED_V1,
  OnboardingSpinOffProposedV1,
  OnboardingTemplatesSharedV1,
  subjectScheme,
} from '@app/contracts';
import { addDays } from '@app/platform';

import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { waitFor } from '../support/wait-for';

const COLNE = 'colne-valley';
const HOLME = 'holme-valley';
/** A member the suite suspends, and one that has left: neither may sponsor. */
const SUSPENDED = 'slaithwaite';
const LEFT = 'marsden';

/** The consortium's today, as the hub counts days for evidence (Europe/London). */
const londonDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
/** The London day n calendar days before today (not n × 24 hours, which across a clock change can land on the same day). */
const daysAgo = (n: number) => addDays(londonDay(new Date()), -n);

/**
 * Strawberry-patch onboarding on a real hub, PostgreSQL and NATS: a sponsor's node proposes a spin-off
 * (the node's message published here, signed with the sponsor's key, as its node would), staff enter
 * another, the stages close with evidence in order and reopen with reasons, and the registry's status
 * and its history follow.
 */
describe('onboarding: proposing a spin-off and its journey', () => {
  const mesh = new TestMesh();
  const staff = () => mesh.hub().as('consortium-staff');
  const commissioner = () => mesh.hub().as('commissioner');
  const scheme = subjectScheme(mesh.root);
  let schemas: AnswerSchemas;

  const expectAnswer = (route: string, status: number, body: unknown) => expect(schemas.problems(route, status, body)).toEqual([]);

  const publish = async (coopId: string, envelope: Envelope<object>) => {
    const nc = await connect({ servers: mesh.natsUrl });
    try {
      await nc.jetstream().publish(scheme.coopMessage(coopId, envelope.type), encodeMessage(envelope), { msgID: envelope.id });
    } finally {
      await nc.close();
    }
  };

  /** Sends a message as the co-op's node would (signed with its key, on JetStream) and answers the hub's receipt. */
  const send = async <P extends object>(def: MessageDefinition<P>, payload: P, from = COLNE) => {
    const envelope = mesh.signerOf(from).sign(buildMessage(def, payload, { coopId: from }));
    await publish(from, envelope);
    const [receipt] = await waitFor(
      `the hub's receipt for ${def.type}`,
      () =>
        mesh.hubQuery<{ outcome: string; reason: string | null }>(
          `SELECT envelope->'payload'->>'outcome' AS outcome, envelope->'payload'->>'reason' AS reason
             FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`,
          [envelope.id],
        ),
      (rows) => rows.length === 1,
    );
    return receipt;
  };

  /** Publishes `good` with one field broken (built by hand: buildMessage refuses an invalid one) and answers the dead letter's reason. */
  const refusalOf = async <P extends object>(def: MessageDefinition<P>, good: P, field: keyof P, value: unknown): Promise<string> => {
    const envelope = mesh.signerOf(COLNE).sign({ ...buildMessage(def, good, { coopId: COLNE }), payload: { ...good, [field]: value } });
    await publish(COLNE, envelope);
    const [letter] = await waitFor(
      `the hub to refuse ${String(field)}`,
      () => mesh.hubQuery<{ reason: string }>('SELECT reason FROM dead_letter WHERE message_id = $1', [envelope.id]),
      (rows) => rows.length === 1,
    );
    return letter.reason;
  };

  const proposal = (over: Partial<OnboardingSpinOffProposedV1> = {}): OnboardingSpinOffProposedV1 => ({
    proposalId: randomUUID(),
    coopId: 'huddersfield',
    name: 'Huddersfield Care Co-op',
    localities: ['Lindley', 'Marsh'],
    services: ['personal-care', 'befriending'],
    runner: { displayName: 'Amira Shah', roleTitle: 'senior carer', publicEmail: 'amira@colnevalley.coop' },
    targets: { registeredBy: '2031-09-30', tradingBy: '2032-03-31' },
    ...over,
  });

  const templates = (over: Partial<OnboardingTemplatesSharedV1> = {}): OnboardingTemplatesSharedV1 => ({
    spinOffCoopId: 'huddersfield',
    rulebook: { quorumPercent: 10, boardSeats: { worker: 2, 'service-user-or-family': 2 } },
    policies: [
      { key: 'safeguarding-adults', title: 'Safeguarding adults', version: 3, text: 'How we keep the people we support safe.' },
      { key: 'lone-working', title: 'Lone working', version: 1, text: 'Check in before and after each visit.' },
    ],
    ...over,
  });

  const entry = (over: Record<string, unknown> = {}) => ({
    coopId: 'kirkburton',
    name: 'Kirkburton Care Co-op',
    sponsorCoopId: HOLME,
    localities: ['Kirkburton', 'Shepley'],
    services: ['personal-care'],
    runner: { displayName: 'Tom Firth', publicPhone: '01484 000111' },
    targets: { tradingBy: '2032-06-30' },
    ...over,
  });

  const journeyOf = async (coopId: string): Promise<string> => {
    const [row] = await mesh.hubQuery<{ id: string }>('SELECT id FROM onboarding_journey WHERE coop_id = $1', [coopId]);
    return row.id;
  };
  const journey = async (id: string) => (await staff().get(`/onboarding/journeys/${id}`).expect(200)).body;
  const coop = async (id: string) => (await staff().get(`/coops/${id}`).expect(200)).body;
  const history = async (id: string) => (await staff().get(`/coops/${id}/status-history`).expect(200)).body;
  const close = (
    id: string,
    stage: string,
    evidence: object = { what: `Evidence for ${stage}`, reference: `REF-${stage}`, date: daysAgo(0) },
  ) => staff().post(`/onboarding/journeys/${id}/stages/${stage}/close`, { evidence });
  const reopen = (id: string, stage: string, reason = `Reopened ${stage}`) =>
    staff().post(`/onboarding/journeys/${id}/stages/${stage}/reopen`, { reason });

  /** What any refused request must leave as it was. */
  const state = () =>
    Promise.all([
      mesh.hubQuery('SELECT id, name, status, sponsor_coop_id FROM coop ORDER BY id'),
      mesh.hubQuery('SELECT * FROM onboarding_journey ORDER BY id'),
      mesh.hubQuery('SELECT * FROM onboarding_stage_event ORDER BY id'),
      mesh.hubQuery('SELECT * FROM onboarding_template ORDER BY journey_id'),
      mesh.hubQuery('SELECT * FROM coop_status_change ORDER BY id'),
      mesh.hubQuery("SELECT id FROM outbox_message WHERE type <> 'federation.receipt' ORDER BY id"),
    ]);

  beforeAll(async () => {
    await mesh.startHub();
    for (const c of [COLNE, HOLME, SUSPENDED, LEFT]) await mesh.provision(c);
    await staff().patch(`/coops/${SUSPENDED}/status`, { status: 'suspended', note: 'Lost its CQC registration' }).expect(204);
    await staff().patch(`/coops/${LEFT}/status`, { status: 'left' }).expect(204);
    schemas = await AnswerSchemas.of(mesh.hub().anonymous());
  });
  afterAll(() => mesh.dispose());

  describe("a proposal from the sponsor's node", () => {
    let proposed: OnboardingSpinOffProposedV1;

    it('puts the spin-off in the registry as proposed under its sponsor, and starts its journey', async () => {
      proposed = proposal();
      expect(await send(ONBOARDING_SPIN_OFF_PROPOSED_V1, proposed)).toEqual({ outcome: 'applied', reason: null });
      expect(await coop('huddersfield')).toMatchObject({
        name: 'Huddersfield Care Co-op',
        status: 'proposed',
        sponsorCoopId: COLNE,
        localities: ['Lindley', 'Marsh'],
        servicesOffered: ['personal-care', 'befriending'],
      });
      const [{ public_key }] = await mesh.hubQuery<{ public_key: string | null }>("SELECT public_key FROM coop WHERE id = 'huddersfield'");
      expect(public_key).toBeNull();
      const id = await journeyOf('huddersfield');
      const body = await journey(id);
      expectAnswer('GET /onboarding/journeys/{id}', 200, body);
      expect(body).toMatchObject({
        coopId: 'huddersfield',
        sponsorCoopId: COLNE,
        sponsorName: `${COLNE} care co-op`,
        status: 'proposed',
        proposedBy: `coop:${COLNE}`,
        proposalId: proposed.proposalId,
        runner: { displayName: 'Amira Shah', roleTitle: 'senior carer', publicEmail: 'amira@colnevalley.coop', publicPhone: null },
        targets: { registeredBy: '2031-09-30', tradingBy: '2032-03-31' },
        currentStage: 'community-meetings',
        stagesClosed: 0,
        templatesShared: false,
        templatesSharedAt: null,
        stalled: false,
        history: [],
      });
      expect(body.stages.map((s: { stage: string; state: string }) => `${s.stage}:${s.state}`)).toEqual(
        [
          'community-meetings',
          'steering-group',
          'model-rules-adopted',
          'registered',
          'community-share-offer',
          'cqc-registration',
          'first-board-elected',
          'first-staff',
          'first-person-supported',
          'trading',
        ].map((s) => `${s}:open`),
      );
      expect(await history('huddersfield')).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'proposed', changedBy: `coop:${COLNE}` }),
      ]);
    });

    it('takes the same proposal again (a new message, the same proposalId) as done, changing nothing', async () => {
      const before = await state();
      expect(await send(ONBOARDING_SPIN_OFF_PROPOSED_V1, { ...proposed })).toEqual({ outcome: 'applied', reason: null });
      const after = await state();
      expect(after.slice(0, 5)).toEqual(before.slice(0, 5));
    });

    it('refuses a proposalId already used for another spin-off', async () => {
      const receipt = await send(
        ONBOARDING_SPIN_OFF_PROPOSED_V1,
        proposal({ proposalId: proposed.proposalId, coopId: 'lindley', name: 'Lindley Co-op' }),
      );
      expect(receipt).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('ONBOARDING.PROPOSAL_ID_TAKEN') });
    });

    it('refuses a taken id, a taken name, a proposal of itself, targets out of order and a sponsor that is not a member, changing nothing', async () => {
      const before = await state();
      const refusals: [OnboardingSpinOffProposedV1, string, string?][] = [
        [proposal({ coopId: HOLME, name: 'Another Holme' }), 'ONBOARDING.COOP_ID_TAKEN'],
        [proposal({ coopId: 'huddersfield-two', name: 'HUDDERSFIELD care\u200bco-op' }), 'REGISTRY.NAME_TAKEN'],
        [proposal({ coopId: 'lindley', name: `${HOLME} care co-op` }), 'REGISTRY.NAME_TAKEN'],
        [proposal({ coopId: COLNE, name: 'Colne Again' }), 'REGISTRY.SELF_SPONSOR'],
        [
          proposal({ coopId: 'lindley', name: 'Lindley Co-op', targets: { registeredBy: '2031-09-30', tradingBy: '2031-09-29' } }),
          'ONBOARDING.TARGETS_OUT_OF_ORDER',
        ],
        [proposal({ coopId: 'lindley', name: 'Lindley Co-op' }), 'ONBOARDING.SPONSOR_NOT_MEMBER', SUSPENDED],
      ];
      for (const [payload, code, from] of refusals) {
        const receipt = await send(ONBOARDING_SPIN_OFF_PROPOSED_V1, payload, from);
        expect({ code, receipt }).toEqual({ code, receipt: { outcome: 'rejected', reason: expect.stringContaining(code) } });
      }
      expect((await state()).slice(0, 5)).toEqual(before.slice(0, 5));
    });

    it('refuses a proposal with a bad field, naming it, and keeps what it held', async () => {
      const before = await state();
      const bad: [keyof OnboardingSpinOffProposedV1, unknown][] = [
        ['proposalId', 'not-a-uuid'],
        ['coopId', 'Not An Id'],
        ['name', 'x'],
        ['localities', []],
        ['services', ['plumbing']],
        ['runner', { displayName: 'A' }],
        ['targets', { tradingBy: '2031-02-30' }],
      ];
      for (const [field, value] of bad) expect(await refusalOf(ONBOARDING_SPIN_OFF_PROPOSED_V1, proposal(), field, value)).toContain(field);
      expect((await state()).slice(0, 5)).toEqual(before.slice(0, 5));
    });
  });

  describe("the sponsor's templates", () => {
    it("keeps the sponsor's rulebook and policies with the journey, replacing earlier ones", async () => {
      expect(await send(ONBOARDING_TEMPLATES_SHARED_V1, templates({ policies: [] }))).toMatchObject({ outcome: 'applied' });
      expect(await send(ONBOARDING_TEMPLATES_SHARED_V1, templates())).toMatchObject({ outcome: 'applied' });
      const id = await journeyOf('huddersfield');
      const [row] = await mesh.hubQuery<{ rulebook: object; policies: { key: string }[] }>(
        'SELECT rulebook, policies FROM onboarding_template WHERE journey_id = $1',
        [id],
      );
      expect(row.rulebook).toEqual(templates().rulebook);
      expect(row.policies.map((p) => p.key)).toEqual(['safeguarding-adults', 'lone-working']);
      expect(await journey(id)).toMatchObject({ templatesShared: true, templatesSharedAt: expect.any(String) });
    });

    it('refuses templates from a co-op that is not the sponsor, for no journey, or naming a policy twice', async () => {
      const before = await state();
      const policy = templates().policies[0];
      for (const [payload, from, code] of [
        [templates(), HOLME, 'ONBOARDING.NOT_THE_SPONSOR'],
        [templates({ spinOffCoopId: 'nowhere' }), COLNE, 'ONBOARDING.NO_JOURNEY'],
        [templates({ policies: [policy, { ...policy, version: 4 }] }), COLNE, 'ONBOARDING.POLICY_REPEATED'],
      ] as const) {
        expect(await send(ONBOARDING_TEMPLATES_SHARED_V1, payload, from)).toEqual({
          outcome: 'rejected',
          reason: expect.stringContaining(code),
        });
      }
      for (const [field, value] of [
        ['spinOffCoopId', 'Bad Id'],
        ['rulebook', null],
        ['policies', [{ key: 'Bad Key', title: 'T', version: 0, text: 1 }]],
      ] as const)
        expect(await refusalOf(ONBOARDING_TEMPLATES_SHARED_V1, templates(), field, value)).toContain(field);
      expect((await state()).slice(0, 5)).toEqual(before.slice(0, 5));
    });
  });

  describe('a spin-off entered by staff', () => {
    it('starts the journey and asks the sponsor for its templates, in the same transaction', async () => {
      const res = await staff().post('/onboarding/journeys', entry()).expect(201);
      expectAnswer('POST /onboarding/journeys', 201, res.body);
      expect(res.body).toMatchObject({
        coopId: 'kirkburton',
        sponsorCoopId: HOLME,
        status: 'proposed',
        proposedBy: 'test-consortium-staff',
        proposalId: null,
        runner: { displayName: 'Tom Firth', roleTitle: null, publicEmail: null, publicPhone: '01484 000111' },
        targets: { registeredBy: null, tradingBy: '2032-06-30' },
        currentStage: 'community-meetings',
      });
      const asked = await mesh.hubQuery<{ coop_id: string; spin_off: string }>(
        "SELECT coop_id, envelope->'payload'->>'spinOffCoopId' AS spin_off FROM outbox_message WHERE type = 'onboarding.templates-requested'",
      );
      expect(asked).toEqual([{ coop_id: HOLME, spin_off: 'kirkburton' }]);
      expect(await coop('kirkburton')).toMatchObject({ status: 'proposed', sponsorCoopId: HOLME });
      expect(await history('kirkburton')).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'proposed', changedBy: 'test-consortium-staff' }),
      ]);
    });

    it('refuses an unknown, left, suspended or merely proposed sponsor, itself, a taken id or name, and a reserved id, changing nothing', async () => {
      const before = await state();
      const refusals: [Record<string, unknown>, number, string][] = [
        [entry({ coopId: 'shepley', name: 'Shepley Co-op', sponsorCoopId: 'nowhere' }), 400, 'REGISTRY.SPONSOR_UNKNOWN'],
        [entry({ coopId: 'shepley', name: 'Shepley Co-op', sponsorCoopId: LEFT }), 409, 'ONBOARDING.SPONSOR_NOT_MEMBER'],
        [entry({ coopId: 'shepley', name: 'Shepley Co-op', sponsorCoopId: SUSPENDED }), 409, 'ONBOARDING.SPONSOR_NOT_MEMBER'],
        [entry({ coopId: 'shepley', name: 'Shepley Co-op', sponsorCoopId: 'huddersfield' }), 409, 'ONBOARDING.SPONSOR_NOT_MEMBER'],
        [entry({ coopId: HOLME, name: 'Shepley Co-op' }), 400, 'REGISTRY.SELF_SPONSOR'],
        [entry({ coopId: 'huddersfield', name: 'Shepley Co-op' }), 409, 'ONBOARDING.COOP_ID_TAKEN'],
        [entry({ coopId: 'shepley', name: 'Kirkburton  CARE co-op' }), 409, 'REGISTRY.NAME_TAKEN'],
        [entry({ coopId: 'nats-authorization', name: 'Shepley Co-op' }), 400, 'REGISTRY.RESERVED_COOP_ID'],
      ];
      for (const [body, status, code] of refusals) {
        const res = await staff().post('/onboarding/journeys', body);
        expect({ code, status: res.status, got: res.body.code }).toEqual({ code, status, got: code });
      }
      expect(await state()).toEqual(before);
    });

    it('refuses a bad field, naming it, and changes nothing', async () => {
      const before = await state();
      const bad: [string, Record<string, unknown>][] = [
        ['coopId', { coopId: 'Not An Id' }],
        ['name', { name: 'x' }],
        ['sponsorCoopId', { sponsorCoopId: 42 }],
        ['localities', { localities: [] }],
        ['services', { services: ['plumbing'] }],
        ['runner', { runner: 'Tom' }],
        ['runner.displayName', { runner: { displayName: 'T' } }],
        ['runner.publicEmail', { runner: { displayName: 'Tom Firth', publicEmail: 'not-an-email' } }],
        ['runner.publicPhone', { runner: { displayName: 'Tom Firth', publicPhone: 'call me' } }],
        ['targets.registeredBy', { targets: { registeredBy: '2031-02-30' } }],
        ['targets', { targets: undefined }],
        ['colour', { colour: 'red' }],
      ];
      for (const [field, over] of bad) {
        const res = await staff()
          .post('/onboarding/journeys', entry({ coopId: 'shepley', name: 'Shepley Co-op', ...over }))
          .expect(400);
        expect({ field, message: res.body.message.join(' ') }).toEqual({ field, message: expect.stringContaining(field) });
      }
      const late = await staff()
        .post(
          '/onboarding/journeys',
          entry({ coopId: 'shepley', name: 'Shepley Co-op', targets: { registeredBy: '2031-09-30', tradingBy: '2031-01-01' } }),
        )
        .expect(400);
      expect(late.body).toMatchObject({ code: 'ONBOARDING.TARGETS_OUT_OF_ORDER', message: expect.stringContaining('targets.tradingBy') });
      expect(await state()).toEqual(before);
    });
  });

  describe('the journey', () => {
    let id: string;

    beforeAll(async () => {
      id = await journeyOf('huddersfield');
      // The journey started forty days ago, so evidence can be dated in its past.
      // At noon in London on that day, so the day the hub counts it from is that day whatever the hour now.
      await mesh.hubQuery(
        "UPDATE onboarding_journey SET started_at = ($2::date + time '12:00') AT TIME ZONE 'Europe/London' WHERE id = $1",
        [id, daysAgo(40)],
      );
    });

    it('refuses a stage while an earlier one is open, naming the first open stage', async () => {
      const before = await state();
      const res = await close(id, 'registered').expect(409);
      expect(res.body).toMatchObject({ code: 'ONBOARDING.STAGE_OUT_OF_ORDER', details: { openStage: 'community-meetings' } });
      expect(res.body.message).toContain('community-meetings');
      expect(await state()).toEqual(before);
    });

    it("refuses evidence dated after today, before the journey started, or before the stage before's", async () => {
      const before = await state();
      const at = (date: string) => ({ what: 'Minutes of the first public meeting', reference: 'MIN-1', date });
      expect((await close(id, 'community-meetings', at(daysAgo(-1))).expect(400)).body.code).toBe('ONBOARDING.EVIDENCE_IN_FUTURE');
      expect((await close(id, 'community-meetings', at(daysAgo(41))).expect(400)).body.code).toBe('ONBOARDING.EVIDENCE_BEFORE_START');
      expect(await state()).toEqual(before);
      await close(id, 'community-meetings', at(daysAgo(30))).expect(200);
      const early = await close(id, 'steering-group', at(daysAgo(31))).expect(400);
      expect(early.body).toMatchObject({ code: 'ONBOARDING.EVIDENCE_BEFORE_PREVIOUS', details: { previousStage: 'community-meetings' } });
    });

    it('closes stages in order with their evidence, the registry status following with its history', async () => {
      const res = await close(id, 'steering-group', {
        what: 'Steering group terms of reference',
        reference: 'SG-1',
        date: daysAgo(30),
      }).expect(200);
      expectAnswer('POST /onboarding/journeys/{id}/stages/{stage}/close', 200, res.body);
      expect(res.body.stages[1]).toEqual({
        stage: 'steering-group',
        position: 2,
        state: 'closed',
        evidence: { what: 'Steering group terms of reference', reference: 'SG-1', date: daysAgo(30) },
        closedBy: 'test-consortium-staff',
        closedAt: expect.any(String),
        reopenReason: null,
        reopenedBy: null,
        reopenedAt: null,
      });
      expect(res.body).toMatchObject({ status: 'forming', currentStage: 'model-rules-adopted', stagesClosed: 2 });
      expect((await close(id, 'steering-group').expect(409)).body.code).toBe('ONBOARDING.STAGE_ALREADY_CLOSED');
      await close(id, 'model-rules-adopted').expect(200);
      const registered = await close(id, 'registered', { what: 'FCA registration', reference: 'RS009999', date: daysAgo(0) }).expect(200);
      expect(registered.body).toMatchObject({ status: 'registered', currentStage: 'community-share-offer' });
      expect((await coop('huddersfield')).status).toBe('registered');
      expect((await history('huddersfield')).map((h: { toStatus: string }) => h.toStatus)).toEqual(['proposed', 'forming', 'registered']);
    });

    it('reopens only the latest closed stage, with a reason, keeping the whole history', async () => {
      const before = await state();
      const later = await reopen(id, 'steering-group').expect(409);
      expect(later.body).toMatchObject({ code: 'ONBOARDING.LATER_STAGE_CLOSED', details: { closedStage: 'registered' } });
      expect((await reopen(id, 'trading').expect(409)).body.code).toBe('ONBOARDING.STAGE_NOT_CLOSED');
      expect(await state()).toEqual(before);

      const res = await reopen(id, 'registered', 'The FCA sent the rules back for a change to the objects').expect(200);
      expectAnswer('POST /onboarding/journeys/{id}/stages/{stage}/reopen', 200, res.body);
      expect(res.body).toMatchObject({ status: 'forming', currentStage: 'registered' });
      expect(res.body.stages[3]).toMatchObject({
        state: 'open',
        evidence: null,
        reopenReason: 'The FCA sent the rules back for a change to the objects',
        reopenedBy: 'test-consortium-staff',
      });
      await close(id, 'registered', { what: 'FCA registration', reference: 'RS009999', date: daysAgo(0) }).expect(200);
      const body = await journey(id);
      expect(body.history.map((e: { stage: string; action: string }) => `${e.action} ${e.stage}`)).toEqual([
        'closed community-meetings',
        'closed steering-group',
        'closed model-rules-adopted',
        'closed registered',
        'reopened registered',
        'closed registered',
      ]);
      expect(body.history[4]).toMatchObject({ evidence: null, reason: 'The FCA sent the rules back for a change to the objects' });
      const changes = await history('huddersfield');
      expect(changes.slice(3)).toEqual([
        expect.objectContaining({
          fromStatus: 'registered',
          toStatus: 'forming',
          changedBy: 'journey',
          note: 'stage registered reopened: The FCA sent the rules back for a change to the objects',
        }),
        expect.objectContaining({ fromStatus: 'forming', toStatus: 'registered', changedBy: 'journey', note: 'stage registered closed' }),
      ]);
    });

    it('reaches trading, and the registry says so', async () => {
      for (const stage of ['community-share-offer', 'cqc-registration', 'first-board-elected', 'first-staff', 'first-person-supported'])
        await close(id, stage).expect(200);
      expect((await coop('huddersfield')).status).toBe('registered');
      const done = await close(id, 'trading').expect(200);
      expect(done.body).toMatchObject({ status: 'trading', currentStage: null, stagesClosed: 10, stalled: false });
      const changes = (await commissioner().get('/coops/huddersfield/status-history').expect(200)).body;
      expectAnswer('GET /coops/{id}/status-history', 200, changes);
      expect(changes.map((c: { toStatus: string }) => c.toStatus)).toEqual([
        'proposed',
        'forming',
        'registered',
        'forming',
        'registered',
        'trading',
      ]);
    });

    it("leaves a suspended co-op's status as staff set it while its stages move", async () => {
      const kirkburton = await journeyOf('kirkburton');
      await staff().patch('/coops/kirkburton/status', { status: 'suspended', note: 'Paused while the runner is away' }).expect(204);
      await close(kirkburton, 'community-meetings').expect(200);
      expect((await coop('kirkburton')).status).toBe('suspended');
      await staff().patch('/coops/kirkburton/status', { status: 'forming', note: 'The runner is back' }).expect(204);
    });

    it('refuses bad input on every stage route, naming the field, and changes nothing', async () => {
      const before = await state();
      const good = { what: 'Minutes', reference: 'REF', date: daysAgo(0) };
      const cases: [string, () => ReturnType<ReturnType<typeof staff>['post']>][] = [
        ['stage', () => close(id, 'dancing')],
        ['id', () => close('not-a-uuid', 'trading')],
        ['evidence', () => staff().post(`/onboarding/journeys/${id}/stages/trading/close`, {})],
        ['evidence.what', () => close(id, 'trading', { ...good, what: 'x' })],
        ['evidence.reference', () => close(id, 'trading', { ...good, reference: '' })],
        ['evidence.date', () => close(id, 'trading', { ...good, date: '2027-13-01' })],
        ['colour', () => close(id, 'trading', { ...good, colour: 'red' })],
        ['reason', () => staff().post(`/onboarding/journeys/${id}/stages/trading/reopen`, {})],
        ['reason', () => reopen(id, 'trading', 'x')],
        ['stage', () => reopen(id, 'dancing')],
      ];
      for (const [field, call] of cases) {
        const res = await call().expect(400);
        expect({ field, message: [res.body.message].flat().join(' ') }).toEqual({ field, message: expect.stringContaining(field) });
      }
      await close(randomUUID(), 'trading').expect(404);
      await reopen(randomUUID(), 'trading').expect(404);
      expect(await state()).toEqual(before);
    });
  });

  describe('listing journeys', () => {
    it('lists journeys to staff and commissioners, by sponsor, status and whether stalled', async () => {
      const all = (await commissioner().get('/onboarding/journeys').expect(200)).body;
      expectAnswer('GET /onboarding/journeys', 200, all);
      expect(all).toMatchObject({ total: 2, limit: 50, offset: 0 });
      const ids = async (query: string) =>
        ((await staff().get(`/onboarding/journeys?${query}`).expect(200)).body.items as { coopId: string }[]).map((j) => j.coopId);
      expect(await ids(`sponsor=${COLNE}`)).toEqual(['huddersfield']);
      expect(await ids('status=trading')).toEqual(['huddersfield']);
      expect(await ids('stalled=true')).toEqual([]);
      // Kirkburton's last progress a hundred days ago: past ONBOARDING_STALL_DAYS (90).
      await mesh.hubQuery("UPDATE onboarding_stage_event SET at = now() - interval '100 days' WHERE journey_id = $1", [
        await journeyOf('kirkburton'),
      ]);
      await mesh.hubQuery("UPDATE onboarding_journey SET started_at = now() - interval '120 days' WHERE coop_id = 'kirkburton'");
      expect(await ids('stalled=true')).toEqual(['kirkburton']);
      expect(await ids('stalled=false')).toEqual(['huddersfield']);
      expect(await ids('limit=1&offset=1')).toHaveLength(1);
    });

    it('refuses a bad filter, naming it, and answers 404 for a journey that does not exist', async () => {
      for (const [field, query] of [
        ['sponsor', 'sponsor=Not%20An%20Id'],
        ['status', 'status=bankrupt'],
        ['stalled', 'stalled=yes'],
        ['limit', 'limit=0'],
        ['colour', 'colour=red'],
      ]) {
        const res = await staff().get(`/onboarding/journeys?${query}`).expect(400);
        expect({ field, message: res.body.message.join(' ') }).toEqual({ field, message: expect.stringContaining(field) });
      }
      expect((await staff().get('/onboarding/journeys/not-a-uuid').expect(400)).body.message.join(' ')).toContain('id');
      expect((await staff().get(`/onboarding/journeys/${randomUUID()}`).expect(404)).body.code).toBe('ONBOARDING.JOURNEY_NOT_FOUND');
    });
  });

  describe("the registry's status history", () => {
    it('keeps the note given with a status change and who made it; provisioning wrote the first row', async () => {
      await staff().patch(`/coops/${HOLME}/status`, { status: 'trading', note: 'Its first Kirklees contract started' }).expect(204);
      expect(await history(HOLME)).toEqual([
        { fromStatus: null, toStatus: 'registered', note: null, changedBy: 'provision', changedAt: expect.any(String) },
        {
          fromStatus: 'registered',
          toStatus: 'trading',
          note: 'Its first Kirklees contract started',
          changedBy: 'test-consortium-staff',
          changedAt: expect.any(String),
        },
      ]);
      expect((await history(SUSPENDED))[1]).toMatchObject({ toStatus: 'suspended', note: 'Lost its CQC registration' });
    });

    it('refuses a bad note or co-op id, naming it, and changes nothing', async () => {
      const before = await state();
      for (const note of ['x', 'y'.repeat(501), 42]) {
        const res = await staff().patch(`/coops/${HOLME}/status`, { status: 'left', note }).expect(400);
        expect(res.body.message.join(' ')).toContain('note');
      }
      expect((await staff().get('/coops/Not%20An%20Id/status-history').expect(400)).body.message.join(' ')).toContain('id');
      expect((await staff().get('/coops/nowhere/status-history').expect(404)).body.code).toBe('REGISTRY.COOP_NOT_FOUND');
      expect(await state()).toEqual(before);
    });
  });
});
