import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connect, NatsConnection } from 'nats';

import {
  buildMessage,
  encodeMessage,
  Envelope,
  ONBOARDING_LIMITS,
  ONBOARDING_TEMPLATES_REQUESTED_V1,
  RULEBOOK_TEMPLATE_IDS,
  subjectScheme,
} from '@app/contracts';
import { ConfigError, explain } from '@app/platform';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { RULEBOOK_TEMPLATES } from '../../apps/local-coop-node/src/rulebook';
import { aMember, aPolicy, aSpinOff, aStaffMember } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

interface OutboxRow {
  id: string;
  type: string;
  status: string;
  envelope: Envelope<Record<string, unknown>>;
}

/**
 * A sponsor co-op's node in "strawberry patch" onboarding, on a real node over NATS: its policy
 * documents, proposing a spin-off with a runner who agreed to show some details (and nothing else of
 * theirs leaving the node), sharing its rulebook and policies as templates (when it proposes, and when
 * the hub asks), and a new node founded on its sponsor's templates at its first start. The hub in this
 * suite does not handle the onboarding messages yet: it refuses them, and the test reads what the node
 * sent from its outbox; where the hub must speak, the test signs with the hub's key on the hub's stream.
 */
describe('onboarding on a co-op node', () => {
  const mesh = new TestMesh();
  const COOP = 'colne-sponsor';
  const admin = mesh.node(COOP).as('coop-admin');
  const today = () => ukDay();
  const day = (offsetDays: number) => ukDay(offsetDays);
  const MISSING = '5d1c4a8e-9b7f-4e21-a3c6-0f2e8d9b1a47';
  let nc: NatsConnection;
  let dir: string;

  const outbox = (type: string) =>
    mesh.nodeQuery<OutboxRow>(COOP, 'SELECT id, type, status, envelope FROM outbox_message WHERE type = $1 ORDER BY created_at, id', [
      type,
    ]);
  const templatesFor = async (spinOffCoopId: string) =>
    (await outbox('onboarding.templates-shared')).filter((r) => r.envelope.payload.spinOffCoopId === spinOffCoopId);

  /** Everything onboarding touches on the node, to show a refusal changed none of it. */
  const stored = async () =>
    (
      await mesh.nodeQuery(
        COOP,
        `SELECT (SELECT json_agg(p ORDER BY key) FROM policy_document p) AS policies,
                (SELECT json_agg(s ORDER BY id) FROM spin_off_proposal s) AS proposals,
                (SELECT json_agg(r ORDER BY version) FROM rulebook_version r) AS rulebooks,
                (SELECT json_agg(s ORDER BY id) FROM staff s) AS staff,
                (SELECT count(*)::int FROM outbox_message WHERE type <> 'federation.receipt') AS outbox`,
      )
    )[0];
  const refused = async (
    req: () => Promise<{ status: number; body: { message: string[] | string; code?: string } }>,
    status: number,
    naming: string[],
  ) => {
    const before = await stored();
    const res = await req();
    const text = ([] as string[]).concat(res.body.message).join('; ');
    expect({ naming, status: res.status }).toEqual({ naming, status });
    for (const f of naming) expect(text).toContain(f);
    expect(await stored()).toEqual(before);
    return res.body;
  };

  const hire = async (overrides: object = {}) => (await admin.post('/staff').send(aStaffMember(overrides)).expect(201)).body.id as string;

  /** Plays the hub: a message signed with the hub's key on the hub's stream, as its relay publishes it. */
  const deliverFromHub = async (payload: object): Promise<string> => {
    // Built from a good payload, then given the one under test and signed: the hub's own signature on a bad message.
    const built = buildMessage(ONBOARDING_TEMPLATES_REQUESTED_V1, { spinOffCoopId: 'placeholder' }, { coopId: COOP });
    const envelope = mesh.hubSigner.sign({ ...built, payload });
    await nc.jetstream().publish(subjectScheme(mesh.root).hubMessage(COOP, envelope.type), encodeMessage(envelope as Envelope<object>), {
      msgID: envelope.id,
    });
    return envelope.id;
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
      (r) => r !== undefined,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ccm-onboarding-'));
    nc = await connect({ servers: mesh.natsUrl });
    await mesh.startHub();
    await mesh.startNode(COOP);
    await mesh.registered(COOP);
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await mesh.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  describe('policy documents', () => {
    it('adopts a policy and a later version of it, shown to the admin and to members, the list without the texts', async () => {
      const first = (
        await admin
          .put('/policies/lone-working')
          .send(aPolicy({ title: 'Lone working', adoptedOn: '2025-11-03' }))
          .expect(200)
      ).body;
      expect(first).toEqual({
        key: 'lone-working',
        title: 'Lone working',
        version: 1,
        text: aPolicy().text,
        adoptedOn: '2025-11-03',
        source: 'own',
        updatedAt: expect.any(String),
      });
      const text = 'Workers check in at the start and end of every visit; the coordinator on call follows up a missed check-out.';
      const second = (
        await admin
          .put('/policies/lone-working')
          .send(aPolicy({ title: 'Lone working', version: 3, text, adoptedOn: today() }))
          .expect(200)
      ).body;
      expect(second).toMatchObject({ key: 'lone-working', version: 3, text, adoptedOn: today(), source: 'own' });

      const memberId = (await admin.post('/members').send(aMember()).expect(201)).body.id as string;
      const member = mesh.node(COOP).as('member', memberId);
      expect((await member.get('/policies/lone-working').expect(200)).body).toEqual(second);
      const { text: _text, ...summary } = second;
      expect((await member.get('/policies').expect(200)).body).toContainEqual(summary);
      expect((await admin.get('/policies').expect(200)).body.every((p: object) => !('text' in p))).toBe(true);
    });

    it('refuses a version that does not go up, a date in the future or before the version in force, and changes nothing', async () => {
      await admin
        .put('/policies/complaints')
        .send(aPolicy({ title: 'Complaints', version: 2, adoptedOn: '2025-06-01' }))
        .expect(200);
      const same = await refused(() => admin.put('/policies/complaints').send(aPolicy({ version: 2, adoptedOn: today() })), 409, [
        'version 2',
      ]);
      expect(same.code).toBe('POLICY.VERSION_NOT_LATER');
      await refused(() => admin.put('/policies/complaints').send(aPolicy({ version: 1, adoptedOn: today() })), 409, ['version 1']);
      const future = await refused(() => admin.put('/policies/complaints').send(aPolicy({ version: 3, adoptedOn: day(1) })), 400, [
        'adoptedOn',
      ]);
      expect(future.code).toBe('POLICY.ADOPTED_IN_FUTURE');
      await refused(() => admin.put('/policies/new-policy').send(aPolicy({ adoptedOn: day(30) })), 400, ['adoptedOn']);
      const earlier = await refused(() => admin.put('/policies/complaints').send(aPolicy({ version: 3, adoptedOn: '2025-05-31' })), 409, [
        'adoptedOn',
      ]);
      expect(earlier.code).toBe('POLICY.ADOPTED_BEFORE_CURRENT');
    });

    it('refuses bad input on every field and in the key, naming it, and changes nothing', async () => {
      const bad: [object, string][] = [
        [{ title: undefined }, 'title'],
        [{ title: 'x' }, 'title'],
        [{ title: '😀' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ title: 12 }, 'title'],
        [{ version: 0 }, 'version'],
        [{ version: 10_001 }, 'version'],
        [{ version: 1.5 }, 'version'],
        [{ version: '2' }, 'version'],
        [{ version: undefined }, 'version'],
        [{ text: '' }, 'text'],
        [{ text: 'x'.repeat(ONBOARDING_LIMITS.maxPolicyChars + 1) }, 'text'],
        [{ text: ['a'] }, 'text'],
        [{ adoptedOn: '2026-02-30' }, 'adoptedOn'],
        [{ adoptedOn: '01/03/2026' }, 'adoptedOn'],
        [{ adoptedOn: null }, 'adoptedOn'],
        [{ source: 'sponsor:elsewhere' }, 'source'],
      ];
      for (const [override, field] of bad) {
        await refused(() => admin.put('/policies/lone-working').send({ ...aPolicy({ version: 9 }), ...override }), 400, [field]);
      }
      for (const key of ['Lone-Working', 'lone--working', 'lone_working', '-lone', 'a-b-c-d-e-f-g-h-i-j-k', '9-lives']) {
        await refused(() => admin.put(`/policies/${key}`).send(aPolicy()), 400, ['key']);
        expect((await admin.get(`/policies/${key}`)).status).toBe(400);
      }
      expect((await admin.get('/policies/no-such-policy').expect(404)).body.code).toBe('POLICY.NOT_FOUND');
    });
  });

  describe('proposing a spin-off', () => {
    let runnerId: string;
    const RUNNER_NAME = 'Bethany Anne Crowther';

    beforeAll(async () => {
      runnerId = await hire({ fullName: RUNNER_NAME, locality: 'Golcar', hourlyPayPence: 1517, startedOn: '2021-05-04' });
    });

    it("sends the hub the proposal with only the runner's agreed details, and this co-op's rulebook and every policy as templates", async () => {
      const body = aSpinOff(runnerId, {
        runner: {
          staffId: runnerId,
          displayName: 'Beth C.',
          roleTitle: 'senior carer',
          publicEmail: 'runner@colne-sponsor.coop',
          publicPhone: '01484 000000',
          agreed: true,
        },
      });
      const view = (await admin.post('/onboarding/spin-offs').send(body).expect(201)).body;
      expect(view).toEqual({
        id: expect.any(String),
        coopId: 'huddersfield',
        name: 'Huddersfield Care Co-op',
        localities: ['Lindley', 'Birkby'],
        services: ['personal-care', 'befriending'],
        runnerStaffId: runnerId,
        runner: {
          displayName: 'Beth C.',
          roleTitle: 'senior carer',
          publicEmail: 'runner@colne-sponsor.coop',
          publicPhone: '01484 000000',
        },
        runnerAgreedAt: expect.any(String),
        targets: { registeredBy: '2027-03-31', tradingBy: '2027-09-30' },
        proposedAt: view.runnerAgreedAt,
        hub: expect.objectContaining({ messageId: expect.any(String), state: expect.stringMatching(/^(sending|rejected)$/) }),
        templates: expect.objectContaining({ messageId: expect.any(String), state: expect.stringMatching(/^(sending|rejected)$/) }),
      });

      const [proposal] = await outbox('onboarding.spin-off-proposed');
      expect(proposal.id).toBe(view.hub.messageId);
      expect(proposal.envelope.payload).toEqual({
        proposalId: view.id,
        coopId: 'huddersfield',
        name: 'Huddersfield Care Co-op',
        localities: ['Lindley', 'Birkby'],
        services: ['personal-care', 'befriending'],
        runner: {
          displayName: 'Beth C.',
          roleTitle: 'senior carer',
          publicEmail: 'runner@colne-sponsor.coop',
          publicPhone: '01484 000000',
        },
        targets: { registeredBy: '2027-03-31', tradingBy: '2027-09-30' },
      });

      const [templates] = await templatesFor('huddersfield');
      expect(templates.id).toBe(view.templates.messageId);
      expect(templates.envelope).toMatchObject({ causationId: proposal.id, correlationId: proposal.envelope.correlationId });
      const policies = (await admin.get('/policies').expect(200)).body as { key: string }[];
      expect(templates.envelope.payload).toEqual({
        spinOffCoopId: 'huddersfield',
        rulebook: (await admin.get('/rulebook').expect(200)).body.rulebook,
        policies: await Promise.all(
          policies.map(async ({ key }) => {
            const p = (await admin.get(`/policies/${key}`).expect(200)).body;
            return { key: p.key, title: p.title, version: p.version, text: p.text };
          }),
        ),
      });
      expect(policies.length).toBeGreaterThan(0);

      // The hub applies both; its receipts are the answer the admin sees.
      const answered = await waitFor(
        "the hub's answer to the proposal",
        async () => (await admin.get(`/onboarding/spin-offs/${view.id}`).expect(200)).body,
        (v) => v.hub.state !== 'sending' && v.templates.state !== 'sending',
      );
      expect(answered.hub).toEqual({ messageId: proposal.id, state: 'confirmed', reason: null, answeredAt: expect.any(String) });
      expect(answered.templates).toMatchObject({ state: 'confirmed', reason: null });
      const [onHub] = await mesh.hubQuery<{ status: string; sponsor_coop_id: string }>(
        'SELECT status, sponsor_coop_id FROM coop WHERE id = $1',
        [view.coopId],
      );
      expect(onHub).toEqual({ status: 'proposed', sponsor_coop_id: COOP });
      const [template] = await mesh.hubQuery<{ policies: unknown[] }>(
        'SELECT t.policies FROM onboarding_template t JOIN onboarding_journey j ON j.id = t.journey_id WHERE j.coop_id = $1',
        [view.coopId],
      );
      expect(template.policies).toHaveLength(policies.length);
      expect((await admin.get('/onboarding/spin-offs').expect(200)).body).toEqual([answered]);
    });

    it('sends nothing else about the runner: not their name as recorded, their staff id, pay or locality, in any message', async () => {
      const all = await mesh.nodeQuery<{ envelope: object }>(COOP, 'SELECT envelope FROM outbox_message');
      const wire = JSON.stringify(all);
      expect(wire).toContain('Beth C.');
      for (const secret of [RUNNER_NAME, 'Bethany', 'Crowther', runnerId, 'Golcar', '1517', '2021-05-04'])
        expect(wire).not.toContain(secret);
    });

    it('refuses its own co-op, a co-op proposed before, a runner who left or has not started, an unknown runner and trading before registration', async () => {
      expect(
        (await refused(() => admin.post('/onboarding/spin-offs').send(aSpinOff(runnerId, { coopId: COOP })), 400, ['coopId'])).code,
      ).toBe('ONBOARDING.OWN_COOP');
      expect(
        (await refused(() => admin.post('/onboarding/spin-offs').send(aSpinOff(runnerId, { name: 'Another name' })), 409, ['huddersfield']))
          .code,
      ).toBe('ONBOARDING.ALREADY_PROPOSED');

      const leaver = await hire({ startedOn: '2022-01-10' });
      await admin
        .post(`/staff/${leaver}/leaving`)
        .send({ leftOn: day(-1), reason: 'moved away' })
        .expect(200);
      const left = await refused(() => admin.post('/onboarding/spin-offs').send(aSpinOff(leaver, { coopId: 'kirkburton' })), 409, [
        'runner.staffId',
      ]);
      expect(left.code).toBe('ONBOARDING.RUNNER_NOT_CURRENT');
      const starter = await hire({ startedOn: day(20) });
      await refused(() => admin.post('/onboarding/spin-offs').send(aSpinOff(starter, { coopId: 'kirkburton' })), 409, ['runner.staffId']);
      const unknown = await refused(() => admin.post('/onboarding/spin-offs').send(aSpinOff(MISSING, { coopId: 'kirkburton' })), 404, [
        MISSING,
      ]);
      expect(unknown.code).toBe('WORKFORCE.STAFF_NOT_FOUND');
      await refused(
        () =>
          admin
            .post('/onboarding/spin-offs')
            .send(aSpinOff(runnerId, { coopId: 'kirkburton', targets: { registeredBy: '2027-06-01', tradingBy: '2027-05-31' } })),
        400,
        ['targets.tradingBy'],
      );

      // A runner leaving today still works here today; their last day is the day they may be named.
      const lastDay = await hire({ startedOn: '2023-03-01' });
      await admin.post(`/staff/${lastDay}/leaving`).send({ leftOn: today(), reason: 'retiring' }).expect(200);
      await admin
        .post('/onboarding/spin-offs')
        .send(aSpinOff(lastDay, { coopId: 'kirkburton', targets: {} }))
        .expect(201);
      expect((await templatesFor('kirkburton')).length).toBe(1);
    });

    it('refuses bad input on every field, naming it, and changes nothing', async () => {
      const runner = { staffId: runnerId, displayName: 'Beth C.', agreed: true };
      const bad: [object, string][] = [
        [{ coopId: 'Holme Valley' }, 'coopId'],
        [{ coopId: '' }, 'coopId'],
        [{ coopId: 7 }, 'coopId'],
        [{ coopId: undefined }, 'coopId'],
        [{ name: 'H' }, 'name'],
        [{ name: 'H'.repeat(121) }, 'name'],
        [{ name: null }, 'name'],
        [{ localities: [] }, 'localities'],
        [{ localities: 'Lindley' }, 'localities'],
        [{ localities: ['L'] }, 'localities'],
        [{ localities: ['Lindley', 'Lindley'] }, 'localities'],
        [{ localities: [5] }, 'localities'],
        [{ localities: Array.from({ length: 51 }, (_, i) => `Place ${i}`) }, 'localities'],
        [{ services: [] }, 'services'],
        [{ services: ['nursing'] }, 'services'],
        [{ services: ['befriending', 'befriending'] }, 'services'],
        [{ runner: undefined }, 'runner'],
        [{ runner: 'Beth' }, 'runner'],
        [{ runner: null }, 'runner'],
        [{ runner: { ...runner, staffId: 'not-a-uuid' } }, 'runner.staffId'],
        [{ runner: { ...runner, staffId: undefined } }, 'runner.staffId'],
        [{ runner: { ...runner, displayName: 'B' } }, 'runner.displayName'],
        [{ runner: { ...runner, displayName: undefined } }, 'runner.displayName'],
        [{ runner: { ...runner, roleTitle: 'x' } }, 'runner.roleTitle'],
        [{ runner: { ...runner, publicEmail: 'beth at colne' } }, 'runner.publicEmail'],
        [{ runner: { ...runner, publicPhone: 'ring the office' } }, 'runner.publicPhone'],
        [{ runner: { ...runner, agreed: false } }, 'runner.agreed'],
        [{ runner: { ...runner, agreed: 'true' } }, 'runner.agreed'],
        [{ runner: { ...runner, agreed: undefined } }, 'runner.agreed'],
        [{ runner: { ...runner, fullName: RUNNER_NAME } }, 'fullName'],
        [{ targets: 'next spring' }, 'targets'],
        [{ targets: { registeredBy: '2027-02-30' } }, 'targets.registeredBy'],
        [{ targets: { tradingBy: '30/09/2027' } }, 'targets.tradingBy'],
        [{ targets: { openBy: '2027-01-01' } }, 'openBy'],
        [{ sponsorCoopId: 'elsewhere' }, 'sponsorCoopId'],
      ];
      for (const [override, field] of bad) {
        await refused(
          () => admin.post('/onboarding/spin-offs').send({ ...aSpinOff(runnerId, { coopId: 'holme-valley' }), ...override }),
          400,
          [field],
        );
      }
      expect((await admin.get(`/onboarding/spin-offs/${MISSING}`).expect(404)).body.code).toBe('ONBOARDING.PROPOSAL_NOT_FOUND');
      await admin.get('/onboarding/spin-offs/not-a-uuid').expect(400);
    });
  });

  describe('templates the hub asks for', () => {
    it('shares the rulebook and every policy for a spin-off staff entered on the hub, caused by the request', async () => {
      const requestId = await deliverFromHub({ spinOffCoopId: 'marsden-spinoff' });
      expect(await verdict(requestId)).toEqual({ outcome: 'applied', reason: null });
      const [shared] = await templatesFor('marsden-spinoff');
      expect(shared.envelope.causationId).toBe(requestId);
      const [atProposal] = await templatesFor('huddersfield');
      expect(shared.envelope.payload).toEqual({ ...atProposal.envelope.payload, spinOffCoopId: 'marsden-spinoff' });
    });

    it("shares them again for a proposal of this co-op's, and the proposal then shows the latest sharing", async () => {
      const [proposal] = (await admin.get('/onboarding/spin-offs').expect(200)).body.filter(
        (p: { coopId: string }) => p.coopId === 'huddersfield',
      );
      const requestId = await deliverFromHub({ spinOffCoopId: 'huddersfield' });
      expect(await verdict(requestId)).toMatchObject({ outcome: 'applied' });
      const shared = await templatesFor('huddersfield');
      expect(shared.length).toBe(2);
      const again = (await admin.get(`/onboarding/spin-offs/${proposal.id}`).expect(200)).body;
      expect(again.templates.messageId).toBe(shared[1].id);
      expect(again.hub).toEqual(proposal.hub);
    });

    it("refuses a request for the co-op's own templates as its own spin-off, sharing nothing", async () => {
      const before = (await outbox('onboarding.templates-shared')).length;
      const requestId = await deliverFromHub({ spinOffCoopId: COOP });
      expect(await verdict(requestId)).toEqual({ outcome: 'rejected', reason: expect.stringContaining('spinOffCoopId') });
      expect((await outbox('onboarding.templates-shared')).length).toBe(before);
    });

    it('dead-letters a request that breaks the contract, naming the field, and shares nothing', async () => {
      const before = await stored();
      for (const [payload, field] of [
        [{ spinOffCoopId: 'Not A Co-op' }, 'spinOffCoopId'],
        [{}, 'spinOffCoopId'],
        [{ spinOffCoopId: 42 }, 'spinOffCoopId'],
        [{ spinOffCoopId: 'kirkheaton', rulebook: {} }, 'rulebook'],
      ] as const) {
        const id = await deliverFromHub(payload);
        const [letter] = await waitFor(
          `the dead letter for ${JSON.stringify(payload)}`,
          () => mesh.nodeQuery<{ reason: string }>(COOP, 'SELECT reason FROM dead_letter WHERE message_id = $1', [id]),
          (rows) => rows.length === 1,
        );
        expect(letter.reason).toContain(field);
      }
      expect(await stored()).toEqual(before);
    });
  });

  describe("a new node's first start on its sponsor's templates", () => {
    const templatesFile = async (name: string, content: unknown) => {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    /** What `join` writes: the templates the sponsor shared for this spin-off, as the hub hands them over. */
    const sponsorTemplates = async () => {
      const [shared] = await templatesFor('huddersfield');
      const { spinOffCoopId: _id, ...templates } = shared.envelope.payload;
      return templates as { rulebook: Record<string, unknown>; policies: { key: string; title: string; version: number; text: string }[] };
    };

    it("adopts the sponsor's rulebook as its founding rulebook and its policies, then ignores the file on later starts", async () => {
      const FRESH = 'huddersfield';
      const templates = await sponsorTemplates();
      // A rulebook of the sponsor's own making, not one of the ready templates, proves it is the file's that is adopted.
      const rulebook = {
        ...RULEBOOK_TEMPLATES['italian-type-a'],
        template: 'custom',
        name: 'Colne Sponsor rules, 2026',
        quorumPercent: 20,
      };
      const file = await templatesFile('huddersfield.json', { ...templates, rulebook });
      await mesh.startNode(FRESH, { COOP_FOUNDING_TEMPLATES_FILE: file, COOP_SPONSOR_ID: COOP });
      const fresh = mesh.node(FRESH).as('coop-admin');

      const founding = (await fresh.get('/rulebook').expect(200)).body;
      expect(founding).toEqual({ version: 1, adoptedAt: expect.any(String), adoptedBy: `sponsor:${COOP}`, rulebook });
      const policies = (await fresh.get('/policies').expect(200)).body as { key: string }[];
      expect(policies.map((p) => p.key)).toEqual(templates.policies.map((p) => p.key));
      for (const t of templates.policies) {
        expect((await fresh.get(`/policies/${t.key}`).expect(200)).body).toEqual({
          ...t,
          adoptedOn: today(),
          source: `sponsor:${COOP}`,
          updatedAt: expect.any(String),
        });
      }
      // The new co-op's own next version is its own.
      const [first] = templates.policies;
      expect(
        (
          await fresh
            .put(`/policies/${first.key}`)
            .send(aPolicy({ version: first.version + 1, adoptedOn: today() }))
            .expect(200)
        ).body.source,
      ).toBe('own');

      await mesh.stopNode(FRESH);
      await writeFile(file, '{ not the templates any more');
      await mesh.startNode(FRESH, { COOP_FOUNDING_TEMPLATES_FILE: file, COOP_SPONSOR_ID: COOP });
      expect((await fresh.get('/rulebook/history').expect(200)).body).toEqual([founding]);
      expect((await fresh.get(`/policies/${first.key}`).expect(200)).body.source).toBe('own');
      await mesh.stopNode(FRESH);
    });

    it('refuses to start on a bad file with one line naming the file and the field, and founds nothing', async () => {
      const templates = await sponsorTemplates();
      const cases: [string, unknown, string][] = [
        ['quorum.json', { ...templates, rulebook: { ...templates.rulebook, quorumPercent: 0 } }, 'rulebook.quorumPercent'],
        ['template.json', { ...templates, rulebook: { ...templates.rulebook, template: 'scottish' } }, 'rulebook.template'],
        [
          'extra.json',
          { ...templates, rulebook: { ...templates.rulebook, chair: 'someone' } },
          'rulebook.chair: property chair should not exist',
        ],
        [
          'seats.json',
          { ...templates, rulebook: { ...templates.rulebook, board: [{ stakeholderClass: 'worker', seats: 'three', capPercent: null }] } },
          'rulebook.board.0.seats',
        ],
        [
          'cap.json',
          {
            ...templates,
            rulebook: {
              ...templates.rulebook,
              board: [
                { stakeholderClass: 'worker', seats: 1, capPercent: null },
                { stakeholderClass: 'volunteer', seats: 3, capPercent: 33.3 },
              ],
            },
          },
          'RULEBOOK.BOARD_CAP',
        ],
        ['no-rulebook.json', { policies: templates.policies }, 'rulebook'],
        ['key.json', { ...templates, policies: [{ ...templates.policies[0], key: 'Safeguarding Adults' }] }, 'policies.0.key'],
        ['version.json', { ...templates, policies: [{ ...templates.policies[0], version: 0 }] }, 'policies.0.version'],
        ['emoji.json', { ...templates, policies: [{ ...templates.policies[0], title: '😀' }] }, 'policies.0.title'],
        ['nul.json', { ...templates, policies: [{ ...templates.policies[0], text: 'a\u0000b' }] }, 'policies.0.text'],
        ['twice.json', { ...templates, policies: [templates.policies[0], templates.policies[0]] }, 'policies.1.key'],
        ['list.json', [templates], 'must be a JSON object'],
        ['broken.json', '{"rulebook": ', 'is not JSON'],
      ];
      for (const [name, content, field] of cases) {
        const file = await templatesFile(name, content);
        const error = await mesh.startNode('bad-founding', { COOP_FOUNDING_TEMPLATES_FILE: file, COOP_SPONSOR_ID: COOP }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConfigError);
        const line = `local-coop-node: ${explain(error)}`;
        expect(line.split('\n')).toHaveLength(1);
        expect(line).toContain(`COOP_FOUNDING_TEMPLATES_FILE ${file}: `);
        expect({ name, line }).toEqual({ name, line: expect.stringContaining(field) });
      }
      const missing = join(dir, 'nowhere.json');
      await expect(mesh.startNode('bad-founding', { COOP_FOUNDING_TEMPLATES_FILE: missing, COOP_SPONSOR_ID: COOP })).rejects.toThrow(
        `COOP_FOUNDING_TEMPLATES_FILE ${missing}: no such file`,
      );
      const good = await templatesFile('good.json', templates);
      await expect(mesh.startNode('bad-founding', { COOP_FOUNDING_TEMPLATES_FILE: good })).rejects.toThrow(
        'COOP_FOUNDING_TEMPLATES_FILE needs COOP_SPONSOR_ID',
      );
      expect(() => mesh.nodeConfig('bad-founding', { COOP_FOUNDING_TEMPLATES_FILE: 'good.json' })).toThrow(
        /COOP_FOUNDING_TEMPLATES_FILE must be an absolute path/,
      );
      expect(
        await mesh.nodeQuery(
          'bad-founding',
          'SELECT (SELECT count(*)::int FROM rulebook_version) AS rulebooks, (SELECT count(*)::int FROM policy_document) AS policies',
        ),
      ).toEqual([{ rulebooks: 0, policies: 0 }]);

      // The same node starts once the file is good, on the sponsor's rulebook.
      await mesh.startNode('bad-founding', { COOP_FOUNDING_TEMPLATES_FILE: good, COOP_SPONSOR_ID: COOP });
      expect((await mesh.node('bad-founding').as('coop-admin').get('/rulebook').expect(200)).body).toMatchObject({
        version: 1,
        adoptedBy: `sponsor:${COOP}`,
        rulebook: templates.rulebook,
      });
      await mesh.stopNode('bad-founding');
    });

    it('starts a node without the setting on the ready template it names, with no policies', async () => {
      await mesh.startNode('plain-founding', { COOP_RULEBOOK_TEMPLATE: RULEBOOK_TEMPLATE_IDS[1] });
      const plain = mesh.node('plain-founding').as('coop-admin');
      expect((await plain.get('/rulebook').expect(200)).body).toMatchObject({
        adoptedBy: 'founding',
        rulebook: RULEBOOK_TEMPLATES[RULEBOOK_TEMPLATE_IDS[1]],
      });
      expect((await plain.get('/policies').expect(200)).body).toEqual([]);
      await mesh.stopNode('plain-founding');
    });
  });

  describe('sample data and the limit on policies', () => {
    it('seeds a sample co-op with its safeguarding, lone working, complaints and medication policies, naming no one', async () => {
      const summary = await seedNode(mesh.nodeConfig('seeded-sponsor'), 42);
      expect(summary.policies).toBe(4);
      const rows = await mesh.nodeQuery<{ key: string; text: string; adopted_on: string; source: string }>(
        'seeded-sponsor',
        'SELECT key, text, adopted_on, source FROM policy_document ORDER BY key',
      );
      expect(rows.map((r) => r.key)).toEqual(['complaints', 'lone-working', 'medication', 'safeguarding-adults']);
      const names = await mesh.nodeQuery<{ name: string }>(
        'seeded-sponsor',
        'SELECT full_name AS name FROM member UNION SELECT full_name FROM staff UNION SELECT full_name FROM service_user UNION SELECT full_name FROM volunteer',
      );
      for (const r of rows) {
        expect(r.source).toBe('own');
        expect(r.adopted_on <= today()).toBe(true);
        for (const { name } of names) for (const part of name.split(' ').filter((w) => w.length > 3)) expect(r.text).not.toContain(part);
      }
    });

    it('refuses a new policy once the co-op holds as many as its templates can carry, but takes a new version of one', async () => {
      const held = (await admin.get('/policies').expect(200)).body.length as number;
      for (let i = held; i < ONBOARDING_LIMITS.maxPolicies; i++) await admin.put(`/policies/filler-${i}`).send(aPolicy()).expect(200);
      expect((await refused(() => admin.put('/policies/one-too-many').send(aPolicy()), 409, ['policies'])).code).toBe('POLICY.TOO_MANY');
      await admin
        .put('/policies/filler-39')
        .send(aPolicy({ version: 2 }))
        .expect(200);
      // A full set still travels: the next templates the hub asks for carry all of them.
      const requestId = await deliverFromHub({ spinOffCoopId: 'slaithwaite' });
      expect(await verdict(requestId)).toMatchObject({ outcome: 'applied' });
      expect(((await templatesFor('slaithwaite'))[0].envelope.payload.policies as object[]).length).toBe(ONBOARDING_LIMITS.maxPolicies);
    });
  });
});
