import { aVacancy } from '../support/builders';
import { candidateInPool } from '../support/candidates';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

const HADE = 'hade-edge-care';

/**
 * A co-op that leaves the consortium with a request to hire still waiting for a candidate, on a real
 * hub and node, PostgreSQL and NATS: the request ends 'closed' in the leaving's transaction, so the
 * candidate can no longer accept it and no application of theirs is sealed for a co-op that left.
 */
describe('recruitment: a co-op that leaves with a request waiting', () => {
  const mesh = new TestMesh();
  const admin = () => mesh.node(HADE).as('coop-admin');

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(HADE, { COOP_LOCALITIES: 'Holmfirth' });
    await waitFor(
      `${HADE}'s sealing key on the hub`,
      () => mesh.hubQuery<{ sealing_key: string | null }>('SELECT sealing_key FROM coop WHERE id = $1', [HADE]),
      (rows) => rows[0]?.sealing_key === mesh.sealingKeyOf(HADE),
    );
  }, 120_000);

  afterAll(() => mesh.dispose());

  it('closes the request when the co-op leaves: the candidate sees it closed and cannot accept it', async () => {
    const candidate = await candidateInPool(mesh, `leaving.${mesh.id}@example.org`, { localities: ['Holmfirth'] });
    const vacancyId = (
      await admin()
        .post('/vacancies', aVacancy({ locality: 'Holmfirth' }))
        .expect(201)
    ).body.id as string;
    await admin().put(`/vacancies/${vacancyId}/pool`, { startsOn: '2031-02-03' }).expect(200);
    const matches = await waitFor(
      'the candidate among the matches',
      async () => (await admin().get(`/vacancies/${vacancyId}/matches`)).body,
      (b) => b?.matches?.length === 1,
    );
    const requestId = (await admin().post('/hire-requests', { vacancyId, profileId: matches.matches[0].profileId }).expect(201)).body
      .id as string;
    await waitFor(
      'the request waiting for the candidate',
      async () => (await candidate.client.get('/recruitment/me/requests').expect(200)).body,
      (rs: { id: string; status: string }[]) => rs.some((r) => r.id === requestId && r.status === 'waiting'),
    );

    await mesh.hub().as('consortium-staff').patch(`/coops/${HADE}/status`).send({ status: 'left', note: 'wound up' }).expect(204);

    const [request] = (await candidate.client.get('/recruitment/me/requests').expect(200)).body;
    expect(request).toMatchObject({ id: requestId, status: 'closed' });
    const wordings = (await mesh.hub().anonymous().get('/recruitment/consent-wordings').expect(200)).body as {
      kind: string;
      version: string;
      current: boolean;
    }[];
    const hire = wordings.find((w) => w.kind === 'hire' && w.current)!.version;
    const refused = await candidate.client.post(`/recruitment/me/requests/${requestId}/accept`, { wordingVersion: hire }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'RECRUITMENT.REQUEST_NOT_WAITING',
      message: 'the request is closed: only a waiting request can be answered',
    });
    expect(
      await mesh.hubQuery(`SELECT 1 FROM outbox_message WHERE type = 'recruitment.application-sealed' AND coop_id = $1`, [HADE]),
    ).toEqual([]);
    expect(await mesh.hubQuery('SELECT kind FROM candidate_consent WHERE candidate_id = $1 AND kind = $2', [candidate.id, 'hire'])).toEqual(
      [],
    );
  });
});
