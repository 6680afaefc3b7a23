import { TestMesh } from '../support/mesh';

/** Records stay consistent with each other: dates, elections and departures that would contradict them are refused. */
describe('record consistency', () => {
  const mesh = new TestMesh();
  const COOP = 'consistency';
  const admin = () => `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}`;
  const as = (id: string) => `Bearer ${mesh.nodeToken(COOP, 'member', id)}`;
  const http = () => mesh.nodeHttp(COOP);
  const admit = async (cls: string) =>
    (
      await http()
        .post('/members')
        .set('Authorization', admin())
        .send({ stakeholderClass: cls, fullName: `${cls} member`, initialSharesPence: 100 })
        .expect(201)
    ).body.id as string;
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  it('refuses a ballot backdated to open in the past, which would disenfranchise newer members', async () => {
    const res = await http()
      .post('/ballots')
      .set('Authorization', admin())
      .send({ kind: 'motion', title: 'Backdated', resolution: 'ordinary', opensAt: '2000-01-01T00:00:00Z', closesAt: inAWeek() })
      .expect(400);
    expect(res.body.code).toBe('GOVERNANCE.OPENS_IN_PAST');
  });

  it.each(['2030-W01-1', '2030-123', '2030', '2030-01-01'])(
    'refuses closesAt %s, which is not a date and time with its zone, naming the field',
    async (closesAt) => {
      const res = await http()
        .post('/ballots')
        .set('Authorization', admin())
        .send({ kind: 'motion', title: 'Odd date', resolution: 'ordinary', closesAt })
        .expect(400);
      expect(res.body.message.join()).toMatch(/closesAt must be a date and time with a zone offset/);
      await http()
        .get(`/audit?from=${encodeURIComponent(closesAt)}`)
        .set('Authorization', admin())
        .expect(400);
    },
  );

  it('does not seat a winning candidate who withdrew before the close; the next in line takes the seat', async () => {
    const workers = [await admit('worker'), await admit('worker'), await admit('worker'), await admit('worker')];
    const election = (
      await http()
        .post('/ballots')
        .set('Authorization', admin())
        .send({
          kind: 'election',
          title: 'Workers',
          stakeholderClass: 'worker',
          seats: 1,
          candidateMemberIds: workers.slice(0, 2),
          closesAt: inAWeek(),
        })
        .expect(201)
    ).body;
    await http()
      .post(`/ballots/${election.id}/votes`)
      .set('Authorization', as(workers[2]))
      .send({ candidates: [workers[0]] })
      .expect(204);
    await http()
      .post(`/ballots/${election.id}/votes`)
      .set('Authorization', as(workers[3]))
      .send({ candidates: [workers[0]] })
      .expect(204);
    await http()
      .post(`/ballots/${election.id}/votes`)
      .set('Authorization', as(workers[1]))
      .send({ candidates: [workers[1]] })
      .expect(204);
    await http().post(`/members/${workers[0]}/withdrawal`).set('Authorization', admin()).send({}).expect(200);
    await mesh.nodeQuery(
      COOP,
      `UPDATE ballot SET opens_at = opens_at - interval '1 hour', closes_at = now() - interval '1 second' WHERE id = $1`,
      [election.id],
    );
    const closed = (await http().post(`/ballots/${election.id}/close`).set('Authorization', admin()).expect(200)).body;
    expect(closed.result).toMatchObject({
      elected: [workers[1]],
      seated: [workers[1]],
      withdrawnCandidates: [{ key: workers[0], votes: 2 }],
    });
  });

  it('refuses a withdrawal dated in the future', async () => {
    const id = await admit('volunteer');
    const res = await http()
      .post(`/members/${id}/withdrawal`)
      .set('Authorization', admin())
      .send({ withdrawnOn: '2099-01-01' })
      .expect(400);
    expect(res.body.code).toBe('MEMBERS.WITHDRAWAL_IN_FUTURE');
    expect((await http().get(`/members/${id}`).set('Authorization', admin()).expect(200)).body).toMatchObject({
      withdrawnOn: null,
      votes: 1,
    });
  });

  it("refuses a carer's leaving date before visits they are down for", async () => {
    const carer = (
      await http()
        .post('/staff')
        .set('Authorization', admin())
        .send({
          fullName: 'Carer',
          role: 'care-worker',
          contractType: 'zero-hours',
          hourlyPayPence: 1345,
          contractedMinutesPerWeek: 0,
          startedOn: '2026-01-01',
          locality: 'Marsden',
        })
        .expect(201)
    ).body.id;
    const person = (
      await http()
        .post('/service-users')
        .set('Authorization', admin())
        .send({
          fullName: 'Person',
          dateOfBirth: '1940-05-01',
          address: '1 Mill Lane',
          locality: 'Marsden',
          fundingType: 'self-funder',
          startedOn: '2026-01-01',
        })
        .expect(201)
    ).body.id;
    await http()
      .post('/visits')
      .set('Authorization', admin())
      .send({
        serviceUserId: person,
        carerId: carer,
        serviceType: 'personal-care',
        plannedStart: '2026-03-02T09:00:00Z',
        plannedMinutes: 30,
      })
      .expect(201);
    const res = await http()
      .post(`/staff/${carer}/leaving`)
      .set('Authorization', admin())
      .send({ leftOn: '2026-02-28', reason: 'moved on' })
      .expect(409);
    expect(res.body.code).toBe('WORKFORCE.VISITS_AFTER_LEAVING');
    await http()
      .post(`/staff/${carer}/leaving`)
      .set('Authorization', admin())
      .send({ leftOn: '2026-03-02', reason: 'moved on' })
      .expect(200);
  });

  it("refuses a volunteer's departure dated before hours they logged", async () => {
    const volunteer = (
      await http().post('/volunteers').set('Authorization', admin()).send({ fullName: 'Helper', joinedOn: '2026-01-01' }).expect(201)
    ).body.id;
    await http()
      .post(`/volunteers/${volunteer}/hours`)
      .set('Authorization', admin())
      .send({ workedOn: '2026-02-10', activity: 'befriending', minutes: 60 })
      .expect(201);
    const res = await http()
      .post(`/volunteers/${volunteer}/departure`)
      .set('Authorization', admin())
      .send({ leftOn: '2026-02-01' })
      .expect(409);
    expect(res.body.code).toBe('VOLUNTEERING.ACTIVITY_AFTER_LEAVING');
  });
});
