import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

describe('registration and liveness (hub and nodes over the real NATS and PostgreSQL)', () => {
  const mesh = new TestMesh();
  let staff: string;

  beforeAll(async () => {
    await mesh.startHub();
    staff = mesh.hubToken('consortium-staff');
  });
  afterAll(() => mesh.dispose());

  const coop = async (id: string) => (await mesh.hubHttp().get(`/coops/${id}`).set('Authorization', `Bearer ${staff}`)).body;

  it('shows a started node in GET /coops, online, with its profile and version', async () => {
    await mesh.startNode('colne-valley', { COOP_NAME: 'Colne Valley Care Co-op', COOP_LOCALITIES: 'Marsden,Slaithwaite' });
    await mesh.startNode('holme-valley', { COOP_NAME: 'Holme Valley Care Co-op', COOP_LOCALITIES: 'Holmfirth' });

    const list = await waitFor(
      'both co-ops registered (profile received) and online',
      async () => (await mesh.hubHttp().get('/coops').set('Authorization', `Bearer ${staff}`).expect(200)).body,
      // Provisioning lists a co-op before its node registers; the profile arrives with the registration.
      (body) => body.total === 2 && body.items.every((c: { connectivity: string; localities: string[] }) => c.connectivity === 'online' && c.localities.length > 0),
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
    const res = await mesh.hubHttp().get('/coops?locality=Holmfirth&service=befriending').set('Authorization', `Bearer ${staff}`).expect(200);
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
    const updated = await waitFor('the new profile on the hub', () => coop('holme-valley'), (c) => c.localities?.includes('Honley'));
    expect(updated).toMatchObject({ servicesOffered: ['gardening'], registrationNumber: 'RS008123', cqcRating: 'good' });
  });

  it('marks a co-op offline when its heartbeats stop', async () => {
    await mesh.stopNode('holme-valley');
    const gone = await waitFor('holme-valley offline', () => coop('holme-valley'), (c) => c.connectivity === 'offline');
    expect(gone.status).toBe('registered');
    expect((await coop('colne-valley')).connectivity).toBe('online');
    const offline = await mesh.hubHttp().get('/coops?connectivity=offline').set('Authorization', `Bearer ${staff}`).expect(200);
    expect(offline.body.items.map((c: { id: string }) => c.id)).toEqual(['holme-valley']);
  });

  it('lets consortium staff change a co-op status, and refuses a status that does not exist', async () => {
    await mesh.hubHttp().patch('/coops/colne-valley/status').set('Authorization', `Bearer ${staff}`).send({ status: 'trading' }).expect(204);
    expect((await coop('colne-valley')).status).toBe('trading');
    const bad = await mesh.hubHttp().patch('/coops/colne-valley/status').set('Authorization', `Bearer ${staff}`).send({ status: 'bankrupt' }).expect(400);
    expect(bad.body.message.join(' ')).toMatch(/status must be one of/);
    expect((await coop('colne-valley')).status).toBe('trading');
    await mesh.hubHttp().patch('/coops/nowhere/status').set('Authorization', `Bearer ${staff}`).send({ status: 'left' }).expect(404);
  });
});
