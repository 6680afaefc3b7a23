import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

import { ExclusiveRun } from '@app/platform';

import { ROUND_CLOSER_JOB, RoundCloser } from '../../apps/consortium-hub/src/purchasing/round-closer.job';
import { CANDIDATE_RETENTION_JOB, CandidateRetentionJob } from '../../apps/consortium-hub/src/recruitment/candidate-retention.job';
import { SweepOutcome, TENDER_DEADLINE_JOB, TenderDeadlineJob } from '../../apps/consortium-hub/src/tendering/tender-deadline.job';
import { startNode } from '../../apps/local-coop-node/src/bootstrap';
import { BALLOT_CLOSER_JOB, BallotCloser } from '../../apps/local-coop-node/src/governance/ballot-closer.job';
import { aCatalogueItem, aLot, aMember, aRound, aTender } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { PG } from '../support/test-database';
import { waitFor } from '../support/wait-for';

jest.setTimeout(150_000);

/**
 * Two hub instances on one database and one NATS, as an operator scales the hub out: each scheduled job
 * (purchasing rounds closing, tender deadlines, candidate retention) runs on one of them at a time, so a
 * round closes once and tells each co-op once, and a tender's offers close and its bid is assembled once —
 * with both instances' timers running and both instances' sweeps called at the same moment besides. The
 * co-ops are provisioned on the hub without nodes: what is checked is the hub's own outbox. Last, a node
 * run twice on its database counts each ballot once.
 */
describe('scheduled jobs with two instances on one database', () => {
  const mesh = new TestMesh();
  const COOPS = ['aire', 'calder', 'colne'];
  const staff = mesh.hub().as('consortium-staff');
  let hubs: INestApplication[];
  let item: string;

  const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
  const openRound = async (closesAt: string) => {
    const draft = (await staff.post('/purchasing/rounds', aRound([item], { closesAt })).expect(201)).body;
    await staff.post(`/purchasing/rounds/${draft.id}/open`, {}).expect(200);
    return draft.id as string;
  };
  const inviteTender = async (deadline: string) => {
    const tender = (await staff.post('/tenders', aTender({ deadline, lots: [aLot({ locality: 'Marsden' })] })).expect(201)).body;
    const invited = (await staff.post(`/tenders/${tender.id}/invitations`, {}).expect(201)).body;
    expect(invited.lots[0].invited).toEqual(COOPS);
    return tender.id as string;
  };

  /** Every (round, co-op) pair with how many closing messages the hub queued for it. */
  const roundClosings = (ids: string[]) =>
    mesh.hubQuery<{ round_id: string; coop_id: string; n: number }>(
      `SELECT envelope->'payload'->>'roundId' AS round_id, coop_id, count(*)::int AS n FROM outbox_message
        WHERE type = 'purchasing.round-state-changed' AND envelope->'payload'->>'state' = 'closed'
          AND envelope->'payload'->>'roundId' = ANY($1::text[])
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    );
  const tenderClosings = (ids: string[]) =>
    mesh.hubQuery<{ tender_id: string; coop_id: string; n: number }>(
      `SELECT envelope->'payload'->>'tenderId' AS tender_id, coop_id, count(*)::int AS n FROM outbox_message
        WHERE type = 'tendering.offers-closed' AND envelope->'payload'->>'tenderId' = ANY($1::text[])
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    );
  /** Once each: every id with every co-op. */
  const oncePerCoop = (ids: string[], key: 'round_id' | 'tender_id') =>
    [...ids].sort().flatMap((id) => COOPS.map((coop_id) => ({ [key]: id, coop_id, n: 1 })));

  const roundsIn = (ids: string[]) =>
    mesh.hubQuery<{ id: string; state: string; closed_by: string | null; on_time: boolean }>(
      'SELECT id, state, closed_by, closed_at = closes_at AS on_time FROM purchasing_round WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );

  /** Each instance's sweep called twice at the same moment: the second call on an instance finds the first still going. */
  const sweepEverywhere = <T>(sweep: (hub: INestApplication) => Promise<ExclusiveRun<T> | null>) =>
    Promise.all(hubs.flatMap((hub) => [sweep(hub), sweep(hub)]));

  /** Another process holding the jobs' locks, as an instance in the middle of a sweep does. */
  const holdJobs = async (...names: string[]) => holdJobsIn(mesh.hubDb, names);
  const holdJobsIn = async (database: string, names: string[]) => {
    const holder = new Client({ ...PG, database });
    await holder.connect();
    for (const name of names) await holder.query(`SELECT pg_advisory_lock(hashtextextended('ccm-job:' || $1, 0))`, [name]);
    return holder;
  };

  beforeAll(async () => {
    await mesh.startHub();
    for (const coop of COOPS) await mesh.provision(coop);
    // As each node's registration would tell the hub: where the co-op works and what it does, so tenders invite it.
    await mesh.hubQuery(`UPDATE coop SET localities = '{Marsden}', services_offered = '{personal-care}' WHERE id = ANY($1::text[])`, [
      COOPS,
    ]);
    hubs = [mesh.hubApp!, await mesh.startAnotherHub()];
    item = (await staff.post('/purchasing/catalogue', aCatalogueItem()).expect(201)).body.id;
  });

  afterAll(() => mesh.dispose());

  it('closes each round once, telling each co-op once, while both instances sweep by timer and by hand at the same moment', async () => {
    const rounds = await Promise.all([1, 2, 3, 4, 5].map(() => openRound(soon(3_600_000))));
    // The closing time comes in two seconds, however long opening them took on a busy machine.
    await mesh.hubQuery(
      `UPDATE purchasing_round SET closes_at = date_trunc('milliseconds', now()) + interval '2 seconds' WHERE id = ANY($1::uuid[])`,
      [rounds],
    );
    const runs: (ExclusiveRun<number> | null)[][] = [];
    await waitFor(
      'every round closed',
      async () => {
        runs.push(await sweepEverywhere((hub) => hub.get(RoundCloser).sweep()));
        return roundsIn(rounds);
      },
      (r) => r.every((round) => round.state === 'closed'),
      { timeoutMs: 40_000, intervalMs: 200 },
    );

    expect(await roundsIn(rounds)).toEqual([...rounds].sort().map((id) => ({ id, state: 'closed', closed_by: 'schedule', on_time: true })));
    expect(await roundClosings(rounds)).toEqual(oncePerCoop(rounds, 'round_id'));
    for (const batch of runs) {
      expect(batch).not.toContain(null);
      // On each instance the second call came while the first (or the timer's) was going.
      expect([batch[1], batch[3]]).toEqual([
        { ran: false, reason: 'busy-here' },
        { ran: false, reason: 'busy-here' },
      ]);
    }
    const closedByHand = runs.flat().reduce((n, r) => n + (r?.ran ? r.result : 0), 0);
    expect(closedByHand).toBeLessThanOrEqual(rounds.length);
  });

  it('closes each tender for offers and assembles its bid once, while both instances sweep by timer and by hand', async () => {
    const tenders: string[] = [];
    for (let i = 0; i < 4; i++) tenders.push(await inviteTender(soon(3_600_000)));
    await mesh.hubQuery(`UPDATE tender SET deadline = now() + interval '2 seconds' WHERE id = ANY($1::uuid[])`, [tenders]);
    const runs: (ExclusiveRun<SweepOutcome> | null)[][] = [];
    await waitFor(
      'every tender assembled',
      async () => {
        runs.push(await sweepEverywhere((hub) => hub.get(TenderDeadlineJob).sweep()));
        return mesh.hubQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM tender WHERE id = ANY($1::uuid[]) AND stage = 'assembling' AND assembled_at IS NOT NULL`,
          [tenders],
        );
      },
      ([{ n }]) => n === tenders.length,
      { timeoutMs: 40_000, intervalMs: 200 },
    );

    const changes = await mesh.hubQuery<{ tender_id: string; changed_by: string; note: string }>(
      `SELECT tender_id, changed_by, note FROM tender_stage_change WHERE tender_id = ANY($1::uuid[]) AND to_stage = 'assembling' ORDER BY tender_id`,
      [tenders],
    );
    expect(changes).toEqual(
      [...tenders].sort().map((tender_id) => ({ tender_id, changed_by: 'schedule', note: 'offers closed at the deadline' })),
    );
    expect(await tenderClosings(tenders)).toEqual(oncePerCoop(tenders, 'tender_id'));
    const byHand = runs.flat().flatMap((r) => (r?.ran ? r.result.assembled : []));
    expect(byHand.length).toBe(new Set(byHand).size);
    for (const batch of runs) expect(batch).not.toContain(null);
  });

  it('skips every sweep while another process holds the job, and sweeps once it lets go (as when that process dies)', async () => {
    const round = await openRound(soon(3_600_000));
    const tender = await inviteTender(soon(3_600_000));
    const holder = await holdJobs(ROUND_CLOSER_JOB, TENDER_DEADLINE_JOB, CANDIDATE_RETENTION_JOB);
    try {
      await mesh.hubQuery(
        `UPDATE purchasing_round SET opened_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`,
        [round],
      );
      await mesh.hubQuery(`UPDATE tender SET deadline = now() - interval '1 minute' WHERE id = $1`, [tender]);
      for (const hub of hubs) {
        expect(await hub.get(RoundCloser).sweep()).toMatchObject({ ran: false });
        expect(await hub.get(TenderDeadlineJob).sweep()).toMatchObject({ ran: false });
        expect(await hub.get(CandidateRetentionJob).sweep()).toMatchObject({ ran: false });
      }
      expect(await roundsIn([round])).toEqual([{ id: round, state: 'open', closed_by: null, on_time: null }]);
      const [{ stage }] = await mesh.hubQuery<{ stage: string }>('SELECT stage FROM tender WHERE id = $1', [tender]);
      expect(stage).toBe('inviting');
    } finally {
      // The holder's connection ends, as a dead instance's does: PostgreSQL lets go of its locks.
      await holder.end();
    }

    // Nobody calls the sweeps now: the instances' own timers take the jobs over.
    await waitFor(
      'the timers to close the round',
      () => roundsIn([round]),
      ([r]) => r.state === 'closed',
      { timeoutMs: 30_000 },
    );
    await waitFor(
      'the timers to assemble the tender',
      () => mesh.hubQuery<{ assembled_at: Date | null }>('SELECT assembled_at FROM tender WHERE id = $1', [tender]),
      ([t]) => t.assembled_at !== null,
      { timeoutMs: 30_000 },
    );
    expect(await roundClosings([round])).toEqual(oncePerCoop([round], 'round_id'));
    expect(await tenderClosings([tender])).toEqual(oncePerCoop([tender], 'tender_id'));
  });

  it('closes each ballot once with a node running twice on its database, and skips while another process holds the job', async () => {
    const COOP = COOPS[0];
    const nodes = [await mesh.startNode(COOP), await startNode(mesh.nodeConfig(COOP))];
    try {
      const admin = mesh.node(COOP).as('coop-admin');
      const member = (await admin.post('/members', aMember({ stakeholderClass: 'worker' })).expect(201)).body.id as string;
      const motion = async () =>
        (
          await admin
            .post('/ballots')
            .send({ kind: 'motion', title: 'Adopt the winter plan', resolution: 'ordinary', closesAt: soon(7 * 86_400_000) })
            .expect(201)
        ).body.id as string;
      const ballots = [await motion(), await motion(), await motion()];
      await mesh.node(COOP).as('member', member).post(`/ballots/${ballots[0]}/votes`).send({ choice: 'for' }).expect(204);
      const endWindows = (ids: string[]) => mesh.endBallotWindows(COOP, ids);
      const closed = (ids: string[]) =>
        mesh.nodeQuery<{ id: string; voted: number }>(
          COOP,
          `SELECT id, (result->>'voted')::int AS voted FROM ballot WHERE id = ANY($1::uuid[]) AND result IS NOT NULL ORDER BY id`,
          [ids],
        );

      const holder = await holdJobsIn(mesh.nodeDb(COOP), [BALLOT_CLOSER_JOB]);
      try {
        await endWindows([ballots[2]]);
        for (const node of nodes) expect(await node.get(BallotCloser).sweep()).toMatchObject({ ran: false });
        expect(await closed([ballots[2]])).toEqual([]);
      } finally {
        await holder.end();
      }

      await endWindows(ballots.slice(0, 2));
      const runs = await Promise.all(nodes.flatMap((node) => [node.get(BallotCloser).sweep(), node.get(BallotCloser).sweep()]));
      expect([runs[1], runs[3]]).toEqual([
        { ran: false, reason: 'busy-here' },
        { ran: false, reason: 'busy-here' },
      ]);
      expect(runs).not.toContain(null);
      await waitFor(
        'every ballot counted',
        () => closed(ballots),
        (r) => r.length === 3,
      );
      expect(await closed(ballots)).toEqual([...ballots].sort().map((id) => ({ id, voted: id === ballots[0] ? 1 : 0 })));
    } finally {
      await nodes[1].close();
      await mesh.stopNode(COOP);
    }
  });
});
