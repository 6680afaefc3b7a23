import { BallotCloser } from '../../apps/local-coop-node/src/governance/ballot-closer.job';
import { admittedDaysAgo, aMember, StakeholderClass } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { sweepNow } from '../support/sweep-now';
import { waitFor } from '../support/wait-for';

/** Ballots, elections, the board and rulebook changes on a real node. */
describe('governance', () => {
  const mesh = new TestMesh();
  const COOP = 'kirkburton';
  const admin = mesh.node(COOP).as('coop-admin');
  const as = (memberId: string) => mesh.node(COOP).as('member', memberId);
  const http = () => mesh.nodeHttp(COOP);
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
  const m: Record<string, string[]> = {};

  /** Time passes: the ballot's window ends now (the scheduler or POST close then counts it). */
  const endWindow = (id: string) => mesh.endBallotWindows(COOP, id);
  const vote = (ballotId: string, memberId: string, body: object) => as(memberId).post(`/ballots/${ballotId}/votes`).send(body);
  const motion = async (body: object = {}) =>
    (
      await admin
        .post('/ballots')
        .send({ kind: 'motion', title: 'Adopt the winter plan', resolution: 'ordinary', closesAt: inAWeek(), ...body })
        .expect(201)
    ).body;

  /** The node's log lines, as pino writes them to stdout (JSON, one a line). */
  const nodeLogs: LogLine[] = [];
  const stdoutWrite = process.stdout.write;

  /**
   * Every table's full contents, each row as JSON with all its columns, in a fixed order -- except
   * the outbox's delivery bookkeeping: with no hub in this suite the node keeps retrying its
   * registration at any moment. The messages themselves (ids, subjects, envelopes) are compared.
   */
  const snapshot = async (): Promise<Record<string, string[]>> => {
    const tables = await mesh.nodeQuery<{ table_name: string }>(
      COOP,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const rowsOf = async (t: string) =>
      (
        await mesh.nodeQuery<{ row: string }>(COOP, `SELECT (to_jsonb(x) - $1::text[])::text AS row FROM "${t}" x ORDER BY 1`, [
          RETRIED[t] ?? [],
        ])
      ).map((r) => r.row);
    return Object.fromEntries(await Promise.all(tables.map(async ({ table_name: t }) => [t, await rowsOf(t)])));
  };

  beforeAll(async () => {
    // pino writes through process.stdout when its write has been replaced before the logger is made
    // (else straight to file descriptor 1), so the node's lines are read here without touching the node.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const lines = text.split('\n').filter((l) => l.includes('"app":"local-coop-node"'));
      if (lines.length === 0) return (stdoutWrite as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      for (const line of lines) nodeLogs.push(JSON.parse(line));
      return true;
    }) as typeof process.stdout.write;
    await mesh.startNode(COOP, { LOG_LEVEL: 'trace' });
    const admit = async (cls: StakeholderClass, n: number, shares = 100) => {
      m[cls] = [];
      for (let i = 0; i < n; i++) {
        const res = await admin
          .post('/members')
          .send(aMember({ stakeholderClass: cls, fullName: `${cls} ${i}`, initialSharesPence: shares, admittedOn: admittedDaysAgo(30) }))
          .expect(201);
        m[cls].push(res.body.id);
      }
    };
    await admit('service-user-or-family', 3);
    await admit('worker', 4);
    await admit('volunteer', 3);
    await admit('community-supporter', 1, 500_000);
  });
  afterAll(async () => {
    await mesh.dispose();
    process.stdout.write = stdoutWrite;
  });

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
      const open = await as(m.worker[0]).get(`/ballots/${ballot.id}`).expect(200);
      expect(open.body.state).toBe('open');
      expect(open.body.options.map((o: { votes: number | null }) => o.votes)).toEqual([null, null, null]);
    });

    it('counts the large shareholder once: one member, one vote', async () => {
      await vote(ballot.id, m['community-supporter'][0], { choice: 'for' }).expect(204);
      const [{ votes }] = await mesh.nodeQuery<{ votes: number }>(
        COOP,
        `SELECT votes FROM ballot_option WHERE ballot_id = $1 AND option_key = 'for'`,
        [ballot.id],
      );
      expect(votes).toBe(3);
    });

    it('refuses a result before the window closes, then computes it once and for all', async () => {
      expect((await admin.post(`/ballots/${ballot.id}/close`).expect(409)).body.code).toBe('GOVERNANCE.STILL_OPEN');
      await endWindow(ballot.id);
      await vote(ballot.id, m.worker[2], { choice: 'for' }).expect(409);
      const closed = await admin.post(`/ballots/${ballot.id}/close`).expect(200);
      expect(closed.body.result).toEqual({
        for: 3,
        against: 1,
        abstain: 1,
        eligible: 11,
        voted: 5,
        turnoutPercent: 45.5,
        quorumMet: true,
        passed: true,
      });
      expect(closed.body.options.map((o: { votes: number }) => o.votes)).toEqual([3, 1, 1]);
      // Final: a later recount cannot change it, even if the tallies were tampered with.
      await mesh.nodeQuery(COOP, `UPDATE ballot_option SET votes = 99 WHERE ballot_id = $1 AND option_key = 'against'`, [ballot.id]);
      expect((await admin.post(`/ballots/${ballot.id}/close`).expect(200)).body.result.against).toBe(1);
    });

    it('keeps the ballot secret: every table before and after a vote differs by who voted and a tally, with nothing that links them', async () => {
      const b = await motion({ title: 'Secret ballot check' });
      const voter = m.worker[3];
      // A subject of the voter's own, so any trace of this token can be told apart from other requests.
      const subject = `voter-${voter}`;
      const token = `Bearer ${mesh.nodeToken(COOP, 'member', voter, subject)}`;
      const before = await snapshot();
      const logsFrom = nodeLogs.length;
      await http().post(`/ballots/${b.id}/votes`).set('Authorization', token).send({ choice: 'against' }).expect(204);
      const voteLogged = (line: LogLine) =>
        line.req?.method === 'POST' && line.req.path === `/ballots/${b.id}/votes` && line.res?.statusCode === 204;
      const around = await waitFor(
        'the vote request in the node log',
        () => nodeLogs.slice(logsFrom),
        (lines) => lines.some(voteLogged),
      );
      const after = await snapshot();

      const changes = diff(before, after);
      expect(Object.keys(changes).sort()).toEqual(['audit_event', 'ballot_option', 'ballot_participation']);

      // Who voted: one row of exactly the ballot and the member, with no time.
      expect(changes.ballot_participation).toEqual({ removed: [], added: [{ ballot_id: b.id, member_id: voter }] });
      // What was chosen: one tally up by one, every other column and row as it was.
      const [was] = changes.ballot_option.removed;
      expect(changes.ballot_option).toEqual({
        removed: [expect.objectContaining({ ballot_id: b.id, option_key: 'against' })],
        added: [{ ...was, votes: (was.votes as number) + 1 }],
      });
      // The audit trail records the request (who, which ballot, when), like participation; never the choice.
      expect(changes.audit_event.removed).toEqual([]);
      expect(changes.audit_event.added).toEqual([
        expect.objectContaining({
          actor: `member:${voter}`,
          action: 'POST /ballots/:id/votes',
          target: `id=${b.id}`,
          outcome: 'succeeded',
        }),
      ]);

      // No value on the tally side names the voter or carries a time; no value on the voter side names the choice.
      const tallySide = [...changes.ballot_option.added, ...changes.ballot_option.removed].flatMap((row) => Object.values(row).map(String));
      const voterSide = [...changes.ballot_participation.added, ...changes.audit_event.added].flatMap((row) =>
        Object.values(row).map(String),
      );
      for (const value of tallySide) {
        expect({
          value,
          voter: value.includes(voter) || value.includes(subject) || value.includes('worker 3'),
          time: TIMESTAMP.test(value),
        }).toEqual({ value, voter: false, time: false });
      }
      for (const value of voterSide) expect({ value, choice: /\b(for|against|abstain)\b/.test(value) }).toEqual({ value, choice: false });
      // Nor any value the two sides share, other than the ballot they are both about.
      expect(tallySide.filter((v) => voterSide.includes(v) && v !== b.id && v !== 'null')).toEqual([]);

      // The node's own log lines around the vote (pino's JSON, read from stdout) name neither the voter nor the choice.
      expect(around.length).toBeGreaterThan(0);
      for (const line of around) {
        const text = JSON.stringify(line);
        expect({
          text,
          voter: text.includes(voter) || text.includes(subject) || text.includes('worker 3'),
          choice: /\b(against|abstain)\b|"for"/.test(text),
        }).toEqual({ text, voter: false, choice: false });
      }
    });

    it('hides a ballot from a class that may not vote on it, and refuses votes before it opens', async () => {
      const workersOnly = await motion({ eligibleClasses: ['worker'] });
      await vote(workersOnly.id, m.volunteer[1], { choice: 'for' }).expect(404);
      await as(m.volunteer[1]).get(`/ballots/${workersOnly.id}`).expect(404);
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
      expect((await admin.post(`/ballots/${special.id}/close`).expect(200)).body.result).toMatchObject({
        for: 2,
        against: 1,
        passed: false,
        quorumMet: true,
      });
      const quiet = await motion();
      await endWindow(quiet.id);
      expect((await admin.post(`/ballots/${quiet.id}/close`).expect(200)).body.result).toMatchObject({
        voted: 0,
        quorumMet: false,
        passed: false,
      });
    });
    it('is closed by the scheduled sweep once its window has ended', async () => {
      const b = await motion({ title: 'Closed by the scheduler' });
      await vote(b.id, m.worker[0], { choice: 'for' }).expect(204);
      await endWindow(b.id);
      await sweepNow(() => mesh.nodes.get(COOP)!.get(BallotCloser).sweep());
      const after = (await admin.get(`/ballots/${b.id}`).expect(200)).body;
      expect(after).toMatchObject({ state: 'closed', result: { for: 1, voted: 1 } });
    });
  });

  describe('board elections', () => {
    it('lets each class elect its own seats, and refuses a vote from another class with the reason', async () => {
      const res = await admin
        .post('/ballots')
        .send({
          kind: 'election',
          title: 'Worker directors 2026',
          stakeholderClass: 'worker',
          candidateMemberIds: m.worker,
          closesAt: inAWeek(),
        })
        .expect(201);
      const election = res.body;
      expect(election).toMatchObject({ seats: 3, eligibleClasses: ['worker'], electionClass: 'worker' });
      const other = await vote(election.id, m.volunteer[0], { candidates: [m.worker[0]] }).expect(409);
      expect(other.body).toMatchObject({
        code: 'GOVERNANCE.NOT_ELIGIBLE',
        message: 'this election is for the worker seats and only worker members vote in it',
      });
      expect((await vote(election.id, m.worker[0], { candidates: m.worker }).expect(400)).body.code).toBe('GOVERNANCE.INVALID_VOTE');
      await vote(election.id, m.worker[0], { candidates: [m.worker[0], m.worker[1]] }).expect(204);
      await vote(election.id, m.worker[1], { candidates: [m.worker[1], m.worker[2]] }).expect(204);
      await vote(election.id, m.worker[2], { candidates: [m.worker[1]] }).expect(204);
      await endWindow(election.id);
      const closed = (await admin.post(`/ballots/${election.id}/close`).expect(200)).body;
      expect(closed.result).toMatchObject({
        elected: [m.worker[1], m.worker[0], m.worker[2]],
        seated: [m.worker[1], m.worker[0], m.worker[2]],
        quorumMet: true,
        tieAtCutoff: false,
      });
      const board = (await as(m.worker[3]).get('/board').expect(200)).body;
      expect(board.seats.map((s: { memberId: string }) => s.memberId).sort()).toEqual([m.worker[0], m.worker[1], m.worker[2]].sort());
      expect(board).toMatchObject({ totalSeats: 9, vacancies: 6 });
    });

    it('refuses an election for more seats than the rulebook gives, or a candidate from another class', async () => {
      const base = { kind: 'election', title: 'Volunteer directors', stakeholderClass: 'volunteer', closesAt: inAWeek() };
      const tooMany = await admin
        .post('/ballots')
        .send({ ...base, seats: 3, candidateMemberIds: m.volunteer })
        .expect(409);
      expect(tooMany.body).toMatchObject({
        code: 'GOVERNANCE.BOARD_SEATS_EXCEEDED',
        message: 'volunteer may elect 2 board seats under the rulebook, not 3',
      });
      const wrong = await admin
        .post('/ballots')
        .send({ ...base, candidateMemberIds: [m.worker[3]] })
        .expect(409);
      expect(wrong.body.code).toBe('GOVERNANCE.INVALID_CANDIDATE');
    });

    it('refuses a proposed board whose make-up breaks the rulebook, naming the rule, and keeps the board it had', async () => {
      const before = (await admin.get('/board')).body;
      const res = await admin
        .put('/board')
        .send({ memberIds: [m.volunteer[0], m.volunteer[1], m.worker[0]] })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'GOVERNANCE.BOARD_CLASS_CAP',
        message: "volunteer would hold 2 of 3 board seats (66.7%), over the rulebook's cap of 33.3%",
      });
      expect((await admin.get('/board')).body).toEqual(before);
      const ok = await admin
        .put('/board')
        .send({ memberIds: [m.volunteer[0], m.worker[0], m['service-user-or-family'][0]] })
        .expect(200);
      expect(ok.body.seats).toHaveLength(3);
    });
  });

  describe('changing the rulebook', () => {
    it('is a special resolution once the co-op has members, adopted only when it passes', async () => {
      const current = (await admin.get('/rulebook')).body;
      const proposed = { ...current.rulebook, name: 'Kirkburton rules 2027', quorumPercent: 20, template: 'custom' };
      const res = await admin.put('/rulebook').send({ rulebook: proposed }).expect(202);
      expect(res.body).toMatchObject({ adopted: false, ballot: { kind: 'rulebook-change', resolution: 'special' } });
      const id = res.body.ballot.id;
      for (const voter of [m.worker[0], m.worker[1], m.volunteer[0]]) await vote(id, voter, { choice: 'for' }).expect(204);
      await vote(id, m['service-user-or-family'][0], { choice: 'against' }).expect(204);
      await endWindow(id);
      const closed = (await admin.post(`/ballots/${id}/close`).expect(200)).body;
      expect(closed.result).toMatchObject({ passed: true, adoptedRulebookVersion: current.version + 1 });
      expect((await admin.get('/rulebook')).body).toMatchObject({
        version: current.version + 1,
        adoptedBy: `ballot:${id}`,
        rulebook: { name: 'Kirkburton rules 2027', quorumPercent: 20 },
      });
    });

    it('refuses an inconsistent rulebook with the rule named', async () => {
      const current = (await admin.get('/rulebook')).body.rulebook;
      const bad = {
        ...current,
        board: [
          { stakeholderClass: 'volunteer', seats: 5, capPercent: 50 },
          { stakeholderClass: 'worker', seats: 1, capPercent: null },
        ],
      };
      const res = await admin.put('/rulebook').send({ rulebook: bad }).expect(409);
      expect(res.body).toMatchObject({
        code: 'RULEBOOK.BOARD_CAP',
        message: 'volunteer would hold 5 of 6 seats (83.3%), over its cap of 50%',
      });
      expect(
        (
          await admin
            .put('/rulebook')
            .send({ rulebook: { ...current, quorumPercent: 0 } })
            .expect(400)
        ).body.message.join(),
      ).toMatch(/rulebook\.quorumPercent must not be less than 1/);
    });

    it('is adopted at once by the founders of a co-op with no members yet', async () => {
      await mesh.startNode('new-mill', { COOP_RULEBOOK_TEMPLATE: 'italian-type-a' });
      const founders = `Bearer ${mesh.nodeToken('new-mill', 'coop-admin')}`;
      const current = (await mesh.nodeHttp('new-mill').get('/rulebook').set('Authorization', founders).expect(200)).body;
      expect(current.rulebook.template).toBe('italian-type-a');
      const res = await mesh
        .nodeHttp('new-mill')
        .put('/rulebook')
        .set('Authorization', founders)
        .send({ rulebook: { ...current.rulebook, minimumMembers: 3, template: 'custom' } })
        .expect(200);
      expect(res.body).toEqual({ adopted: true, version: 2 });
    });
  });

  it('answers exactly as its OpenAPI document describes: every ballot with its result, the board and the rulebook', async () => {
    const schemas = await AnswerSchemas.of(mesh.node(COOP).anonymous());
    const page = (await admin.get('/ballots?limit=500').expect(200)).body;
    const answers: [string, unknown][] = [
      ['GET /ballots', page],
      ['GET /board', (await admin.get('/board').expect(200)).body],
      ['GET /rulebook', (await admin.get('/rulebook').expect(200)).body],
    ];
    for (const { id } of page.items as { id: string }[])
      answers.push(['GET /ballots/{id}', (await admin.get(`/ballots/${id}`).expect(200)).body]);
    for (const [route, body] of answers) expect({ route, problems: schemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
    // Closed ballots of each kind, so that each form of result was checked.
    const closed = (page.items as { kind: string; result: object | null }[]).filter((b) => b.result).map((b) => b.kind);
    expect([...new Set(closed)].sort()).toEqual(['election', 'motion', 'rulebook-change']);
  });
});

interface LogLine {
  req?: { method: string; path: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

/** Columns the outbox relay updates on its own schedule, whatever the test does. */
const RETRIED: Record<string, string[]> = {
  outbox_message: ['status', 'attempts', 'next_attempt_at', 'published_at', 'settled_at', 'last_error'],
};

/** An ISO date-time or a PostgreSQL timestamp, to the second or finer. */
const TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;

/** Per table with any change: the rows that went and the rows that came (a changed row is both). */
function diff(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): Record<string, { removed: Record<string, unknown>[]; added: Record<string, unknown>[] }> {
  const minus = (a: string[], b: string[]) => {
    const left = [...b];
    return a.filter((row) => {
      const i = left.indexOf(row);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
  };
  const changes: Record<string, { removed: Record<string, unknown>[]; added: Record<string, unknown>[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const removed = minus(before[table] ?? [], after[table] ?? []).map((r) => JSON.parse(r));
    const added = minus(after[table] ?? [], before[table] ?? []).map((r) => JSON.parse(r));
    if (removed.length || added.length) changes[table] = { removed, added };
  }
  return changes;
}
