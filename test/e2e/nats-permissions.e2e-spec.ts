import { NatsConnection, connect, nkeyAuthenticator } from 'nats';
import { COOP_PROFILE_UPDATED_V1, buildMessage, encodeMessage, subjectScheme } from '@app/contracts';
import { nodeInboxPrefix } from '@app/federation';
import { hubNatsAuthorization } from '../../apps/consortium-hub/src/bootstrap';
import { natsAuthorization } from '../../apps/consortium-hub/src/registry/nats-authorization';
import { TestMesh } from '../support/mesh';
import { TestNatsServer } from '../support/nats-server';
import { waitFor } from '../support/wait-for';

/**
 * Each co-op speaks only for itself: against a real nats-server running the authorization that
 * "consortium-hub nats-config" writes from the registry.
 */
describe('per-co-op NATS identities', () => {
  let server: TestNatsServer;
  let mesh: TestMesh;
  let a: NatsConnection;
  const errors: string[] = [];
  const A = 'almondbury';
  const B = 'batley';

  const asCoop = (coopId: string) =>
    connect({ servers: server.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(mesh.seedOf(coopId))), inboxPrefix: nodeInboxPrefix(coopId), timeout: 3000 });

  beforeAll(async () => {
    mesh = new TestMesh('nats://placeholder:1');
    const hubOnly = natsAuthorization(subjectScheme(mesh.root), mesh.hubSigner.publicKey, []);
    server = await TestNatsServer.start(hubOnly);
    (mesh as { natsUrl: string }).natsUrl = server.url;
    await mesh.startHub();
    await mesh.provision(A);
    await mesh.provision(B);
    // The operator's step: write the authorization from the registry and reload the server.
    await server.reload(await hubNatsAuthorization(mesh.hubConfig()), async () => {
      try {
        await (await asCoop(A)).close();
        return true;
      } catch {
        return false;
      }
    });
    await mesh.startNode(A);
    await mesh.startNode(B);
    a = await asCoop(A);
    void (async () => {
      for await (const s of a.status()) {
        // The server names the operation and subject it refused.
        const ctx = (s as { permissionContext?: { operation: string; subject: string } }).permissionContext;
        if (s.type === 'error' && ctx) errors.push(`${ctx.operation} ${ctx.subject}`);
      }
    })();
  });

  afterAll(async () => {
    await a?.close();
    await mesh?.dispose();
    await server?.dispose();
  });

  const staff = () => `Bearer ${mesh.hubToken('consortium-staff')}`;

  it('lets the hub work with both co-ops through their own identities', async () => {
    await waitFor(
      'both co-ops online',
      async () => (await mesh.hubHttp().get('/coops').set('Authorization', staff())).body,
      (b) => b.items?.filter((c: { connectivity: string }) => c.connectivity === 'online').length === 2,
    );
    for (const coop of [A, B]) {
      const admin = `Bearer ${mesh.nodeToken(coop, 'coop-admin')}`;
      await waitFor(
        `${coop}'s registration confirmed over its own consumer`,
        async () => (await mesh.nodeHttp(coop).get('/federation/status').set('Authorization', admin)).body,
        (s) => s.registryStatus === 'registered' && s.outbox.pending + s.outbox.published === 0,
      );
    }
  });

  it("refuses co-op A's publish on co-op B's subjects", async () => {
    const scheme = subjectScheme(mesh.root);
    const forged = mesh.signerOf(A).sign(
      buildMessage(COOP_PROFILE_UPDATED_V1, { name: 'Taken over', legalForm: 'community-benefit-society', localities: ['Batley'], servicesOffered: [], nodeVersion: '0' }, { coopId: B }),
    );
    await expect(a.jetstream().publish(scheme.coopMessage(B, forged.type), encodeMessage(forged), { timeout: 2000 })).rejects.toThrow(/Permissions Violation|PERMISSIONS_VIOLATION|timeout/i);
    await waitFor('the server to report the violation', () => errors.join('\n'), (e) => e.includes(`publish ${scheme.coopMessage(B, forged.type)}`));
    const hubView = (await mesh.hubHttp().get(`/coops/${B}`).set('Authorization', staff())).body;
    expect(hubView.name).not.toBe('Taken over');
  });

  it("refuses co-op A a subscription to co-op B's traffic, both directions", async () => {
    for (const subject of [`${mesh.root}.v1.coop.${B}.>`, `${mesh.root}.v1.hub.${B}.msg.>`, '_INBOX.>', `${nodeInboxPrefix(B)}.>`]) {
      a.subscribe(subject);
      await waitFor(`a violation for ${subject}`, () => errors.join('\n'), (e) => e.includes(`subscription ${subject}`));
    }
  });

  it("refuses co-op A the JetStream messages addressed to co-op B", async () => {
    const scheme = subjectScheme(mesh.root);
    await expect(a.jetstream().consumers.get(scheme.hubStream(), scheme.nodeConsumer(B))).rejects.toThrow();
    await expect(a.request(`$JS.API.CONSUMER.MSG.NEXT.${scheme.hubStream()}.${scheme.nodeConsumer(B)}`, JSON.stringify({ batch: 1 }), { timeout: 1500 })).rejects.toThrow();
    await expect(a.request(`$JS.API.STREAM.MSG.GET.${scheme.hubStream()}`, JSON.stringify({ seq: 1 }), { timeout: 1500 })).rejects.toThrow();
    await expect(a.request(`$JS.API.DIRECT.GET.${scheme.hubStream()}`, JSON.stringify({ seq: 1 }), { timeout: 1500 })).rejects.toThrow();
    await waitFor('violations for each attempt', () => errors.join('\n'), (e) =>
      [`CONSUMER.INFO.${scheme.hubStream()}.${scheme.nodeConsumer(B)}`, `CONSUMER.MSG.NEXT.${scheme.hubStream()}.${scheme.nodeConsumer(B)}`, `STREAM.MSG.GET.${scheme.hubStream()}`, `DIRECT.GET.${scheme.hubStream()}`].every((api) => e.includes(`publish $JS.API.${api}`)),
    );
  });

  it('still lets co-op A publish its own messages and read its own consumer', async () => {
    const scheme = subjectScheme(mesh.root);
    const consumer = await a.jetstream().consumers.get(scheme.hubStream(), scheme.nodeConsumer(A));
    expect((await consumer.info()).name).toBe(scheme.nodeConsumer(A));
    const own = mesh.signerOf(A).sign(
      buildMessage(COOP_PROFILE_UPDATED_V1, { name: 'Almondbury Care', legalForm: 'community-benefit-society', localities: ['Almondbury'], servicesOffered: [], nodeVersion: '0' }, { coopId: A }),
    );
    const ack = await a.jetstream().publish(scheme.coopMessage(A, own.type), encodeMessage(own), { msgID: own.id });
    expect(ack.duplicate).toBe(false);
    await waitFor('the hub to apply it', async () => (await mesh.hubHttp().get(`/coops/${A}`).set('Authorization', staff())).body.name, (n) => n === 'Almondbury Care');
  });
});
