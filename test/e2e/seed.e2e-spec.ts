import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import type { SeedSummary } from '../../apps/local-coop-node/src/seed';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';

/** `npm run seed`: a believable co-op, the same every time for the same seed number. */
describe('sample data', () => {
  const mesh = new TestMesh();
  afterAll(() => mesh.dispose());
  let seeded: SeedSummary;

  const day = (offset: number) => ukDay(offset);
  const admin = () => `Bearer ${mesh.nodeToken('seed-a', 'coop-admin')}`;
  let started = false;
  const http = async () => {
    if (!started) await mesh.startNode('seed-a');
    started = true;
    return mesh.nodeHttp('seed-a');
  };

  // Everything but the issuer account's id, which the migration draws at random on each node.
  const snapshot = (coop: string) =>
    mesh.nodeQuery(
      coop,
      `SELECT (SELECT json_agg(x ORDER BY x.member_number) FROM (SELECT member_number, stakeholder_class, full_name, admitted_on, withdrawn_on FROM member) x) AS members,
              (SELECT json_agg(x ORDER BY x.title) FROM (SELECT title, result FROM ballot) x) AS ballots,
              (SELECT json_agg(x ORDER BY x.id) FROM (SELECT id, full_name, role, contract_type, hourly_pay_pence, contracted_minutes_per_week, started_on, left_on, member_id FROM staff) x) AS staff,
              (SELECT json_agg(x ORDER BY x.id) FROM (SELECT id, service_user_id, carer_id, service_type, planned_start, planned_minutes, status, delivered_minutes FROM visit) x) AS visits,
              (SELECT json_agg(x ORDER BY x.transfer_id, x.minutes) FROM (SELECT e.transfer_id, a.volunteer_id, e.minutes FROM time_entry e JOIN time_account a ON a.id = e.account_id) x) AS time_entries`,
    );

  it('fills a node deterministically from a seed number, and another seed gives another co-op', async () => {
    const a = await seedNode(mesh.nodeConfig('seed-a'), 42);
    const b = await seedNode(mesh.nodeConfig('seed-b'), 42);
    const c = await seedNode(mesh.nodeConfig('seed-c'), 7);
    expect(c).not.toEqual(a);
    seeded = a;
    expect(a).toEqual(b);
    const snapA = await snapshot('seed-a');
    expect(await snapshot('seed-b')).toEqual(snapA);
    expect(await snapshot('seed-c')).not.toEqual(snapA);
    expect(a.members).toBeGreaterThanOrEqual(40);
    expect(a.ballots).toBeGreaterThanOrEqual(3);
  });

  it('employs 20 to 30 staff with a few leavers, supports 30 to 50 people with a quarter of visits, and has 10 to 20 volunteers', () => {
    const s = seeded;
    expect(s.staff).toBeGreaterThanOrEqual(20);
    expect(s.staff).toBeLessThanOrEqual(30);
    expect(s.leavers).toBeGreaterThanOrEqual(3);
    expect(s.leavers).toBeLessThanOrEqual(6);
    expect(s.openVacancies).toBeGreaterThanOrEqual(2);
    expect(s.openVacancies).toBeLessThanOrEqual(4);
    expect(s.peopleSupported).toBeGreaterThanOrEqual(30);
    expect(s.peopleSupported).toBeLessThanOrEqual(50);
    // A few visits a week each, over thirteen weeks.
    expect(s.visits).toBeGreaterThanOrEqual(s.peopleSupported * 13);
    expect(s.volunteers).toBeGreaterThanOrEqual(10);
    expect(s.volunteers).toBeLessThanOrEqual(20);
    expect(s.volunteerHours).toBeGreaterThan(0);
    expect(s.timeBankTransfers).toBeGreaterThan(0);
    expect(s.expenseClaims).toBeGreaterThanOrEqual(4);
  });

  it('gives every class members, a board that fits the rulebook, and past ballots with final results', async () => {
    const byClass = await mesh.nodeQuery<{ stakeholder_class: string; n: number }>(
      'seed-a',
      'SELECT stakeholder_class, count(*)::int AS n FROM member WHERE withdrawn_on IS NULL GROUP BY 1 ORDER BY 1',
    );
    expect(byClass.map((r) => r.stakeholder_class)).toEqual(['community-supporter', 'service-user-or-family', 'volunteer', 'worker']);
    const node = await http();
    const board = (await node.get('/board').set('Authorization', admin()).expect(200)).body;
    expect(board.seats.length).toBe(board.totalSeats - board.vacancies);
    const closed = (await node.get('/ballots?state=closed').set('Authorization', admin()).expect(200)).body;
    expect(closed.items.every((b: { result: object | null }) => b.result !== null)).toBe(true);
    const shares = await mesh.nodeQuery<{ bad: number }>(
      'seed-a',
      `SELECT count(*)::int AS bad FROM (SELECT m.id, sum(CASE WHEN s.kind = 'purchase' THEN s.amount_pence ELSE -s.amount_pence END) AS held
         FROM member m JOIN share_transaction s ON s.member_id = m.id WHERE m.withdrawn_on IS NULL GROUP BY m.id) h WHERE h.held < 100 OR h.held > 10000000`,
    );
    expect(shares[0].bad).toBe(0);
  });

  it('books every visit to a carer employed on its day and a person supported on it, with outcomes for the past and plans ahead', async () => {
    const [v] = await mesh.nodeQuery<Record<string, number>>(
      'seed-a',
      `WITH v AS (SELECT v.*, (v.planned_start AT TIME ZONE 'Europe/London')::date AS on_day FROM visit v)
       SELECT (SELECT count(*) FROM v JOIN staff s ON s.id = v.carer_id WHERE v.on_day < s.started_on OR v.on_day > s.left_on)::int AS carer_not_employed,
              (SELECT count(*) FROM v JOIN service_user u ON u.id = v.service_user_id WHERE v.on_day < u.started_on OR v.on_day > u.ended_on)::int AS person_not_supported,
              (SELECT count(*) FROM v WHERE v.on_day < $1::date AND status = 'planned')::int AS past_still_planned,
              (SELECT count(*) FROM v WHERE v.on_day > $1::date AND status <> 'planned')::int AS future_with_outcome,
              (SELECT count(DISTINCT s.id) FROM v JOIN staff s ON s.id = v.carer_id WHERE s.left_on IS NOT NULL OR s.started_on > $1::date - 91)::int AS carers_joining_or_leaving,
              (SELECT count(*) FROM v WHERE v.on_day > $1::date)::int AS ahead,
              (SELECT count(*) FROM v WHERE status = 'delivered')::int AS delivered,
              (SELECT count(*) FROM v WHERE status IN ('missed', 'cancelled'))::int AS not_delivered,
              (SELECT count(*) FROM v WHERE status = 'delivered' AND abs(delivered_minutes - planned_minutes) > 15)::int AS far_from_plan,
              (SELECT max(n) FROM (SELECT count(DISTINCT carer_id) AS n FROM v GROUP BY service_user_id, date_trunc('month', on_day)) c)::int AS most_carers_in_a_month`,
      [day(0)],
    );
    expect(v).toMatchObject({
      carer_not_employed: 0,
      person_not_supported: 0,
      past_still_planned: 0,
      future_with_outcome: 0,
      far_from_plan: 0,
    });
    // Carers joined and left during the quarter, so the employment check above had handovers to catch.
    expect(v.carers_joining_or_leaving).toBeGreaterThan(0);
    expect(v.ahead).toBeGreaterThan(0);
    expect(v.delivered).toBeGreaterThan(v.not_delivered * 5);
    expect(v.not_delivered).toBeGreaterThan(0);
    // A small stable team per person, not whoever happens to be free.
    expect(v.most_carers_in_a_month).toBeLessThanOrEqual(6);
  });

  it('keeps the time-credit ledger balanced: an earning per hours row, every transfer two entries summing to zero, no balance past the overdraft', async () => {
    const [l] = await mesh.nodeQuery<Record<string, number>>(
      'seed-a',
      `SELECT (SELECT coalesce(sum(minutes), 0) FROM time_entry)::int AS ledger_total,
              (SELECT count(*) FROM (SELECT transfer_id FROM time_entry GROUP BY transfer_id HAVING count(*) <> 2 OR sum(minutes) <> 0) x)::int AS unbalanced,
              (SELECT count(*) FROM volunteer_hours h LEFT JOIN time_transfer t ON t.volunteer_hours_id = h.id
                 WHERE t.id IS NULL OR t.minutes <> h.minutes OR t.occurred_on <> h.worked_on OR t.purpose <> 'earning')::int AS hours_without_earning,
              (SELECT count(*) FROM time_transfer t JOIN time_account f ON f.id = t.from_account_id WHERE (t.purpose = 'earning') <> (f.kind = 'issuer'))::int AS wrong_payer,
              (SELECT min(b) FROM (SELECT coalesce(sum(e.minutes), 0) AS b FROM time_account a LEFT JOIN time_entry e ON e.account_id = a.id WHERE a.kind = 'volunteer' GROUP BY a.id) x)::int AS lowest_balance,
              (SELECT (rulebook->>'timeCreditOverdraftMinutes')::int FROM rulebook_version ORDER BY version DESC LIMIT 1) AS overdraft,
              (SELECT count(DISTINCT status) FROM expense_claim)::int AS expense_states,
              (SELECT count(*) FROM volunteer WHERE moved_into_paid_work_on IS NOT NULL)::int AS into_paid_work`,
    );
    expect(l).toMatchObject({ ledger_total: 0, unbalanced: 0, hours_without_earning: 0, wrong_payer: 0, expense_states: 4 });
    expect(l.lowest_balance).toBeGreaterThanOrEqual(-l.overdraft);
    expect(l.into_paid_work).toBeGreaterThanOrEqual(1);
    expect(l.into_paid_work).toBeLessThanOrEqual(3);
  });

  it('serves workforce, care and time-bank summaries that agree with what was seeded', async () => {
    const node = await http();
    const workforce = (
      await node
        .get(`/workforce/summary?from=${day(-364)}&to=${day(0)}`)
        .set('Authorization', admin())
        .expect(200)
    ).body;
    expect(workforce).toMatchObject({ headcount: seeded.staff, leavers: seeded.leavers, openVacancies: seeded.openVacancies });
    expect(workforce.byContractType.permanent).toBeGreaterThan(workforce.byContractType['zero-hours']);
    expect(workforce.byContractType['zero-hours']).toBeGreaterThan(0);
    expect(workforce.paidAtLeastRealLivingWagePercent).toBeGreaterThan(75);

    const today = (
      await node
        .get(`/care/summary?from=${day(0)}&to=${day(0)}`)
        .set('Authorization', admin())
        .expect(200)
    ).body;
    expect(today.peopleSupported).toBe(seeded.peopleSupported);
    expect(Object.values(today.peopleByFundingType).every((n) => (n as number) > 0)).toBe(true);
    const quarter = (
      await node
        .get(`/care/summary?from=${day(-120)}&to=${day(30)}`)
        .set('Authorization', admin())
        .expect(200)
    ).body;
    const figures = Object.values(quarter.visitsByServiceType) as {
      visitsPlanned: number;
      visitsCancelled: number;
      visitsDelivered: number;
      minutesDelivered: number;
    }[];
    expect(figures.reduce((n, f) => n + f.visitsPlanned + f.visitsCancelled, 0)).toBe(seeded.visits);
    expect(quarter.visitsByServiceType['personal-care'].visitsDelivered).toBeGreaterThan(0);
    const reviews = (
      await node
        .get(`/care/summary?from=${day(-800)}&to=${day(0)}`)
        .set('Authorization', admin())
        .expect(200)
    ).body;
    expect(reviews.goalsReviewed).toBeGreaterThan(0);
    expect(reviews.goalsImprovedPercent).toBeGreaterThan(50);

    const bank = (await node.get('/time-bank/summary').set('Authorization', admin()).expect(200)).body;
    const [{ hours }] = await mesh.nodeQuery<{ hours: number }>('seed-a', 'SELECT count(*)::int AS hours FROM volunteer_hours');
    expect(bank.earned.transfers).toBe(hours);
    expect(Math.round(bank.earned.minutes / 60)).toBe(seeded.volunteerHours);
    expect(bank.exchanged.transfers).toBe(seeded.timeBankTransfers);
    expect(bank.exchanged.minutes).toBeGreaterThan(0);
  });

  it('refuses a node that already has members', async () => {
    await expect(seedNode(mesh.nodeConfig('seed-b'), 1)).rejects.toThrow(/already has \d+ members/);
  });
});
