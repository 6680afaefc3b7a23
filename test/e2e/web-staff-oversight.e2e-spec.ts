import { createHash } from 'node:crypto';

import { Browser, BrowserContext } from 'playwright-core';

import { londonDay } from '@app/platform';
import { ukLocalToInstant } from '@app/web/uk-time';

import { AccessibilityLog, launchChromium, signInAs } from '../support/browser';
import { aVacancy } from '../support/builders';
import { candidateInPool } from '../support/candidates';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { submittedReturns } from '../support/report-release';
import { waitFor } from '../support/wait-for';

/**
 * Consortium staff and commissioners in a real browser on the hub's oversight pages: the registry with
 * one node running (online) and one stopped (offline, by polling the page); the recruitment pool with no
 * candidate on it; an onboarding journey's stage closed with its evidence, the family tree, a join token
 * shown once; a release published and a late submission allowed from the cycle page; trends for a
 * commissioner, who is refused the registry. Each effect is checked in the hub's database. axe-core on
 * every page shown; forms without their CSRF token and bad input change nothing.
 */
describe('staff oversight pages in the browser: registry, pool, journeys, trends', () => {
  /** Browser tests on a shared machine: room for a loaded one. */
  const BROWSER_TEST_MS = 150_000;
  const mesh = new TestMesh();
  const RUNNING = 'ovs-golcar';
  const STOPPED = 'ovs-honley';
  const HEARTBEAT_TIMEOUT_MS = 6000;
  const SPIN_OFF = 'ovs-lindley';
  const CANDIDATE_NAME = 'Zephyrine Oakhampton-Blythe';
  const CANDIDATE_EMAIL = 'zephyrine.ovs@example.org';
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  let cycleId: string;
  let journeyId: string;
  let period: string;

  const staff = () => mesh.hub().as('consortium-staff');

  beforeAll(async () => {
    // A heartbeat timeout that a running node under a busy browser suite never misses (the mesh's 1.5 s can be).
    const pages = await startPages(mesh, { hub: true, hubOverrides: { HEARTBEAT_TIMEOUT_MS: String(HEARTBEAT_TIMEOUT_MS) } });
    ({ hub, idp } = pages);
    ({ cycleId, period } = await submittedReturns(mesh, [RUNNING, STOPPED]));
    // A vacancy pooled from the running node, and a candidate in the pool with a name the pool page must never show.
    const admin = mesh.node(RUNNING).as('coop-admin');
    const vacancy = (await admin.post('/vacancies', aVacancy({ locality: 'Marsden' })).expect(201)).body as { id: string };
    await admin.put(`/vacancies/${vacancy.id}/pool`, {}).expect(200);
    await candidateInPool(mesh, CANDIDATE_EMAIL, { fullName: CANDIDATE_NAME });
    await waitFor(
      'the vacancy in the pool',
      () => mesh.hubQuery("SELECT 1 FROM pooled_vacancy WHERE coop_id = $1 AND state = 'pooled'", [RUNNING]),
      (rows) => rows.length === 1,
    );
    // A spin-off of the running co-op, entered by staff; its journey started forty days ago so evidence can be dated in its past.
    await staff()
      .post('/onboarding/journeys', {
        coopId: SPIN_OFF,
        name: 'Lindley Care Co-op',
        sponsorCoopId: RUNNING,
        localities: ['Lindley'],
        services: ['personal-care'],
        runner: { displayName: 'Runner Person' },
        targets: { tradingBy: '2032-06-30' },
      })
      .expect(201);
    [{ id: journeyId }] = await mesh.hubQuery<{ id: string }>('SELECT id FROM onboarding_journey WHERE coop_id = $1', [SPIN_OFF]);
    await mesh.hubQuery("UPDATE onboarding_journey SET started_at = now() - interval '40 days' WHERE id = $1", [journeyId]);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();
  const signIn = (context: BrowserContext, user: string, start: string) => signInAs(context, hub, idp.issuer, user, start);
  const stageEvents = () =>
    mesh.hubQuery<{
      stage: string;
      action: string;
      evidence_what: string | null;
      evidence_reference: string | null;
      evidence_date: string | null;
    }>(
      'SELECT stage, action, evidence_what, evidence_reference, evidence_date::text AS evidence_date FROM onboarding_stage_event WHERE journey_id = $1 ORDER BY id',
      [journeyId],
    );
  const coopStatus = async (id: string) =>
    (await mesh.hubQuery<{ status: string }>('SELECT status FROM coop WHERE id = $1', [id]))[0].status;
  const exceptions = () =>
    mesh.hubQuery<{ coop_id: string; until: Date; reason: string; granted_by: string }>(
      'SELECT coop_id, until, reason, granted_by FROM return_exception WHERE cycle_id = $1',
      [cycleId],
    );
  const releases = () =>
    mesh.hubQuery<{ number: number; published_by: string }>(
      'SELECT number, published_by FROM report_release WHERE cycle_id = $1 ORDER BY number',
      [cycleId],
    );

  it(
    'shows staff the registry: the running node online, the stopped one offline, with the counts',
    async () => {
      await mesh.stopNode(STOPPED);
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff', '/registry');
      expect(new URL(page.url()).pathname).toBe('/registry');
      const connectivity = (coop: string) =>
        page.locator(`tr[data-coop="${coop}"] td[data-connectivity]`).getAttribute('data-connectivity');
      await waitFor(
        'the stopped node shown offline on the page',
        async () => {
          await page.reload();
          return [await connectivity(RUNNING), await connectivity(STOPPED)];
        },
        ([running, stopped]) => running === 'online' && stopped === 'offline',
      );
      await expect(page.locator('[data-count="offline"]').innerText()).resolves.toBe('1');
      await expect(page.locator(`tr[data-coop="${STOPPED}"] td`).nth(0).innerText()).resolves.toBe('Registered');
      // The spin-off is in the registry too, proposed under its sponsor, never seen online.
      await expect(page.locator(`tr[data-coop="${SPIN_OFF}"] td[data-connectivity]`).getAttribute('data-connectivity')).resolves.toBe(
        'never-seen',
      );
      await expect(page.locator(`tr[data-coop="${SPIN_OFF}"]`).innerText()).resolves.toContain(RUNNING);
      await axe.check(page);
      // The same as the API says.
      const api = (await staff().get('/coops?connectivity=offline').expect(200)).body as { items: { id: string }[] };
      expect(api.items.map((c) => c.id)).toEqual([STOPPED]);

      await page.getByRole('link', { name: `${STOPPED} care co-op` }).click();
      await page.waitForURL(`${hub}/registry/${STOPPED}`);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`${STOPPED} care co-op`);
      await expect(page.locator('tr[data-to="registered"]').count()).resolves.toBeGreaterThan(0);
      await axe.check(page, '/registry/:coopId');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows staff the recruitment pool with no candidate on it',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff', '/pool');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Recruitment pool');
      await expect(page.locator(`table[data-coop="${RUNNING}"] tbody tr`).count()).resolves.toBe(1);
      await expect(page.locator('[data-figure="vacancies"]').innerText()).resolves.toBe('1');
      // One candidate in the pool: a count of people from 1 to 4 is suppressed, never shown as a number.
      await expect(page.locator('[data-figure="candidates"]').innerText()).resolves.toBe('suppressed');
      const html = await page.content();
      for (const personal of [CANDIDATE_NAME, 'Zephyrine', CANDIDATE_EMAIL, '07700 900123', 'grandmother'])
        expect(html).not.toContain(personal);
      const [{ id }] = await mesh.hubQuery<{ id: string }>('SELECT id FROM candidate');
      expect(html).not.toContain(id);
      await axe.check(page);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'closes an onboarding stage with its evidence from the page, after bad input changed nothing',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff', '/journeys');
      await expect(page.locator(`tr[data-journey="${journeyId}"] td[data-stages-closed]`).getAttribute('data-stages-closed')).resolves.toBe(
        '0',
      );
      // The family tree: the spin-off drawn and listed under its sponsor.
      await expect(page.locator('svg[role="img"] title').textContent()).resolves.toContain('Family tree');
      await expect(page.locator(`svg g[data-box="${SPIN_OFF}"]`).count()).resolves.toBe(1);
      await expect(page.locator(`li[data-tree-coop="${RUNNING}"] li[data-tree-coop="${SPIN_OFF}"]`).count()).resolves.toBe(1);
      await axe.check(page);

      await page.locator(`tr[data-journey="${journeyId}"] a`).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}`);
      await expect(page.locator('li[data-stage]').count()).resolves.toBe(10);
      // The hub's pages show no person: not the runner's name.
      expect(await page.content()).not.toContain('Runner Person');
      await axe.check(page, '/journeys/:id');

      // Bad input: no description, a date that is no date. Errors beside the fields, the typed values kept, nothing stored.
      await page.locator('#evidence-reference').fill('MIN-2026-01');
      await page.locator('#evidence-date-day').fill('31');
      await page.locator('#evidence-date-month').fill('2');
      await page.locator('#evidence-date-year').fill('2026');
      await page.getByRole('button', { name: 'Close stage community meetings' }).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}/stages/community-meetings/close`);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await expect(page.locator('#evidence-what-error').innerText()).resolves.toContain('Enter what the evidence is');
      await expect(page.locator('#evidence-date-error').innerText()).resolves.toContain('Enter the date of the evidence');
      await expect(page.locator('.govuk-error-summary a[href="#evidence-what"]').count()).resolves.toBe(1);
      await expect(page.locator('#evidence-reference').inputValue()).resolves.toBe('MIN-2026-01');
      await axe.check(page, '/journeys/:id (error)');
      expect(await stageEvents()).toEqual([]);
      expect(await coopStatus(SPIN_OFF)).toBe('proposed');

      // Good input: closed, the registry status following as the API would change it.
      const day = londonDay(new Date(Date.now() - 10 * 86_400_000));
      const [year, month, dd] = day.split('-');
      await page.locator('#evidence-what').fill('Minutes of the first public meeting, Lindley library');
      await page.locator('#evidence-date-day').fill(String(Number(dd)));
      await page.locator('#evidence-date-month').fill(String(Number(month)));
      await page.locator('#evidence-date-year').fill(year);
      await page.getByRole('button', { name: 'Close stage community meetings' }).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}?closed=community-meetings`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Stage Community meetings closed.');
      await expect(page.locator('li[data-stage="community-meetings"]').getAttribute('data-state')).resolves.toBe('closed');
      await axe.check(page, '/journeys/:id (closed)');
      expect(await stageEvents()).toEqual([
        {
          stage: 'community-meetings',
          action: 'closed',
          evidence_what: 'Minutes of the first public meeting, Lindley library',
          evidence_reference: 'MIN-2026-01',
          evidence_date: day,
        },
      ]);
      expect(await coopStatus(SPIN_OFF)).toBe('forming');
      const [change] = await mesh.hubQuery<{ to_status: string; changed_by: string }>(
        'SELECT to_status, changed_by FROM coop_status_change WHERE coop_id = $1 ORDER BY id DESC LIMIT 1',
        [SPIN_OFF],
      );
      expect(change).toEqual({ to_status: 'forming', changed_by: 'journey' });
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'issues a join token once the co-op is registered, showing it this once, and reopens the stage',
    async () => {
      const evidence = (what: string) => ({
        evidence: { what, reference: 'REF-1', date: londonDay(new Date(Date.now() - 5 * 86_400_000)) },
      });
      for (const stage of ['steering-group', 'model-rules-adopted', 'registered'])
        await staff()
          .post(`/onboarding/journeys/${journeyId}/stages/${stage}/close`, evidence(`Evidence for ${stage}`))
          .expect(200);
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff', `/journeys/${journeyId}`);
      await page.getByRole('button', { name: 'Issue a join token' }).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}/join-tokens`);
      const token = await page.locator('[data-token]').innerText();
      await expect(page.locator('[data-command]').innerText()).resolves.toContain(`--token ${token}`);
      await axe.check(page, '/journeys/:id (join token)');
      const [stored] = await mesh.hubQuery<{ token_sha256: string; issued_by: string }>(
        'SELECT token_sha256, issued_by FROM join_token WHERE journey_id = $1',
        [journeyId],
      );
      expect(stored).toEqual({ token_sha256: createHash('sha256').update(token, 'utf8').digest('hex'), issued_by: 'consortium-staff' });
      // Shown once: the journey's page does not show it again.
      await page.goto(`${hub}/journeys/${journeyId}`);
      expect(await page.content()).not.toContain(token);

      // Reopening the latest closed stage: a blank reason refused beside the field, then a reason; the status follows.
      const before = await stageEvents();
      await page.locator('#reason').fill('  ');
      await page.getByRole('button', { name: 'Reopen stage registered' }).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}/stages/registered/reopen`);
      await expect(page.locator('#reason-error').innerText()).resolves.toContain('Enter why the stage is reopened');
      expect(await stageEvents()).toEqual(before);
      await page.locator('#reason').fill('The registration was refused: the rules go back to the FCA');
      await page.getByRole('button', { name: 'Reopen stage registered' }).click();
      await page.waitForURL(`${hub}/journeys/${journeyId}?reopened=registered`);
      await expect(page.locator('li[data-stage="registered"]').getAttribute('data-state')).resolves.toBe('open');
      await axe.check(page, '/journeys/:id (reopened)');
      expect((await stageEvents()).at(-1)).toMatchObject({ stage: 'registered', action: 'reopened' });
      expect(await coopStatus(SPIN_OFF)).toBe('forming');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses the journey’s and the cycle’s forms without their CSRF token, with nothing changed',
    async () => {
      const context = await browser.newContext();
      await signIn(context, 'consortium-staff', '/journeys');
      const events = await stageEvents();
      const tokens = await mesh.hubQuery('SELECT id FROM join_token WHERE journey_id = $1', [journeyId]);
      const post = (path: string, form: Record<string, string>) => context.request.post(`${hub}${path}`, { form, maxRedirects: 0 });
      expect((await post(`/journeys/${journeyId}/stages/registered/reopen`, { reason: 'forged' })).status()).toBe(403);
      expect((await post(`/journeys/${journeyId}/join-tokens`, { _csrf: 'forged' })).status()).toBe(403);
      expect((await post(`/cycles/${cycleId}/releases`, {})).status()).toBe(403);
      expect((await post(`/cycles/${cycleId}/coops/${STOPPED}/exception`, { reason: 'forged', 'until-year': '2030' })).status()).toBe(403);
      expect(await stageEvents()).toEqual(events);
      expect(await mesh.hubQuery('SELECT id FROM join_token WHERE journey_id = $1', [journeyId])).toEqual(tokens);
      expect(await releases()).toEqual([]);
      expect(await exceptions()).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'allows a late submission and publishes a release from the cycle page, after bad input changed nothing',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff', `/cycles/${cycleId}`);
      // The exception: bad input first (no reason; then a date before the lock), then a good one.
      const form = page.locator(`section[data-exception-coop="${STOPPED}"]`);
      const locksAt = new Date(
        ((await staff().get(`/reporting/cycles/${cycleId}/completeness`).expect(200)).body as { locksAt: string }).locksAt,
      );
      // The form's date and time are UK time.
      const fillDate = async (d: Date) => {
        const [year, month, day] = londonDay(d).split('-').map(Number);
        await form.locator(`#until-${STOPPED}-day`).fill(String(day));
        await form.locator(`#until-${STOPPED}-month`).fill(String(month));
        await form.locator(`#until-${STOPPED}-year`).fill(String(year));
      };
      const until = new Date(locksAt.getTime() + 3 * 86_400_000);
      await fillDate(until);
      await form.locator(`#until-time-${STOPPED}`).fill('17:00');
      await form.getByRole('button').click();
      await page.waitForURL(`${hub}/cycles/${cycleId}/coops/${STOPPED}/exception`);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await expect(page.locator(`#reason-${STOPPED}-error`).innerText()).resolves.toContain('Enter the reason for the exception');
      await expect(page.locator(`#until-time-${STOPPED}`).inputValue()).resolves.toBe('17:00');
      await axe.check(page, '/cycles/:id (exception error)');
      expect(await exceptions()).toEqual([]);

      await page.goto(`${hub}/cycles/${cycleId}`);
      await fillDate(new Date(locksAt.getTime() - 86_400_000));
      await form.locator(`#reason-${STOPPED}`).fill('Node down for a week after a flood at the office');
      await form.getByRole('button').click();
      await expect(page.locator(`#until-${STOPPED}-error`).innerText()).resolves.toContain('before the cycle locks');
      expect(await exceptions()).toEqual([]);

      await page.goto(`${hub}/cycles/${cycleId}`);
      await fillDate(until);
      await form.locator(`#until-time-${STOPPED}`).fill('17:00');
      await form.locator(`#reason-${STOPPED}`).fill('Node down for a week after a flood at the office');
      await form.getByRole('button').click();
      await page.waitForURL(`${hub}/cycles/${cycleId}?excepted=${STOPPED}`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('may submit after the lock until');
      await axe.check(page, '/cycles/:id (exception granted)');
      const expected = ukLocalToInstant(`${londonDay(until)}T17:00`);
      expect((await exceptions()).map((e) => ({ ...e, until: new Date(e.until).toISOString() }))).toEqual([
        { coop_id: STOPPED, until: expected, reason: 'Node down for a week after a flood at the office', granted_by: 'consortium-staff' },
      ]);

      // Both returns approved (through the API), the release published from the page.
      const submissions = (await staff().get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body as {
        coopId: string;
        current: boolean;
        messageId: string;
      }[];
      for (const s of submissions.filter((s) => s.current))
        await staff().post(`/reporting/cycles/${cycleId}/coops/${s.coopId}/approval`, { messageId: s.messageId }).expect(201);
      await page.goto(`${hub}/cycles/${cycleId}`);
      await page.getByRole('button', { name: `Publish the ${period} release` }).click();
      await page.waitForURL(`${hub}/cycles/${cycleId}?published=1`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
        `Release 1 of the ${period} report is published.`,
      );
      await axe.check(page, '/cycles/:id (published)');
      expect(await releases()).toEqual([{ number: 1, published_by: 'consortium-staff' }]);

      // Publishing again with no newly approved return: the refusal beside the button, nothing stored.
      await page.getByRole('button', { name: `Publish the ${period} release` }).click();
      await page.waitForURL(`${hub}/cycles/${cycleId}/releases`);
      await expect(page.locator('#publish-error').innerText()).resolves.toContain('Release 1 already holds exactly the approved returns');
      await axe.check(page, '/cycles/:id (publish refused)');
      expect(await releases()).toHaveLength(1);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a commissioner the trends with charts and tables, and refuses them the registry (403)',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'commissioner', '/trends');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Trends');
      await expect(page.locator(`section[data-metric="people_supported"] tr[data-period="${period}"]`).count()).resolves.toBe(1);
      const charted = page.locator('section[data-metric]:has(svg[role="img"])');
      expect(await charted.count()).toBeGreaterThan(0);
      await expect(charted.first().locator('svg title').textContent()).resolves.toContain('Line chart');
      // Every figure held back reads suppressed and leaves a gap in its chart: never a point, never 0.
      for (const section of await charted.all()) {
        const notShown = section.locator('td[data-status]:not([data-status="shown"])');
        await expect(section.locator('[data-gap]').count()).resolves.toBe(await notShown.count());
        await expect(section.locator('circle').count()).resolves.toBe(await section.locator('td[data-status="shown"]').count());
      }
      for (const cell of await page.locator('td[data-status="suppressed"]').all())
        await expect(cell.innerText()).resolves.toBe('suppressed');
      await axe.check(page, '/trends (commissioner)');
      const csv = await context.request.get(`${hub}/trends.csv?metric=people_supported`);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain(period);
      // A commissioner's menu has neither the registry nor the pool; the pages refuse them.
      await expect(page.getByRole('link', { name: 'Co-ops', exact: true }).count()).resolves.toBe(0);
      await page.goto(`${hub}/registry`);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
      await axe.check(page, '/registry (commissioner)');
      expect((await context.request.get(`${hub}/registry`, { maxRedirects: 0 })).status()).toBe(403);
      expect((await context.request.get(`${hub}/pool`, { maxRedirects: 0 })).status()).toBe(403);
      // They read the journeys, without the staff's forms.
      await page.goto(`${hub}/journeys/${journeyId}`);
      await expect(page.getByRole('button', { name: /^Close stage/ }).count()).resolves.toBe(0);
      await axe.check(page, '/journeys/:id (commissioner)');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.length).toBeGreaterThanOrEqual(14);
    expect(axe.failures()).toEqual({});
  });
});
