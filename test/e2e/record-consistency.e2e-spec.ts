import { admittedDaysAgo, aMember, aServiceUser, aVisit, aZeroHoursCarer, StakeholderClass } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** Records stay consistent with each other: dates, elections and departures that would contradict them are refused. */
describe('record consistency', () => {
  const mesh = new TestMesh();
  const COOP = 'consistency';
  const admin = mesh.node(COOP).as('coop-admin');
  const as = (id: string) => mesh.node(COOP).as('member', id);
  const admit = async (cls: StakeholderClass) =>
    (
      await admin
        .post('/members')
        .send(aMember({ stakeholderClass: cls, fullName: `${cls} member`, admittedOn: admittedDaysAgo(30) }))
        .expect(201)
    ).body.id as string;
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  it('refuses a ballot backdated to open in the past, which would disenfranchise newer members', async () => {
    const res = await admin
      .post('/ballots')
      .send({ kind: 'motion', title: 'Backdated', resolution: 'ordinary', opensAt: '2000-01-01T00:00:00Z', closesAt: inAWeek() })
      .expect(400);
    expect(res.body.code).toBe('GOVERNANCE.OPENS_IN_PAST');
  });

  it.each(['2030-W01-1', '2030-123', '2030', '2030-01-01'])(
    'refuses closesAt %s, which is not a date and time with its zone, naming the field',
    async (closesAt) => {
      const res = await admin.post('/ballots').send({ kind: 'motion', title: 'Odd date', resolution: 'ordinary', closesAt }).expect(400);
      expect(res.body.message.join()).toMatch(/closesAt must be a date and time with a zone offset/);
      await admin.get(`/audit?from=${encodeURIComponent(closesAt)}`).expect(400);
    },
  );

  it('does not seat a winning candidate who withdrew before the close; the next in line takes the seat', async () => {
    const workers = [await admit('worker'), await admit('worker'), await admit('worker'), await admit('worker')];
    const election = (
      await admin
        .post('/ballots')
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
    await as(workers[2])
      .post(`/ballots/${election.id}/votes`)
      .send({ candidates: [workers[0]] })
      .expect(204);
    await as(workers[3])
      .post(`/ballots/${election.id}/votes`)
      .send({ candidates: [workers[0]] })
      .expect(204);
    await as(workers[1])
      .post(`/ballots/${election.id}/votes`)
      .send({ candidates: [workers[1]] })
      .expect(204);
    await admin.post(`/members/${workers[0]}/withdrawal`).send({}).expect(200);
    await mesh.endBallotWindows(COOP, election.id);
    const closed = (await admin.post(`/ballots/${election.id}/close`).expect(200)).body;
    expect(closed.result).toMatchObject({
      elected: [workers[1]],
      seated: [workers[1]],
      withdrawnCandidates: [{ key: workers[0], votes: 2 }],
    });
  });

  it('counts as eligible the members admitted on the UK day a ballot opened, in the hour BST runs ahead of UTC', async () => {
    const supporter = (admittedOn: string) =>
      admin
        .post('/members')
        .send(aMember({ stakeholderClass: 'community-supporter', admittedOn }))
        .expect(201);
    // 23:30 UTC on 1 July is 00:30 on 2 July in the UK: members admitted on 2 July were members when it opened.
    await supporter('2026-07-02');
    await supporter('2026-07-02');
    await supporter('2026-07-03');
    const ballot = (
      await admin
        .post('/ballots')
        .send({
          kind: 'motion',
          title: 'Summer night motion',
          resolution: 'ordinary',
          eligibleClasses: ['community-supporter'],
          closesAt: inAWeek(),
        })
        .expect(201)
    ).body;
    await mesh.nodeQuery(
      COOP,
      `UPDATE ballot SET opens_at = '2026-07-01T23:30:00Z', closes_at = now() - interval '1 second' WHERE id = $1`,
      [ballot.id],
    );
    const closed = (await admin.post(`/ballots/${ballot.id}/close`).expect(200)).body;
    expect(closed.result).toMatchObject({ eligible: 2, voted: 0, quorumMet: false });
  });

  it('leaves no date column to default to the database server’s day, which is not always the UK’s', async () => {
    const defaults = await mesh.nodeQuery<{ column: string; default: string }>(
      COOP,
      `SELECT table_name || '.' || column_name AS column, column_default AS default FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'date' AND column_default IS NOT NULL`,
    );
    expect(defaults).toEqual([]);
  });

  it('refuses a withdrawal dated in the future', async () => {
    const id = await admit('volunteer');
    const res = await admin.post(`/members/${id}/withdrawal`).send({ withdrawnOn: '2099-01-01' }).expect(400);
    expect(res.body.code).toBe('MEMBERS.WITHDRAWAL_IN_FUTURE');
    expect((await admin.get(`/members/${id}`).expect(200)).body).toMatchObject({
      withdrawnOn: null,
      votes: 1,
    });
  });

  it("refuses a carer's leaving date before visits they are down for", async () => {
    const carer = (
      await admin
        .post('/staff')
        .send(aZeroHoursCarer({ fullName: 'Carer', locality: 'Marsden' }))
        .expect(201)
    ).body.id;
    const person = (
      await admin
        .post('/service-users')
        .send(aServiceUser({ fullName: 'Person', locality: 'Marsden', fundingType: 'self-funder' }))
        .expect(201)
    ).body.id;
    await admin
      .post('/visits')
      .send(aVisit({ serviceUserId: person, carerId: carer }))
      .expect(201);
    const res = await admin.post(`/staff/${carer}/leaving`).send({ leftOn: '2026-02-28', reason: 'moved on' }).expect(409);
    expect(res.body.code).toBe('WORKFORCE.VISITS_AFTER_LEAVING');
    await admin.post(`/staff/${carer}/leaving`).send({ leftOn: '2026-03-02', reason: 'moved on' }).expect(200);
  });

  it("refuses a volunteer's departure dated before hours they logged", async () => {
    const volunteer = (await admin.post('/volunteers').send({ fullName: 'Helper', joinedOn: '2026-01-01' }).expect(201)).body.id;
    await admin.post(`/volunteers/${volunteer}/hours`).send({ workedOn: '2026-02-10', activity: 'befriending', minutes: 60 }).expect(201);
    const res = await admin.post(`/volunteers/${volunteer}/departure`).send({ leftOn: '2026-02-01' }).expect(409);
    expect(res.body.code).toBe('VOLUNTEERING.ACTIVITY_AFTER_LEAVING');
  });
});
