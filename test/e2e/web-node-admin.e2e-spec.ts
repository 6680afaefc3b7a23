import { Browser, BrowserContext, Page } from 'playwright-core';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { aMember } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { lastQuarter } from '../support/report-release';
import { ukClock, ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

/**
 * A co-op's admin in a real browser on their own node: signs in through the identity provider, changes
 * the profile, admits a member (a blank name first: the error beside the field, nothing stored), puts a
 * motion to the members and counts it, reads the workforce, care and time-bank summaries, previews the
 * return for the cycle the hub opened and sends it (the hub receives it), and reads the federation
 * status. Every effect checked in the databases; axe-core on every page; a member, a form without its
 * CSRF token and bad input are refused with nothing changed.
 */
describe('a co-op admin on their node in the browser', () => {
  const mesh = new TestMesh();
  const COOP = 'nadm-golcar';
  let idp: RunningIdp;
  let browser: Browser;
  let node: string;
  let cycleId: string;
  const period = lastQuarter();

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.provision(COOP);
    await seedNode(mesh.nodeConfig(COOP), 71);
    ({
      idp,
      nodes: { [COOP]: node },
    } = await startPages(mesh, { nodes: [COOP] }));
    await mesh.registered(COOP);
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    cycleId = (await mesh.hub().as('consortium-staff').post('/reporting/cycles').send({ period, dueAt }).expect(201)).body.id;
    await waitFor(
      'the hub’s request on the node',
      () => mesh.nodeQuery(COOP, 'SELECT 1 FROM return_request WHERE cycle_id = $1', [cycleId]),
      (rows) => rows.length === 1,
    );
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();
  const members = () =>
    mesh.nodeQuery<{ full_name: string; stakeholder_class: string }>(
      COOP,
      'SELECT full_name, stakeholder_class FROM member ORDER BY member_number',
    );
  const profile = async () =>
    (await mesh.nodeQuery<{ name: string; localities: string[] }>(COOP, 'SELECT name, localities FROM coop_profile'))[0];
  const ballots = () =>
    mesh.nodeQuery<{ id: string; title: string; closed_at: Date | null; result: unknown }>(
      COOP,
      'SELECT id, title, closed_at, result FROM ballot ORDER BY opens_at',
    );

  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    admin = await browser.newContext();
    page = await signInAs(admin, node, idp.issuer, 'coop-admin', '/admin');
  }, 60_000);
  afterAll(() => admin?.close());

  it('signs the admin in to the overview, with a menu of the admin’s pages', async () => {
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.locator('header').innerText()).resolves.toContain('Ada Admin (coop-admin)');
    const menu = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual([
      'Overview',
      'Profile',
      'Members',
      'Ballots',
      'Workforce',
      'Care',
      'Safeguarding',
      'Time bank',
      'Invitations',
      'Care packages',
      'Purchases',
      'Returns',
      'Federation',
    ]);
    await axe.check(page);
  }, 120_000);

  it('changes the profile, after showing a blank localities box as an error with nothing stored', async () => {
    await page.goto(`${node}/admin/profile`);
    await axe.check(page);
    const before = await profile();

    await page.fill('#name', 'Golcar Care Co-op');
    await page.fill('#localities', '   ');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.waitForURL(`${node}/admin/profile`);
    await expect(page.title()).resolves.toMatch(/^Error: Profile/);
    await expect(page.locator('#localities-error').innerText()).resolves.toContain('Enter at least one locality');
    await expect(page.locator('.govuk-error-summary a[href="#localities"]').count()).resolves.toBe(1);
    await expect(page.inputValue('#name')).resolves.toBe('Golcar Care Co-op');
    await axe.check(page, '/admin/profile (error)');
    expect(await profile()).toEqual(before);

    // The co-op's records name its localities: keep them (the return checks against them), add one.
    await page.fill('#localities', [...before.localities, 'Nadm Test Ward'].join('\n'));
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.waitForURL(`${node}/admin/profile?saved=1`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Profile saved');
    expect(await profile()).toEqual({ name: 'Golcar Care Co-op', localities: [...before.localities, 'Nadm Test Ward'] });
    // The hub is told through the outbox, as by PATCH /profile.
    await waitFor(
      'the hub to hear of the new name',
      () => mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [COOP]),
      (rows) => rows[0]?.name === 'Golcar Care Co-op',
    );
  }, 120_000);

  it('shows the register and the board against the rulebook, and admits a member after a blank name is refused', async () => {
    await page.goto(`${node}/admin/members`);
    await axe.check(page);
    await screenshot(page, 'coop-admin-members-board');
    const before = await members();
    await expect(page.locator('#register tbody tr').count()).resolves.toBeGreaterThan(0);
    const balance = await page.locator('#board-balance td[data-met]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-met')));
    expect(balance.length).toBeGreaterThan(0);
    expect(balance.every((m) => m === 'met')).toBe(true);

    await page.getByLabel('Worker', { exact: true }).check();
    await page.fill('#initialSharesPence', '100');
    await page.getByRole('button', { name: 'Admit the member' }).click();
    await page.waitForURL(`${node}/admin/members`);
    await expect(page.locator('#fullName-error').innerText()).resolves.toContain('Enter the member’s full name');
    await expect(page.inputValue('#initialSharesPence')).resolves.toBe('100');
    await axe.check(page, '/admin/members (error)');
    expect(await members()).toEqual(before);

    await page.fill('#fullName', 'Grace Hopper-Admitted');
    await page.getByRole('button', { name: 'Admit the member' }).click();
    await page.waitForURL(/\/admin\/members\?admitted=\d+$/);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toMatch(/Member \d+ admitted/);
    expect(await members()).toEqual([...before, { full_name: 'Grace Hopper-Admitted', stakeholder_class: 'worker' }]);

    // The register's filter is the API's: by part of the name.
    await page.fill('#filter-name', 'Hopper-Admitted');
    await page.getByRole('button', { name: 'Show members' }).click();
    await expect(page.locator('#register tbody th').allInnerTexts()).resolves.toEqual(['Grace Hopper-Admitted']);
  }, 120_000);

  it('puts a motion to the members and counts it once voting has closed', async () => {
    await page.goto(`${node}/admin/ballots`);
    await axe.check(page);
    const before = await ballots();

    await page.fill('#title', 'Ad');
    await page.getByRole('button', { name: 'Create the ballot' }).click();
    await page.waitForURL(`${node}/admin/ballots`);
    await expect(page.locator('#title-error').innerText()).resolves.toContain('Enter a title');
    await expect(page.locator('#closesAt-error').innerText()).resolves.toContain('Enter when voting closes');
    await axe.check(page, '/admin/ballots (error)');
    expect(await ballots()).toEqual(before);

    const closesAt = new Date(Date.now() + 4_000);
    await page.fill('#title', 'Adopt the winter rota');
    await page.fill('#closesAt', ukClock(closesAt));
    await page.getByRole('button', { name: 'Create the ballot' }).click();
    await page.waitForURL(/\/admin\/ballots\?created=/);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Ballot “Adopt the winter rota” created.');
    const created = (await ballots()).find((b) => b.title === 'Adopt the winter rota')!;
    expect(created).toMatchObject({ closed_at: null, result: null });

    await waitFor(
      'the voting window to close',
      () => Date.now(),
      (now) => now > closesAt.getTime() + 500,
    );
    await page.goto(`${node}/admin/ballots`);
    const row = page.locator(`tr[data-ballot="${created.id}"]`);
    const count = row.getByRole('button', { name: /^Count the votes/ });
    // The node's own scheduler counts closed ballots every 30 s too; when it has not yet, the admin does.
    if ((await count.count()) === 1) {
      await count.click();
      await page.waitForURL(`${node}/admin/ballots?closed=${created.id}`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('counted');
    }
    await expect(row.locator('td[data-state]').getAttribute('data-state')).resolves.toBe('closed');
    await expect(row.locator('td[data-result]').innerText()).resolves.toMatch(/Not passed: 0 for, 0 against, 0 abstaining/);
    const closed = (await ballots()).find((b) => b.id === created.id)!;
    expect(closed.closed_at).not.toBeNull();
    expect(closed.result).toMatchObject({ voted: 0, quorumMet: false, passed: false });
  }, 120_000);

  it('shows the workforce summary as a chart with its table, the same figures as the API', async () => {
    await page.goto(`${node}/admin/workforce?from=2020-01-01`);
    await expect(page.locator('#workforce-summary').innerText()).resolves.toContain('Staff on the last day');
    await expect(page.locator('svg[role="img"] title').textContent()).resolves.toContain('Staff on the last day by contract type');
    await expect(page.locator('#contracts tbody tr').count()).resolves.toBe(3);
    await axe.check(page);
    await screenshot(page, 'coop-admin-workforce');
    const api = (await mesh.node(COOP).as('coop-admin').get('/workforce/summary').query({ from: '2020-01-01', to: ukDay() }).expect(200))
      .body;
    await expect(page.locator('#contracts tbody td').allInnerTexts()).resolves.toEqual(
      ['permanent', 'zero-hours', 'bank'].map((c) => String(api.byContractType[c])),
    );

    // A period typed wrongly: the error beside the field, 400.
    const bad = await page.goto(`${node}/admin/workforce?from=2026-13-01`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('#from-error').innerText()).resolves.toContain('Enter the first day as a date');
    await axe.check(page, '/admin/workforce (error)');
  }, 120_000);

  it('shows the care summary and continuity of carers', async () => {
    await page.goto(`${node}/admin/care?from=2020-01-01`);
    await expect(page.locator('#care-summary').innerText()).resolves.toContain('People supported');
    await expect(page.locator('#funding tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('#visits tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#continuity').count()).resolves.toBe(1);
    await axe.check(page);
  }, 120_000);

  it('shows the time bank’s credits by purpose and its transfers', async () => {
    await page.goto(`${node}/admin/time-bank`);
    await expect(page.locator('#time-bank-summary').innerText()).resolves.toContain('Credits earned for hours given');
    await expect(page.locator('#time-bank-summary').innerText()).resolves.toContain('Even: no co-op owes the other any hours');
    // Earning, respite and help, and the four of payments across co-ops (none here: shown as 0 h).
    await expect(page.locator('#purposes tbody tr').count()).resolves.toBe(7);
    await expect(page.locator('#purposes tbody').innerText()).resolves.toContain('Received from another co-op');
    await expect(page.locator('#transfers').count()).resolves.toBe(1);
    await axe.check(page);
  }, 120_000);

  it('previews the return exactly as it would leave the node, and sends it to the hub', async () => {
    const bad = await page.goto(`${node}/admin/returns?period=2026-Q9`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('#period-error').innerText()).resolves.toContain('period must be');
    await axe.check(page, '/admin/returns (error)');

    await page.goto(`${node}/admin/returns`);
    await axe.check(page);
    await screenshot(page, 'coop-admin-return-preview');
    const section = page.locator(`section[data-cycle="${cycleId}"]`);
    await expect(section.locator('[data-sent]').getAttribute('data-sent')).resolves.toBe('0');
    await expect(page.locator('#return-valid').count()).resolves.toBe(1);
    await expect(page.locator('table[data-metric]').count()).resolves.toBeGreaterThan(0);
    expect(await mesh.nodeQuery(COOP, 'SELECT 1 FROM return_sent WHERE cycle_id = $1', [cycleId])).toEqual([]);

    await section.getByRole('button', { name: `Send the return for ${period}` }).click();
    await page.waitForURL((url) => url.pathname === '/admin/returns' && url.searchParams.get('submitted') === cycleId);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(`Return for ${period} sent to the hub.`);
    await expect(mesh.nodeQuery(COOP, 'SELECT 1 FROM return_sent WHERE cycle_id = $1', [cycleId])).resolves.toHaveLength(1);
    await waitFor(
      'the return on the hub',
      () => mesh.hubQuery('SELECT 1 FROM return_submission WHERE cycle_id = $1 AND coop_id = $2', [cycleId, COOP]),
      (rows) => rows.length === 1,
    );
    await page.reload();
    await expect(section.locator('[data-sent]').getAttribute('data-sent')).resolves.toBe('1');
  }, 120_000);

  it('shows the link to the hub, the outbox and the dead letters', async () => {
    await page.goto(`${node}/admin/federation`);
    await expect(page.locator('#link').innerText()).resolves.toContain('Up');
    await expect(page.locator('#outbox').innerText()).resolves.toContain('Confirmed by the hub');
    await expect(page.locator('#dead-letters-count').innerText()).resolves.toMatch(/^0 messages/);
    await axe.check(page);
  }, 120_000);

  it('refuses a form without its CSRF token, with nothing changed', async () => {
    const before = { members: await members(), profile: await profile(), ballots: await ballots() };
    const posts = [
      ['/admin/members', { fullName: 'Forged Member', stakeholderClass: 'worker', initialSharesPence: '100' }],
      ['/admin/profile', { name: 'Forged name' }],
      [
        '/admin/ballots',
        { kind: 'motion', title: 'Forged ballot', closesAt: ukClock(new Date(Date.now() + 86_400_000)), resolution: 'ordinary' },
      ],
      [`/admin/returns/${cycleId}/submission`, {}],
    ] as const;
    for (const [path, form] of posts) {
      expect((await admin.request.post(`${node}${path}`, { form, maxRedirects: 0 })).status()).toBe(403);
      expect((await admin.request.post(`${node}${path}`, { form: { ...form, _csrf: 'forged' }, maxRedirects: 0 })).status()).toBe(403);
    }
    expect({ members: await members(), profile: await profile(), ballots: await ballots() }).toEqual(before);
    await expect(mesh.nodeQuery(COOP, 'SELECT 1 FROM return_sent WHERE cycle_id = $1', [cycleId])).resolves.toHaveLength(1);
  }, 120_000);

  it('refuses a member the admin’s pages (403)', async () => {
    await mesh
      .node(COOP)
      .as('coop-admin')
      .post('/members')
      .send(aMember({ email: 'mo.member@coop.example' }))
      .expect(201);
    const context = await browser.newContext();
    const member = await signInAs(context, node, idp.issuer, 'member', '/me');
    expect(new URL(member.url()).pathname).toBe('/me');
    await member.goto(`${node}/admin/members`);
    await expect(member.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
    await axe.check(member, '/admin/members (member)');
    for (const path of [
      '/admin/profile',
      '/admin/ballots',
      '/admin/workforce',
      '/admin/care',
      '/admin/time-bank',
      '/admin/returns',
      '/admin/federation',
    ]) {
      expect((await context.request.get(`${node}${path}`, { maxRedirects: 0 })).status()).toBe(403);
    }
    await expect(member.getByRole('link', { name: 'Members', exact: true }).count()).resolves.toBe(0);
    await context.close();
  }, 120_000);

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages).toEqual(
      expect.arrayContaining([
        '/admin',
        '/admin/profile',
        '/admin/profile (error)',
        '/admin/members',
        '/admin/members (error)',
        '/admin/ballots',
        '/admin/ballots (error)',
        '/admin/workforce',
        '/admin/workforce (error)',
        '/admin/care',
        '/admin/time-bank',
        '/admin/returns',
        '/admin/returns (error)',
        '/admin/federation',
        '/admin/members (member)',
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
