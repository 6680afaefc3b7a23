import { randomUUID } from 'node:crypto';

import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

import { consortiumDay } from '../../apps/consortium-hub/src/onboarding/journey.rules';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';

/**
 * How the consortium grows, read on a real hub: time in each stage and to trading (checked against an
 * independent SQL computation), stalled journeys, co-ops with no runner in the window, and a
 * three-generation family tree. The journeys are written with SQL, as the journey's own suite proves
 * the stages close in order.
 */
describe('onboarding: figures and the family tree', () => {
  const mesh = new TestMesh();
  const staff = () => mesh.hub().as('consortium-staff');
  const DAY = 86_400_000;
  // Noon UTC today: n days back is the same calendar day in London and in UTC, whatever the hour or the season.
  const today = new Date();
  const noon = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12);
  const daysAgo = (n: number) => new Date(noon - n * DAY);
  /** The consortium's calendar day (Europe/London) n days ago. */
  const dateAgo = (n: number) => consortiumDay(daysAgo(n));

  /** A co-op in the registry, as provisioning or a proposal leaves it. */
  const coop = (id: string, status: string, sponsor: string | null) =>
    mesh.hubQuery(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, sponsor_coop_id, status, profile_updated_at)
       VALUES ($1, $2, 'community-benefit-society', '{Huddersfield}', '{personal-care}', $3, $4, 'epoch')`,
      [id, `${id} care co-op`, sponsor, status],
    );
  /** A journey started `startedDaysAgo`, with the first stages closed on the given days ago (evidence dates). */
  const journey = async (coopId: string, sponsor: string, startedDaysAgo: number, closedDaysAgo: number[], reopenLast = false) => {
    const id = randomUUID();
    await mesh.hubQuery(
      `INSERT INTO onboarding_journey (id, coop_id, sponsor_coop_id, proposed_by, runner, started_at)
       VALUES ($1, $2, $3, 'test-staff', '{"displayName":"A runner"}', $4)`,
      [id, coopId, sponsor, daysAgo(startedDaysAgo)],
    );
    for (const [i, ago] of closedDaysAgo.entries())
      await mesh.hubQuery(
        `INSERT INTO onboarding_stage_event (journey_id, stage, action, evidence_what, evidence_reference, evidence_date, by_whom, at)
         VALUES ($1, $2, 'closed', 'minutes of the meeting', 'ref-1', $3, 'test-staff', $4)`,
        [id, ONBOARDING_STAGES[i], dateAgo(ago), daysAgo(ago)],
      );
    if (reopenLast) {
      const stage = ONBOARDING_STAGES[closedDaysAgo.length - 1];
      await mesh.hubQuery(
        `INSERT INTO onboarding_stage_event (journey_id, stage, action, reason, by_whom, at) VALUES ($1, $2, 'reopened', 'the evidence was wrong', 'test-staff', $3)`,
        [id, stage, daysAgo(closedDaysAgo.at(-1)! - 1)],
      );
    }
    return id;
  };

  const journeys: Record<string, string> = {};
  beforeAll(async () => {
    await mesh.startHub();
    // Three generations: colne-valley founded holme-valley and huddersfield; holme-valley founded meltham;
    // meltham founded marsden-moor, which is still forming. preston is a founder that never sent a runner.
    await coop('colne-valley', 'trading', null);
    await coop('preston', 'trading', null);
    await coop('holme-valley', 'trading', 'colne-valley');
    await coop('huddersfield', 'registered', 'colne-valley');
    await coop('meltham', 'trading', 'holme-valley');
    await coop('marsden-moor', 'forming', 'meltham');
    journeys.holme = await journey('holme-valley', 'colne-valley', 900, [880, 850, 800, 700, 650, 600, 590, 560, 540, 500]);
    journeys.huddersfield = await journey('huddersfield', 'colne-valley', 400, [390, 370, 300, 20]);
    journeys.meltham = await journey('meltham', 'holme-valley', 300, [290, 250, 240, 200, 190, 150, 120, 100, 60, 30]);
    // Stalled: its last stage closed long ago (and was reopened since: reopening is no progress).
    journeys.marsden = await journey('marsden-moor', 'meltham', 250, [240, 200], true);
  }, 60_000);
  afterAll(() => mesh.dispose());

  it('times every stage by its evidence dates, as an independent SQL computation does', async () => {
    const figures = (await staff().get('/onboarding/figures').expect(200)).body;
    const expected = await mesh.hubQuery<{ journey_id: string; stage: OnboardingStage; days: number }>(
      `WITH latest AS (
         SELECT DISTINCT ON (journey_id, stage) journey_id, stage, action, evidence_date FROM onboarding_stage_event ORDER BY journey_id, stage, id DESC),
       closed AS (
         SELECT l.journey_id, l.stage, l.evidence_date, array_position($1::text[], l.stage) AS n FROM latest l WHERE l.action = 'closed')
       SELECT c.journey_id, c.stage,
              (c.evidence_date - coalesce(lag(c.evidence_date) OVER (PARTITION BY c.journey_id ORDER BY c.n), (j.started_at AT TIME ZONE 'Europe/London')::date))::int AS days
         FROM closed c JOIN onboarding_journey j ON j.id = c.journey_id`,
      [ONBOARDING_STAGES],
    );
    const got = figures.journeys.flatMap((j: { journeyId: string; stages: { stage: string; days: number | null }[] }) =>
      j.stages.filter((s) => s.days !== null).map((s) => ({ journey_id: j.journeyId, stage: s.stage, days: s.days })),
    );
    const key = (r: { journey_id: string; stage: string }) => `${r.journey_id}/${r.stage}`;
    expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));

    const byCoop = new Map(figures.journeys.map((j: { coopId: string }) => [j.coopId, j]));
    expect(byCoop.get('holme-valley')).toMatchObject({ daysToTrading: 400, currentStage: null, stalled: false });
    expect(byCoop.get('meltham')).toMatchObject({ daysToTrading: 270 });
    expect(byCoop.get('huddersfield')).toMatchObject({ daysToTrading: null, currentStage: 'community-share-offer', status: 'registered' });
    // The reopened stage is open again: marsden-moor is back at its second stage.
    expect(byCoop.get('marsden-moor')).toMatchObject({ currentStage: 'steering-group', stalled: true });

    const [{ median }] = await mesh.hubQuery<{ median: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median FROM (VALUES (400), (270)) v(d)`,
    );
    expect(figures.consortium.timeToTrading).toEqual({ journeys: 2, medianDays: median, meanDays: 335, minDays: 270, maxDays: 400 });
    const community = figures.consortium.stages.find((s: { stage: string }) => s.stage === 'community-meetings');
    expect(community).toEqual({ stage: 'community-meetings', journeys: 4, medianDays: 10, meanDays: 12.5, minDays: 10, maxDays: 20 });
    expect(figures.consortium.journeys).toEqual({ total: 4, trading: 2, stalled: 1 });
  });

  it('lists the stalled journeys and the co-ops that sent no runner in the window', async () => {
    const figures = (await staff().get('/onboarding/figures').expect(200)).body;
    expect(figures.settings).toMatchObject({ stallDays: 90, runnerWindowMonths: 24 });
    expect(figures.stalled).toEqual([
      expect.objectContaining({
        coopId: 'marsden-moor',
        sponsorCoopId: 'meltham',
        currentStage: 'steering-group',
        daysSinceProgress: Math.floor((Date.now() - daysAgo(200).getTime()) / DAY),
      }),
    ]);
    // In the 24 months colne-valley sent a runner (huddersfield, 400 days ago), holme-valley one (meltham, 300 days
    // ago) and meltham one (marsden-moor, 250 days ago); preston and the newly registered huddersfield never did.
    // marsden-moor is still forming: not yet a co-op that could send one.
    expect(figures.noRunnerInWindow.map((c: { coopId: string }) => c.coopId)).toEqual(['huddersfield', 'preston']);
    expect(figures.noRunnerInWindow[1]).toMatchObject({ status: 'trading', lastJourneyStartedOn: null });
  });

  it('a co-op whose last runner went before the window is listed, with when', async () => {
    await coop('golcar', 'trading', null);
    await coop('golcar-spin', 'forming', 'golcar');
    await journey('golcar-spin', 'golcar', 800, [790]);
    const figures = (await staff().get('/onboarding/figures').expect(200)).body;
    const golcar = figures.noRunnerInWindow.find((c: { coopId: string }) => c.coopId === 'golcar');
    expect(golcar).toMatchObject({ lastJourneyStartedOn: dateAgo(800) });
  });

  it('draws the family tree: three generations and more, founders first, with time to trading', async () => {
    const tree = (await mesh.hub().as('commissioner').get('/coops/lineage').expect(200)).body;
    expect(tree.roots).toEqual(['colne-valley', 'golcar', 'preston']);
    expect(tree.generations).toBe(4);
    const byId = new Map(tree.coops.map((c: { id: string }) => [c.id, c]));
    expect(byId.get('colne-valley')).toMatchObject({
      generation: 1,
      children: ['holme-valley', 'huddersfield'],
      descendants: 4,
      journeyId: null,
    });
    expect(byId.get('holme-valley')).toMatchObject({
      generation: 2,
      sponsorCoopId: 'colne-valley',
      children: ['meltham'],
      daysToTrading: 400,
    });
    expect(byId.get('meltham')).toMatchObject({ generation: 3, children: ['marsden-moor'], descendants: 1, daysToTrading: 270 });
    expect(byId.get('marsden-moor')).toMatchObject({ generation: 4, children: [], descendants: 0, tradingOn: null, daysToTrading: null });
    expect(tree.coops.map((c: { generation: number }) => c.generation)).toEqual(
      [...tree.coops.map((c: { generation: number }) => c.generation)].sort(),
    );
  });

  it('answers as the document says, to the roles it names', async () => {
    const schemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const figures = (await mesh.hub().as('commissioner').get('/onboarding/figures').expect(200)).body;
    expect(schemas.problems('GET /onboarding/figures', 200, figures)).toEqual([]);
    const tree = (await mesh.hub().as('coop', 'colne-valley').get('/coops/lineage').expect(200)).body;
    expect(schemas.problems('GET /coops/lineage', 200, tree)).toEqual([]);
    await mesh.hub().as('coop', 'colne-valley').get('/onboarding/figures').expect(403);
    await mesh.hub().anonymous().get('/coops/lineage').expect(401);
    await mesh.hub().anonymous().get('/onboarding/figures').expect(401);
  });
});
