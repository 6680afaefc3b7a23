import { randomBytes } from 'node:crypto';

import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * GET /metrics on both apps, as Prometheus scrapes it: only with the operator's token (and not at all
 * without METRICS_TOKEN), in the text format, with the request latencies by route template, the durable
 * messages published and applied by type, the outbox and NATS state, and on the hub the co-ops online.
 */
describe('metrics', () => {
  const mesh = new TestMesh();
  const COOP = 'metrics-golcar';
  const token = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    await mesh.startHub({ METRICS_TOKEN: token });
    await mesh.startNode(COOP, { METRICS_TOKEN: token });
    await mesh.registered(COOP);
  });
  afterAll(() => mesh.dispose());

  const scrape = async (http: ReturnType<TestMesh['hubHttp']>) =>
    (await http.get('/metrics').set('Authorization', `Bearer ${token}`).expect(200)).text;
  /** One sample's value, by metric name and labels in the exposition format, or undefined. */
  const sample = (text: string, name: string, labels: Record<string, string>): number | undefined => {
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  it('answers only the operator token: 401 without it or with another, and the text format with it', async () => {
    await mesh.hubHttp().get('/metrics').expect(401);
    await mesh.hubHttp().get('/metrics').set('Authorization', `Bearer ${token}x`).expect(401);
    // A user's API token is no metrics token.
    await mesh
      .hubHttp()
      .get('/metrics')
      .set('Authorization', `Bearer ${mesh.hubToken('consortium-staff')}`)
      .expect(401);
    const res = await mesh.nodeHttp(COOP).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(res.text).toContain('process_cpu_seconds_total{app="local-coop-node"}');
    expect(res.text).toContain('nodejs_heap_size_used_bytes{app="local-coop-node"}');
  });

  it('is absent (404) on an app started without METRICS_TOKEN', async () => {
    const other = new TestMesh();
    try {
      await other.startHub();
      await other.hubHttp().get('/metrics').set('Authorization', `Bearer ${token}`).expect(404);
    } finally {
      await other.dispose();
    }
  });

  it('times requests by route template and status, never by raw path', async () => {
    await mesh.hub().as('consortium-staff').get(`/coops/${COOP}`).expect(200);
    await mesh.hub().as('consortium-staff').get('/coops/no-such-coop').expect(404);
    const text = await scrape(mesh.hubHttp());
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: '/coops/:id', status: '200', method: 'GET' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: '/coops/:id', status: '404', method: 'GET' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(`route="/coops/${COOP}"`);
  });

  it('counts durable messages published by the node and applied by the hub, by type, and shows the outbox settled and NATS up', async () => {
    const type = 'coop.registered';
    const node = await waitFor(
      'the node to count its registration published',
      () => scrape(mesh.nodeHttp(COOP)),
      (text) => (sample(text, 'ccm_messages_published_total', { type }) ?? 0) >= 1,
    );
    expect(sample(node, 'ccm_nats_connected', {})).toBe(1);
    const hub = await scrape(mesh.hubHttp());
    expect(sample(hub, 'ccm_messages_applied_total', { type, outcome: 'applied' })).toBeGreaterThanOrEqual(1);
    expect(sample(hub, 'ccm_inbox_apply_seconds_count', { type })).toBeGreaterThanOrEqual(1);
    // Once the hub's receipts are in, nothing of the node's is unconfirmed.
    const settled = await waitFor(
      "the node's outbox to settle",
      () => scrape(mesh.nodeHttp(COOP)),
      (text) =>
        sample(text, 'ccm_outbox_unconfirmed_messages', { status: 'published' }) === 0 &&
        sample(text, 'ccm_outbox_unconfirmed_messages', { status: 'pending' }) === 0,
    );
    expect(settled).toMatch(/^ccm_outbox_oldest_unconfirmed_seconds\{app="local-coop-node"\} 0$/m);
  });

  it('shows on the hub the co-ops online and the heartbeat lag', async () => {
    const text = await waitFor(
      'the hub to see the co-op online',
      () => scrape(mesh.hubHttp()),
      (t) => sample(t, 'ccm_coops', { connectivity: 'online' }) === 1,
    );
    expect(sample(text, 'ccm_heartbeat_lag_seconds', {})).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'ccm_heartbeat_lag_seconds', {})).toBeLessThan(60);
  });
});
