import { BallotCloser } from '../../apps/local-coop-node/src/governance/ballot-closer.service';
import { TestMesh } from '../support/mesh';

/** Ballots, elections, the board and rulebook changes on a real node. */
describe('governance', () => {
  const mesh = new TestMesh();
  const COOP = 'kirkburton';
  const admin = () => `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}`;
  const as = (memberId: string) => `Bearer ${mesh.nodeToken(COOP, 'member', memberId)}`;
  const http = () => mesh.nodeHttp(COOP);
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
  const m: Record<string, string[]> = {};

  /** Time passes: the ballot's window ends now (the scheduler or POST close then counts it). */
  const endWindow = (id: string) => mesh.nodeQuery(COOP, `UPDATE ballot SET opens_at = least(opens_at, now() - interval '1 hour'), closes_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const vote = (ballotId: string, memberId: string, body: object) => http().post(`/ballots/${ballotId}/votes`).set('Authorization', as(memberId)).send(body);
  const motion = async (body: object = {}) =>
    (await http().post('/ballots').set('Authorization', admin()).send({ kind: 'motion', title: 'Adopt the winter plan', resolution: 'ordinary', closesAt: inAWeek(), ...body }).expect(201)).body;

  beforeAll(async () => {
    await mesh.startNode(COOP);
    const admit = async (cls: string, n: number, shares = 100) => {
      m[cls] = [];
      for (let i = 0; i < n; i++) {
        const res = await http().post('/members').set('Authorization', admin()).send({ stakeholderClass: cls, fullName: `${cls} ${i}`, initialSharesPence: shares }).expect(201);
        m[cls].push(res.body.id);
      }
    };
    await admit('service-user-or-family', 3);
    await admit('worker', 4);
    await admit('volunteer', 3);
    await admit('community-supporter', 1, 500_000);
  });
  afterAll(() => mesh.dispose());

  describe('a motion', () => {
    let ballot: { id: string };

    it('takes one vote per member, refuses a second, and hides the tally while open', async () => {
      ballot = await motion();
      await vote(ballot.id, m.worker[0], { choice: 'for' }).expect(204);
      await vote(ballot.id, m.worker[1], { choice: 'for' }).expect(204);
      await vote(ballot.id, m['service-user-or-family'][0], { choice: 'against' }).expect(204);
      await vote(ballot.id, m.volunteer[0], { choice: 'abstain' }).expect(204);
      const again = await vote(ballot.id, m.worker[0], { choice: 'against' }).expect(409);
      expect(again.body.code).toBe('GOVERNANCE.ALREADY_VOTED');
      const open = await http().get(`/ballots/${ballot.id}`).set('Authorization', as(m.worker[0])).expect(200);
      expect(open.body.state).toBe('open');
      expect(open.body.options.map((o: { votes: number | null }) => o.votes)).toEqual([null, null, null]);
    });

    it('counts the large shareholder once: one member, one vote', async () => {
      await vote(ballot.id, m['community-supporter'][0], { choice: 'for' }).expect(204);
      const [{ votes }] = await mesh.nodeQuery<{ votes: number }>(COOP, `SELECT votes FROM ballot_option WHERE ballot_id = $1 AND option_key = 'for'`, [ballot.id]);
      expect(votes).toBe(3);
    });

    it('refuses a result before the window closes, then computes it once and for all', async () => {
      expect((await http().post(`/ballots/${ballot.id}/close`).set('Authorization', admin()).expect(409)).body.code).toBe('GOVERNANCE.STILL_OPEN');
      await endWindow(ballot.id);
      await vote(ballot.id, m.worker[2], { choice: 'for' }).expect(409);
      const closed = await http().post(`/ballots/${ballot.id}/close`).set('Authorization', admin()).expect(200);
      expect(closed.body.result).toEqual({ for: 3, against: 1, abstain: 1, eligible: 11, voted: 5, turnoutPercent: 45.5, quorumMet: true, passed: true });
      expect(closed.body.options.map((o: { votes: number }) => o.votes)).toEqual([3, 1, 1]);
      // Final: a later recount cannot change it, even if the tallies were tampered with.
      await mesh.nodeQuery(COOP, `UPDATE ballot_option SET votes = 99 WHERE ballot_id = $1 AND option_key = 'against'`, [ballot.id]);
      expect((await http().post(`/ballots/${ballot.id}/close`).set('Authorization', admin()).expect(200)).body.result.against).toBe(1);
    });

    it('keeps the ballot secret: casting a vote writes who voted and a tally, and nothing that links them', async () => {
      const b = await motion({ title: 'Secret ballot check' });
      const tables = (await mesh.nodeQuery<{ table_name: string }>(COOP, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).map((t) => t.table_name);
      const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await mesh.nodeQuery<{ n: string }>(COOP, `SELECT count(*) AS n FROM "${t}"`))[0].n)])));
      const before = await counts();
      await vote(b.id, m.worker[3], { choice: 'against' }).expect(204);
      const after = await counts();
      const grew = tables.filter((t) => after[t] !== before[t]).sort();
      // The audit trail records the request (who, which ballot), like participation; never the choice.
      expect(grew).toEqual(['audit_event', 'ballot_participation']);
      const [audit] = await mesh.nodeQuery(COOP, 'SELECT * FROM audit_event ORDER BY id DESC LIMIT 1');
      expect(audit).toMatchObject({ action: 'POST /ballots/:id/votes', target: `id=${b.id}` });
      expect(JSON.stringify(audit)).not.toMatch(/against|for|abstain/);
      const columns = await mesh.nodeQuery<{ column_name: string }>(COOP, `SELECT column_name FROM information_schema.columns WHERE table_name = 'ballot_participation' ORDER BY ordinal_position`);
      expect(columns.map((c) => c.column_name)).toEqual(['ballot_id', 'member_id']);
      const memberColumns = await mesh.nodeQuery<{ table_name: string; column_name: string }>(
        COOP,
        `SELECT c.table_name, c.column_name FROM information_schema.columns c
          WHERE c.table_schema = 'public' AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE column_name IN ('option_key', 'choice'))
            AND (c.column_name LIKE '%member_id%' OR c.column_name = 'voter')`,
      );
      // The only member column beside an option is the candidate standing, never a voter.
      expect(memberColumns).toEqual([{ table_name: 'ballot_option', column_name: 'candidate_member_id' }]);
    });

    it('hides a ballot from a class that may not vote on it, and refuses votes before it opens', async () => {
      const workersOnly = await motion({ eligibleClasses: ['worker'] });
      await vote(workersOnly.id, m.volunteer[1], { choice: 'for' }).expect(404);
      await http().get(`/ballots/${workersOnly.id}`).set('Authorization', as(m.volunteer[1])).expect(404);
      const later = await motion({ opensAt: new Date(Date.now() + 86_400_000).toISOString() });
      const res = await vote(later.id, m.worker[0], { choice: 'for' }).expect(409);
      expect(res.body).toMatchObject({ code: 'GOVERNANCE.OUTSIDE_WINDOW', message: expect.stringContaining('upcoming') });
      await vote(later.id, m.worker[0], { candidates: ['for'] }).expect(400);
    });

    it('fails a special resolution short of three quarters, and any motion short of quorum', async () => {
      const special = await motion({ resolution: 'special' });
      for (const id of [m.worker[0], m.worker[1]]) await vote(special.id, id, { choice: 'for' }).expect(204);
      await vote(special.id, m.volunteer[0], { choice: 'against' }).expect(204);
      await endWindow(special.id);
      expect((await http().post(`/ballots/${special.id}/close`).set('Authorization', admin()).expect(200)).body.result).toMatchObject({ for: 2, against: 1, passed: false, quorumMet: true });
      const quiet = await motion();
      await endWindow(quiet.id);
      expect((await http().post(`/ballots/${quiet.id}/close`).set('Authorization', admin()).expect(200)).body.result).toMatchObject({ voted: 0, quorumMet: false, passed: false });
    });
    it('is closed by the scheduled sweep once its window has ended', async () => {
      const b = await motion({ title: 'Closed by the scheduler' });
      await vote(b.id, m.worker[0], { choice: 'for' }).expect(204);
      await endWindow(b.id);
      await mesh.nodes.get(COOP)!.get(BallotCloser).sweep();
      const after = (await http().get(`/ballots/${b.id}`).set('Authorization', admin()).expect(200)).body;
      expect(after).toMatchObject({ state: 'closed', result: { for: 1, voted: 1 } });
    });
  });

  describe('board elections', () => {
    it('lets each class elect its own seats, and refuses a vote from another class with the reason', async () => {
      const res = await http()
        .post('/ballots')
        .set('Authorization', admin())
        .send({ kind: 'election', title: 'Worker directors 2026', stakeholderClass: 'worker', candidateMemberIds: m.worker, closesAt: inAWeek() })
        .expect(201);
      const election = res.body;
      expect(election).toMatchObject({ seats: 3, eligibleClasses: ['worker'], electionClass: 'worker' });
      const other = await vote(election.id, m.volunteer[0], { candidates: [m.worker[0]] }).expect(409);
      expect(other.body).toMatchObject({ code: 'GOVERNANCE.NOT_ELIGIBLE', message: 'this election is for the worker seats and only worker members vote in it' });
      expect((await vote(election.id, m.worker[0], { candidates: m.worker }).expect(400)).body.code).toBe('GOVERNANCE.INVALID_VOTE');
      await vote(election.id, m.worker[0], { candidates: [m.worker[0], m.worker[1]] }).expect(204);
      await vote(election.id, m.worker[1], { candidates: [m.worker[1], m.worker[2]] }).expect(204);
      await vote(election.id, m.worker[2], { candidates: [m.worker[1]] }).expect(204);
      await endWindow(election.id);
      const closed = (await http().post(`/ballots/${election.id}/close`).set('Authorization', admin()).expect(200)).body;
      expect(closed.result).toMatchObject({ elected: [m.worker[1], m.worker[0], m.worker[2]], seated: [m.worker[1], m.worker[0], m.worker[2]], quorumMet: true, tieAtCutoff: false });
      const board = (await http().get('/board').set('Authorization', as(m.worker[3])).expect(200)).body;
      expect(board.seats.map((s: { memberId: string }) => s.memberId).sort()).toEqual([m.worker[0], m.worker[1], m.worker[2]].sort());
      expect(board).toMatchObject({ totalSeats: 9, vacancies: 6 });
    });

    it('refuses an election for more seats than the rulebook gives, or a candidate from another class', async () => {
      const base = { kind: 'election', title: 'Volunteer directors', stakeholderClass: 'volunteer', closesAt: inAWeek() };
      const tooMany = await http().post('/ballots').set('Authorization', admin()).send({ ...base, seats: 3, candidateMemberIds: m.volunteer }).expect(409);
      expect(tooMany.body).toMatchObject({ code: 'GOVERNANCE.BOARD_SEATS_EXCEEDED', message: 'volunteer may elect 2 board seats under the rulebook, not 3' });
      const wrong = await http().post('/ballots').set('Authorization', admin()).send({ ...base, candidateMemberIds: [m.worker[3]] }).expect(409);
      expect(wrong.body.code).toBe('GOVERNANCE.INVALID_CANDIDATE');
    });

    it('refuses a proposed board whose make-up breaks the rulebook, naming the rule, and keeps the board it had', async () => {
      const before = (await http().get('/board').set('Authorization', admin())).body;
      const res = await http().put('/board').set('Authorization', admin()).send({ memberIds: [m.volunteer[0], m.volunteer[1], m.worker[0]] }).expect(409);
      expect(res.body).toMatchObject({ code: 'GOVERNANCE.BOARD_CLASS_CAP', message: "volunteer would hold 2 of 3 board seats (66.7%), over the rulebook's cap of 33.3%" });
      expect((await http().get('/board').set('Authorization', admin())).body).toEqual(before);
      const ok = await http().put('/board').set('Authorization', admin()).send({ memberIds: [m.volunteer[0], m.worker[0], m['service-user-or-family'][0]] }).expect(200);
      expect(ok.body.seats).toHaveLength(3);
    });
  });

  describe('changing the rulebook', () => {
    it('is a special resolution once the co-op has members, adopted only when it passes', async () => {
      const current = (await http().get('/rulebook').set('Authorization', admin())).body;
      const proposed = { ...current.rulebook, name: 'Kirkburton rules 2027', quorumPercent: 20, template: 'custom' };
      const res = await http().put('/rulebook').set('Authorization', admin()).send({ rulebook: proposed }).expect(202);
      expect(res.body).toMatchObject({ adopted: false, ballot: { kind: 'rulebook-change', resolution: 'special' } });
      const id = res.body.ballot.id;
      for (const voter of [m.worker[0], m.worker[1], m.volunteer[0]]) await vote(id, voter, { choice: 'for' }).expect(204);
      await vote(id, m['service-user-or-family'][0], { choice: 'against' }).expect(204);
      await endWindow(id);
      const closed = (await http().post(`/ballots/${id}/close`).set('Authorization', admin()).expect(200)).body;
      expect(closed.result).toMatchObject({ passed: true, adoptedRulebookVersion: current.version + 1 });
      expect((await http().get('/rulebook').set('Authorization', admin())).body).toMatchObject({ version: current.version + 1, adoptedBy: `ballot:${id}`, rulebook: { name: 'Kirkburton rules 2027', quorumPercent: 20 } });
    });

    it('refuses an inconsistent rulebook with the rule named', async () => {
      const current = (await http().get('/rulebook').set('Authorization', admin())).body.rulebook;
      const bad = { ...current, board: [{ stakeholderClass: 'volunteer', seats: 5, capPercent: 50 }, { stakeholderClass: 'worker', seats: 1, capPercent: null }] };
      const res = await http().put('/rulebook').set('Authorization', admin()).send({ rulebook: bad }).expect(409);
      expect(res.body).toMatchObject({ code: 'RULEBOOK.BOARD_CAP', message: 'volunteer would hold 5 of 6 seats (83.3%), over its cap of 50%' });
      expect((await http().put('/rulebook').set('Authorization', admin()).send({ rulebook: { ...current, quorumPercent: 0 } }).expect(400)).body.message.join()).toMatch(/rulebook\.quorumPercent must not be less than 1/);
    });

    it('is adopted at once by the founders of a co-op with no members yet', async () => {
      await mesh.startNode('new-mill', { COOP_RULEBOOK_TEMPLATE: 'italian-type-a' });
      const founders = `Bearer ${mesh.nodeToken('new-mill', 'coop-admin')}`;
      const current = (await mesh.nodeHttp('new-mill').get('/rulebook').set('Authorization', founders).expect(200)).body;
      expect(current.rulebook.template).toBe('italian-type-a');
      const res = await mesh.nodeHttp('new-mill').put('/rulebook').set('Authorization', founders).send({ rulebook: { ...current.rulebook, minimumMembers: 3, template: 'custom' } }).expect(200);
      expect(res.body).toEqual({ adopted: true, version: 2 });
    });
  });
});
