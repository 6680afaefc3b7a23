import { connect, NatsConnection } from 'nats';

import { buildMessage, COOP_PROFILE_UPDATED_V1, CoopProfilePayload, encodeMessage, subjectScheme } from '@app/contracts';

import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/** Tests that start a node (its migrations) or wait on several receipts: room for a loaded machine. */
const NODE_START_TIMEOUT_MS = 120_000;

describe('registration and liveness (hub and nodes over the real NATS and PostgreSQL)', () => {
  const mesh = new TestMesh();
  let staff: string;

  let nc: NatsConnection;

  beforeAll(async () => {
    await mesh.startHub();
    staff = mesh.hubToken('consortium-staff');
    nc = await connect({ servers: mesh.natsUrl, timeout: 3000 });
  });
  afterAll(async () => {
    await nc?.close();
    await mesh.dispose();
  });

  const coop = async (id: string) => (await mesh.hubHttp().get(`/coops/${id}`).set('Authorization', `Bearer ${staff}`)).body;

  /** The node's last outbox row of a type, as the hub's receipt settled it. */
  const lastSent = async (coopId: string, type: string) =>
    (
      await mesh.nodeQuery<{ status: string; last_error: string | null }>(
        coopId,
        'SELECT status, last_error FROM outbox_message WHERE type = $1 ORDER BY created_at DESC LIMIT 1',
        [type],
      )
    )[0];
  const settled = (coopId: string, type: string) =>
    waitFor(
      `${coopId}'s ${type} settled by a receipt`,
      () => lastSent(coopId, type),
      (r) => r?.status === 'confirmed' || r?.status === 'rejected',
      { timeoutMs: 45_000 },
    );

  const patchProfile = (coopId: string, body: object) => mesh.node(coopId).as('coop-admin').patch('/profile').send(body).expect(200);

  /** A profile as the co-op's own key signs it, published straight to JetStream (any time, any claim). */
  const publishSignedProfile = async (coopId: string, payload: CoopProfilePayload, occurredAt: Date) => {
    const envelope = mesh.signerOf(coopId).sign(buildMessage(COOP_PROFILE_UPDATED_V1, payload, { coopId, occurredAt }));
    await nc
      .jetstream()
      .publish(subjectScheme(mesh.root).coopMessage(coopId, envelope.type), encodeMessage(envelope), { msgID: envelope.id });
    return envelope.id;
  };
  const inboxOutcome = (messageId: string) =>
    waitFor(
      'the hub to decide on the message',
      async () =>
        (
          await mesh.hubQuery<{ outcome: string; reason: string | null }>(
            'SELECT outcome, reason FROM inbox_message WHERE message_id = $1',
            [messageId],
          )
        )[0],
      Boolean,
    );

  it('shows a started node in GET /coops, online, with its profile and version', async () => {
    await mesh.startNode('colne-valley', { COOP_NAME: 'Colne Valley Care Co-op', COOP_LOCALITIES: 'Marsden,Slaithwaite' });
    await mesh.startNode('holme-valley', { COOP_NAME: 'Holme Valley Care Co-op', COOP_LOCALITIES: 'Holmfirth' });

    const list = await waitFor(
      'both co-ops registered (profile received) and online',
      async () => (await mesh.hubHttp().get('/coops').set('Authorization', `Bearer ${staff}`).expect(200)).body,
      // Provisioning lists a co-op before its node registers; the profile arrives with the registration.
      (body) =>
        body.total === 2 &&
        body.items.every((c: { connectivity: string; localities: string[] }) => c.connectivity === 'online' && c.localities.length > 0),
    );
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(['colne-valley', 'holme-valley']);
    const colne = list.items[0];
    expect(colne).toMatchObject({
      name: 'Colne Valley Care Co-op',
      legalForm: 'community-benefit-society',
      localities: ['Marsden', 'Slaithwaite'],
      servicesOffered: ['personal-care', 'befriending'],
      status: 'registered',
      nodeVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('tells the node its registration was accepted, and settles the outbox with a receipt', async () => {
    const admin = mesh.nodeToken('colne-valley', 'coop-admin');
    const status = await waitFor(
      'registration acknowledged on the node',
      async () => (await mesh.nodeHttp('colne-valley').get('/federation/status').set('Authorization', `Bearer ${admin}`).expect(200)).body,
      (s) => s.registryStatus === 'registered' && s.outbox.pending === 0 && s.outbox.published === 0,
    );
    expect(status).toMatchObject({ coopId: 'colne-valley', natsConnected: true });
    expect(status.outbox.confirmed).toBeGreaterThanOrEqual(2); // the registration and the receipt it sent back
  });

  it('filters the registry by locality and service', async () => {
    const res = await mesh
      .hubHttp()
      .get('/coops?locality=Holmfirth&service=befriending')
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual(['holme-valley']);
  });

  it('carries a profile change made on the node to the hub', async () => {
    const admin = mesh.nodeToken('holme-valley', 'coop-admin');
    await mesh
      .nodeHttp('holme-valley')
      .patch('/profile')
      .set('Authorization', `Bearer ${admin}`)
      .send({ localities: ['Holmfirth', 'Honley'], servicesOffered: ['gardening'], registrationNumber: 'RS008123', cqcRating: 'good' })
      .expect(200);
    const updated = await waitFor(
      'the new profile on the hub',
      () => coop('holme-valley'),
      (c) => c.localities?.includes('Honley'),
    );
    expect(updated).toMatchObject({ servicesOffered: ['gardening'], registrationNumber: 'RS008123', cqcRating: 'good' });
  });

  it("refuses a profile taking another co-op's name, however spaced or cased, and changes nothing", async () => {
    const before = await coop('holme-valley');
    await patchProfile('holme-valley', { name: 'colne  VALLEY care\u200bco-op', localities: ['Holmfirth', 'Hepworth'] });
    const sent = await settled('holme-valley', 'coop.profile-updated');
    expect(sent.status).toBe('rejected');
    expect(sent.last_error).toMatch(/^REGISTRY\.NAME_TAKEN: co-op colne-valley already has this name/);
    const after = await coop('holme-valley');
    expect(after).toMatchObject({ name: before.name, localities: before.localities });
  });

  it("refuses a profile taking another co-op's registration number, and changes nothing", async () => {
    const before = await coop('colne-valley');
    await patchProfile('colne-valley', { registrationNumber: 'rs 008 123', cqcRating: 'outstanding' });
    const sent = await settled('colne-valley', 'coop.profile-updated');
    expect(sent.status).toBe('rejected');
    expect(sent.last_error).toMatch(/^REGISTRY\.REGISTRATION_NUMBER_TAKEN: co-op holme-valley already has this registration number/);
    const after = await coop('colne-valley');
    expect(after).toMatchObject({ registrationNumber: before.registrationNumber, cqcRating: before.cqcRating });
  });

  it(
    'refuses a profile dated in 2999, and a later genuine change still applies',
    async () => {
      const current = await coop('holme-valley');
      const future = await publishSignedProfile(
        'holme-valley',
        {
          name: 'Holme Valley Forever',
          legalForm: 'community-benefit-society',
          localities: ['Holmfirth'],
          servicesOffered: [],
          nodeVersion: '0.0.0',
        },
        new Date('2999-01-01T00:00:00Z'),
      );
      const decided = await inboxOutcome(future);
      expect(decided.outcome).toBe('rejected');
      expect(decided.reason).toMatch(
        /^REGISTRY\.PROFILE_FROM_THE_FUTURE: profile refused: occurredAt 2999-01-01T00:00:00.000Z is \d+ s ahead/,
      );
      // The node is told, through the hub's receipt.
      const [receipt] = await mesh.hubQuery<{ envelope: { payload: { outcome: string; reason: string } } }>(
        `SELECT envelope FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`,
        [future],
      );
      expect(receipt.envelope.payload).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringMatching(/^REGISTRY\.PROFILE_FROM_THE_FUTURE/),
      });
      expect((await coop('holme-valley')).name).toBe(current.name);

      await patchProfile('holme-valley', { name: 'Holme Valley Care Co-operative' });
      await waitFor(
        'the genuine change on the hub',
        () => coop('holme-valley'),
        (c) => c.name === 'Holme Valley Care Co-operative',
      );
    },
    NODE_START_TIMEOUT_MS,
  );

  it('marks a co-op offline when its heartbeats stop', async () => {
    await mesh.stopNode('holme-valley');
    const gone = await waitFor(
      'holme-valley offline',
      () => coop('holme-valley'),
      (c) => c.connectivity === 'offline',
    );
    expect(gone.status).toBe('registered');
    expect((await coop('colne-valley')).connectivity).toBe('online');
    const offline = await mesh.hubHttp().get('/coops?connectivity=offline').set('Authorization', `Bearer ${staff}`).expect(200);
    expect(offline.body.items.map((c: { id: string }) => c.id)).toEqual(['holme-valley']);
  });

  it('lets consortium staff change a co-op status, and refuses a status that does not exist', async () => {
    await mesh
      .hubHttp()
      .patch('/coops/colne-valley/status')
      .set('Authorization', `Bearer ${staff}`)
      .send({ status: 'trading' })
      .expect(204);
    expect((await coop('colne-valley')).status).toBe('trading');
    const bad = await mesh
      .hubHttp()
      .patch('/coops/colne-valley/status')
      .set('Authorization', `Bearer ${staff}`)
      .send({ status: 'bankrupt' })
      .expect(400);
    expect(bad.body.message.join(' ')).toMatch(/status must be one of/);
    expect((await coop('colne-valley')).status).toBe('trading');
    await mesh.hubHttp().patch('/coops/nowhere/status').set('Authorization', `Bearer ${staff}`).send({ status: 'left' }).expect(404);
  });

  it(
    'takes no message and counts no heartbeat from a co-op from the moment it leaves',
    async () => {
      await waitFor(
        'colne-valley online',
        () => coop('colne-valley'),
        (c) => c.connectivity === 'online',
      );
      const before = await coop('colne-valley');
      await mesh.hubHttp().patch('/coops/colne-valley/status').set('Authorization', `Bearer ${staff}`).send({ status: 'left' }).expect(204);
      const leftAt = Date.now();

      // Its node is still running and this NATS lets anyone in: the hub itself must refuse.
      const sent = await publishSignedProfile(
        'colne-valley',
        {
          name: 'Colne Valley After Leaving',
          legalForm: 'community-benefit-society',
          localities: ['Marsden'],
          servicesOffered: [],
          nodeVersion: '0.0.0',
        },
        new Date(),
      );
      const refused = await waitFor(
        'the message dead-lettered with its reason',
        async () => (await mesh.hubQuery<{ reason: string }>('SELECT reason FROM dead_letter WHERE message_id = $1', [sent]))[0],
        Boolean,
      );
      expect(refused.reason).toMatch(/co-op colne-valley has no signing key on record/);
      expect(await mesh.hubQuery('SELECT 1 FROM inbox_message WHERE message_id = $1', [sent])).toEqual([]);

      // Heartbeats keep flowing (holme-valley's advance past the leaving), but none of colne-valley's counts.
      await mesh.startNode('holme-valley');
      await waitFor(
        "another co-op's heartbeats recorded well after the leaving",
        () => coop('holme-valley'),
        (c) => c.lastHeartbeatAt !== null && new Date(c.lastHeartbeatAt).getTime() > leftAt + 1500,
      );
      const after = await coop('colne-valley');
      expect(after.name).toBe(before.name);
      expect(new Date(after.lastHeartbeatAt).getTime()).toBeLessThanOrEqual(leftAt);
    },
    NODE_START_TIMEOUT_MS,
  );

  it(
    'refuses a sponsor the node claims for itself, until consortium staff record it',
    async () => {
      await mesh.startNode('marsden', { COOP_NAME: 'Marsden Care Co-op', COOP_LOCALITIES: 'Marsden', COOP_SPONSOR_ID: 'colne-valley' });
      const registration = await settled('marsden', 'coop.registered');
      expect(registration.status).toBe('rejected');
      expect(registration.last_error).toMatch(
        /^REGISTRY\.SPONSOR_NOT_YOURS: the profile names colne-valley as sponsor but the consortium records no sponsor/,
      );
      expect(await coop('marsden')).toMatchObject({ sponsorCoopId: null, localities: [] });

      const put = (id: string, sponsorCoopId: unknown) =>
        mesh.hubHttp().put(`/coops/${id}/sponsor`).set('Authorization', `Bearer ${staff}`).send({ sponsorCoopId });
      expect((await put('marsden', 'marsden').expect(400)).body.code).toBe('REGISTRY.SELF_SPONSOR');
      expect((await put('marsden', 'nowhere').expect(400)).body.code).toBe('REGISTRY.SPONSOR_UNKNOWN');
      expect((await put('marsden', 'Not An Id').expect(400)).body.message.join(' ')).toMatch(/sponsorCoopId must be a co-op id/);
      await put('marsden', 'colne-valley').expect(204);
      expect((await put('colne-valley', 'marsden').expect(409)).body.code).toBe('REGISTRY.SPONSOR_LOOP');
      expect((await coop('colne-valley')).sponsorCoopId).toBeNull();
    },
    NODE_START_TIMEOUT_MS,
  );

  it(
    'accepts the registration once its sponsor claim matches what staff recorded',
    async () => {
      await mesh.stopNode('marsden');
      await mesh.startNode('marsden');
      const accepted = await waitFor(
        'the registration accepted once the claim matches the record',
        () => coop('marsden'),
        (c) => c.localities?.includes('Marsden'),
      );
      expect(accepted.sponsorCoopId).toBe('colne-valley');
      expect((await settled('marsden', 'coop.registered')).status).toBe('confirmed');
      await mesh.stopNode('marsden');
    },
    NODE_START_TIMEOUT_MS,
  );
});
