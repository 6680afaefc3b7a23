import { londonDay } from '@app/platform';

import { aMember, aServiceUser, aStaffMember, aZeroHoursCarer, MemberBody } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** A person's own data on a co-op node: export (right of access) and erasure (right to erasure). */
describe('personal data', () => {
  const mesh = new TestMesh();
  const COOP = 'holme-valley';
  const admin = mesh.node(COOP).as('coop-admin');
  const as = (memberId: string) => mesh.node(COOP).as('member', memberId);
  const http = () => mesh.nodeHttp(COOP);
  const today = londonDay(new Date());
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endWindow = (id: string) => mesh.endBallotWindows(COOP, id);

  const admit = async (body: Partial<MemberBody>) =>
    (
      await admin
        .post('/members')
        .send(aMember({ stakeholderClass: 'volunteer', admittedOn: '2025-01-06', ...body }))
        .expect(201)
    ).body;
  const get = async (url: string, auth = admin.authorization) => (await http().get(url).set('Authorization', auth).expect(200)).body;
  const post = (url: string, body: object = {}, auth = admin.authorization) => http().post(url).set('Authorization', auth).send(body);

  /**
   * Every place in the node's database that still holds one of the needles: each text, varchar, json,
   * jsonb and array column of every table searched as text, and each date column compared as a date.
   */
  const findAnywhere = async (needles: string[], dates: string[]): Promise<string[]> => {
    const columns = await mesh.nodeQuery<{ table_name: string; column_name: string; data_type: string }>(
      COOP,
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'date')`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const [sql, values] =
        type === 'date'
          ? [`"${column}" = ANY($1::date[])`, dates]
          : [`"${column}"::text ILIKE ANY($1::text[])`, needles.map((n) => `%${n}%`)];
      const [{ n }] = await mesh.nodeQuery<{ n: number }>(COOP, `SELECT count(*)::int AS n FROM "${table}" WHERE ${sql}`, [values]);
      if (n > 0) hits.push(`${table}.${column}`);
    }
    return hits.sort();
  };

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  describe('a member', () => {
    const NADIA = {
      fullName: 'Nadia Okafor',
      email: 'nadia.okafor@example.org',
      phone: '01484 765432',
      address: '14 Bankside, Marsden HD7 6AB',
      dateOfBirth: '1958-03-17',
    };
    const NEEDLES = ['Nadia Okafor', 'Okafor', NADIA.email, '765432', '14 Bankside', 'HD7 6AB', NADIA.dateOfBirth];
    const BART = { fullName: 'Bartholomew Quist', email: 'bart.quist@example.net' };
    let nadia: { id: string; memberNumber: number };
    let bart: { id: string };
    let nadiaVolunteer: { id: string };
    let bartVolunteer: { id: string };
    let election: { id: string };
    let motion: { id: string };

    beforeAll(async () => {
      nadia = await admit({ ...NADIA, initialSharesPence: 2500 });
      bart = await admit(BART);
      const cara = await admit({ fullName: 'Cara Lindley' });

      election = (
        await post('/ballots', {
          kind: 'election',
          title: 'Volunteer directors 2026',
          stakeholderClass: 'volunteer',
          candidateMemberIds: [nadia.id, bart.id],
          closesAt: inAWeek(),
        }).expect(201)
      ).body;
      motion = (
        await post('/ballots', { kind: 'motion', title: 'Adopt the winter plan', resolution: 'ordinary', closesAt: inAWeek() }).expect(201)
      ).body;
      await post(`/ballots/${election.id}/votes`, { candidates: [nadia.id] }, as(nadia.id).authorization).expect(204);
      await post(`/ballots/${election.id}/votes`, { candidates: [nadia.id, bart.id] }, as(cara.id).authorization).expect(204);
      await post(`/ballots/${election.id}/votes`, { candidates: [bart.id] }, as(bart.id).authorization).expect(204);
      await post(`/ballots/${motion.id}/votes`, { choice: 'for' }, as(nadia.id).authorization).expect(204);
      await post(`/ballots/${motion.id}/votes`, { choice: 'against' }, as(bart.id).authorization).expect(204);
      for (const b of [election, motion]) {
        await endWindow(b.id);
        await post(`/ballots/${b.id}/close`).expect(200);
      }

      nadiaVolunteer = (await post('/volunteers', { fullName: NADIA.fullName, memberId: nadia.id, joinedOn: '2025-01-06' }).expect(201))
        .body;
      bartVolunteer = (await post('/volunteers', { fullName: BART.fullName, memberId: bart.id, joinedOn: '2025-01-06' }).expect(201)).body;
      // Nadia logs her own hours: an audit event with her as the actor.
      await post(
        `/volunteers/${nadiaVolunteer.id}/hours`,
        { workedOn: '2025-02-03', activity: 'befriending', minutes: 90, note: 'Nadia Okafor visited from 14 Bankside' },
        as(nadia.id).authorization,
      ).expect(201);
      await post(`/volunteers/${bartVolunteer.id}/hours`, {
        workedOn: '2025-02-04',
        activity: 'transport',
        minutes: 60,
        note: 'Hospital run',
      }).expect(201);
      await post('/time-bank/transfers', {
        fromVolunteerId: nadiaVolunteer.id,
        toVolunteerId: bartVolunteer.id,
        minutes: 30,
        purpose: 'respite',
        note: 'Respite for Nadia Okafor',
      }).expect(201);
      const meals = (
        await post(`/volunteers/${nadiaVolunteer.id}/expenses`, {
          kind: 'meals',
          amountPence: 650,
          incurredOn: '2025-02-03',
          description: 'Lunch, Nadia Okafor',
        }).expect(201)
      ).body;
      await post(`/expenses/${meals.id}/approval`, { note: 'Receipt from Nadia Okafor seen' }).expect(200);
      await post(`/expenses/${meals.id}/payment`, { reference: 'BACS 0412' }).expect(200);
      const bus = (
        await post(`/volunteers/${nadiaVolunteer.id}/expenses`, {
          kind: 'travel',
          amountPence: 320,
          incurredOn: '2025-02-03',
          description: 'Bus from 14 Bankside',
        }).expect(201)
      ).body;
      await post(`/expenses/${bus.id}/rejection`, { reason: 'Nadia Okafor already claimed this fare' }).expect(200);
    });

    it('exports everything held about the member, section by section, with an explanation of each', async () => {
      const out = await get('/members/me/export', as(nadia.id).authorization);
      const sections = ['member', 'shares', 'boardSeats', 'ballots', 'candidacies', 'volunteer', 'staff', 'auditEvents'];
      expect(Object.keys(out).sort()).toEqual(['explanation', 'generatedAt', 'subject', ...sections].sort());
      expect(Object.keys(out.explanation).sort()).toEqual([...sections].sort());
      for (const s of sections) expect(out.explanation[s]).toEqual(expect.stringMatching(/^[A-Z].{40,}\.$/));
      expect(Date.parse(out.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(out.subject).toEqual({ kind: 'member', memberId: nadia.id, memberNumber: nadia.memberNumber });
      expect(out.member).toMatchObject({
        ...NADIA,
        id: nadia.id,
        stakeholderClass: 'volunteer',
        admittedOn: '2025-01-06',
        withdrawnOn: null,
        erasedAt: null,
      });
      expect(out.shares).toEqual({
        balancePence: 2500,
        entries: [{ kind: 'purchase', amountPence: 2500, occurredAt: expect.any(String) }],
      });
      expect(out.boardSeats).toEqual([
        { stakeholderClass: 'volunteer', since: today, electedIn: 'Volunteer directors 2026', current: true },
      ]);
      expect(out.ballots.map((b: object) => Object.keys(b).sort())).toEqual([
        ['closesAt', 'opensAt', 'title'],
        ['closesAt', 'opensAt', 'title'],
      ]);
      expect(out.ballots.map((b: { title: string }) => b.title).sort()).toEqual(['Adopt the winter plan', 'Volunteer directors 2026']);
      expect(out.candidacies).toEqual([
        expect.objectContaining({ ballotTitle: 'Volunteer directors 2026', label: NADIA.fullName, votes: 2, elected: true }),
      ]);
      expect(out.volunteer.record).toMatchObject({ id: nadiaVolunteer.id, fullName: NADIA.fullName, memberId: nadia.id, erasedAt: null });
      expect(out.volunteer.hours).toEqual([
        expect.objectContaining({
          workedOn: '2025-02-03',
          activity: 'befriending',
          minutes: 90,
          note: 'Nadia Okafor visited from 14 Bankside',
        }),
      ]);
      expect(out.volunteer.timeBank.balanceMinutes).toBe(60);
      expect(out.volunteer.timeBank.entries).toEqual([
        expect.objectContaining({ purpose: 'earning', minutes: 90, counterparty: 'the co-op' }),
        expect.objectContaining({ purpose: 'respite', minutes: -30, counterparty: 'another volunteer', note: 'Respite for Nadia Okafor' }),
      ]);
      expect(out.volunteer.expenseClaims).toEqual([
        expect.objectContaining({
          kind: 'meals',
          amountPence: 650,
          status: 'paid',
          description: 'Lunch, Nadia Okafor',
          paymentReference: 'BACS 0412',
        }),
        expect.objectContaining({
          kind: 'travel',
          amountPence: 320,
          status: 'rejected',
          rejectionReason: 'Nadia Okafor already claimed this fare',
        }),
      ]);
      expect(out.staff).toEqual([]);
      expect(out.auditEvents.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual([
        `POST /ballots/:id/votes id=${election.id}`,
        `POST /ballots/:id/votes id=${motion.id}`,
        `POST /volunteers/:id/hours id=${nadiaVolunteer.id}`,
      ]);
      expect(out.auditEvents[2]).toMatchObject({ outcome: 'succeeded', status: 201, at: expect.any(String) });
    });

    it('says nothing about another member, not even the volunteer they exchanged credits with', async () => {
      const text = JSON.stringify(await get('/members/me/export', as(nadia.id).authorization));
      for (const trace of [BART.fullName, 'Quist', BART.email, bart.id, bartVolunteer.id, 'Cara Lindley'])
        expect(text).not.toContain(trace);
    });

    it("refuses a member another member's export with a 404, as if they did not exist; the admin may export anyone", async () => {
      expect((await as(nadia.id).get(`/members/${bart.id}/export`).expect(404)).body.code).toBe('MEMBERS.NOT_FOUND');
      await as(nadia.id).get(`/members/${bart.id}/export`).expect(404);
      await as(nadia.id).post(`/members/${bart.id}/erasure`).expect(403);
      await admin.get('/members/me/export').expect(403);
      const own = await get(`/members/${nadia.id}/export`, as(nadia.id).authorization);
      const byAdmin = await get(`/members/${nadia.id}/export`);
      expect(byAdmin.member).toEqual(own.member);
      expect(byAdmin.volunteer).toEqual(own.volunteer);
      expect((await get(`/members/${bart.id}/export`)).member.fullName).toBe(BART.fullName);
    });

    it('refuses to erase someone still a member, naming why, and changes nothing', async () => {
      const res = await post(`/members/${nadia.id}/erasure`).expect(409);
      expect(res.body).toMatchObject({
        code: 'MEMBERS.ERASURE_NOT_ALLOWED',
        message: expect.stringMatching(/still a member.*register of members and shares/),
      });
      expect(res.body.details.reasons).toEqual([expect.stringContaining('still a member'), expect.stringContaining('still volunteer')]);
      expect((await get(`/members/${nadia.id}`)).fullName).toBe(NADIA.fullName);
    });

    it('refuses a former member who still volunteers, until their departure is recorded', async () => {
      await post(`/members/${nadia.id}/withdrawal`, { reason: 'Moving to Leeds' }).expect(200);
      const res = await post(`/members/${nadia.id}/erasure`).expect(409);
      expect(res.body.details.reasons).toEqual([expect.stringContaining('still volunteer')]);
      await post(`/volunteers/${nadiaVolunteer.id}/departure`, { reason: 'Nadia Okafor moved to Leeds' }).expect(200);
    });

    describe('once erased', () => {
      const before: Record<string, unknown> = {};
      const FIGURES = [
        '/members/summary',
        '/care/summary?from=2025-01-01&to=2026-12-31',
        '/time-bank/summary',
        '/volunteers/summary',
        '/board',
      ];
      let receipt: { erased: string[]; kept: string[]; erasedAt: string };

      beforeAll(async () => {
        for (const url of [...FIGURES, `/ballots/${election.id}`, `/ballots/${motion.id}`]) before[url] = await get(url);
        // The search below finds the person wherever they were written before the erasure.
        expect(await findAnywhere(NEEDLES, [NADIA.dateOfBirth])).toEqual([
          'ballot_option.label',
          'expense_claim.approval_note',
          'expense_claim.description',
          'expense_claim.rejection_reason',
          'member.address',
          'member.date_of_birth',
          'member.email',
          'member.full_name',
          'member.phone',
          'time_transfer.note',
          'volunteer.full_name',
          'volunteer.leaving_reason',
          'volunteer_hours.note',
        ]);
        receipt = (await post(`/members/${nadia.id}/erasure`).expect(200)).body;
      });

      it('says what went and what was kept', () => {
        expect(receipt).toMatchObject({
          memberId: nadia.id,
          memberNumber: nadia.memberNumber,
          label: `Erased member #${nadia.memberNumber}`,
        });
        expect(receipt.erased).toEqual(expect.arrayContaining(['email', 'phone', 'address', 'date of birth']));
        expect(receipt.kept.join(' ')).toMatch(/share register/);
      });

      it("leaves none of the person's details anywhere in the node's database", async () => {
        expect(await findAnywhere(NEEDLES, [NADIA.dateOfBirth])).toEqual([]);
        const [row] = await mesh.nodeQuery(
          COOP,
          'SELECT full_name, email, phone, address, date_of_birth, withdrawal_reason, erased_at FROM member WHERE id = $1',
          [nadia.id],
        );
        expect(row).toEqual({
          full_name: `Erased member #${nadia.memberNumber}`,
          email: null,
          phone: null,
          address: null,
          date_of_birth: null,
          withdrawal_reason: null,
          erased_at: expect.any(Date),
        });
      });

      it('leaves every figure exactly as it was: membership, shares, care, time bank, volunteering, the board and closed ballots', async () => {
        for (const url of FIGURES) expect({ url, body: await get(url) }).toEqual({ url, body: before[url] });
        expect(await get(`/ballots/${motion.id}`)).toEqual(before[`/ballots/${motion.id}`]);
        const electionNow = await get(`/ballots/${election.id}`);
        const electionBefore = before[`/ballots/${election.id}`] as { result: unknown; options: { key: string; votes: number }[] };
        expect(electionNow.result).toEqual(electionBefore.result);
        expect(electionNow.options.map((o: { key: string; votes: number }) => [o.key, o.votes])).toEqual(
          electionBefore.options.map((o: { key: string; votes: number }) => [o.key, o.votes]),
        );
        expect(electionNow.options.find((o: { key: string }) => o.key === nadia.id).label).toBe(`Erased member #${nadia.memberNumber}`);
        const [{ n }] = await mesh.nodeQuery<{ n: number }>(
          COOP,
          'SELECT count(*)::int AS n FROM ballot_participation WHERE member_id = $1',
          [nadia.id],
        );
        expect(n).toBe(2);
      });

      it('blanked ledger notes without opening the ledger to any other change', async () => {
        const [t] = await mesh.nodeQuery<{ id: string }>(COOP, `SELECT id FROM time_transfer WHERE purpose = 'respite' AND note IS NULL`);
        for (const change of [
          'minutes = minutes + 1',
          "note = 'rewritten'",
          'note = NULL, minutes = minutes + 1',
          'occurred_on = occurred_on - 1',
        ]) {
          await expect(mesh.nodeQuery(COOP, `UPDATE time_transfer SET ${change} WHERE id = $1`, [t.id])).rejects.toThrow('append-only');
        }
        await expect(mesh.nodeQuery(COOP, 'UPDATE time_entry SET minutes = minutes WHERE transfer_id = $1', [t.id])).rejects.toThrow(
          'append-only',
        );
        await expect(mesh.nodeQuery(COOP, 'DELETE FROM time_transfer WHERE id = $1', [t.id])).rejects.toThrow('append-only');
      });

      it('exports only what was kept', async () => {
        const out = await get(`/members/${nadia.id}/export`);
        expect(out.member).toMatchObject({
          fullName: `Erased member #${nadia.memberNumber}`,
          email: null,
          phone: null,
          address: null,
          dateOfBirth: null,
          withdrawalReason: null,
          memberNumber: nadia.memberNumber,
          stakeholderClass: 'volunteer',
          admittedOn: '2025-01-06',
          withdrawnOn: today,
          erasedAt: receipt.erasedAt,
        });
        expect(out.shares.entries.map((e: { kind: string; amountPence: number }) => [e.kind, e.amountPence])).toEqual([
          ['purchase', 2500],
          ['withdrawal', 2500],
        ]);
        expect(out.ballots).toHaveLength(2);
        expect(out.boardSeats).toEqual([expect.objectContaining({ current: false })]);
        expect(out.candidacies).toEqual([
          expect.objectContaining({ label: `Erased member #${nadia.memberNumber}`, votes: 2, elected: true }),
        ]);
        expect(out.volunteer.record).toMatchObject({
          fullName: `Erased volunteer #${nadiaVolunteer.id.slice(0, 8)}`,
          leavingReason: null,
          joinedOn: '2025-01-06',
          leftOn: today,
        });
        expect(out.volunteer.hours).toEqual([
          expect.objectContaining({ workedOn: '2025-02-03', activity: 'befriending', minutes: 90, note: null }),
        ]);
        expect(out.volunteer.timeBank.entries.map((e: { minutes: number; note: string | null }) => [e.minutes, e.note])).toEqual([
          [90, null],
          [-30, null],
        ]);
        expect(out.volunteer.expenseClaims).toEqual([
          expect.objectContaining({
            amountPence: 650,
            status: 'paid',
            description: null,
            approvalNote: null,
            paymentReference: 'BACS 0412',
          }),
          expect.objectContaining({ amountPence: 320, status: 'rejected', description: null, rejectionReason: null }),
        ]);
      });

      it('refuses a second erasure', async () => {
        expect((await post(`/members/${nadia.id}/erasure`).expect(409)).body.code).toBe('MEMBERS.ALREADY_ERASED');
      });

      it('has every export and every erasure attempt in the audit trail', async () => {
        const exports = (await get(`/audit?action=/export&limit=100`)).items;
        expect(exports).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ actor: `member:${nadia.id}`, action: 'GET /members/me/export', outcome: 'succeeded', status: 200 }),
            expect.objectContaining({
              actor: `member:${nadia.id}`,
              action: 'GET /members/:id/export',
              target: `id=${bart.id}`,
              outcome: 'refused',
            }),
            expect.objectContaining({
              actorRole: 'coop-admin',
              action: 'GET /members/:id/export',
              target: `id=${nadia.id}`,
              outcome: 'succeeded',
            }),
          ]),
        );
        const erasures = (await get(`/audit?action=/erasure&limit=100`)).items.filter(
          (e: { target: string }) => e.target === `id=${nadia.id}`,
        );
        expect(erasures.map((e: { outcome: string; status: number | null }) => e.outcome)).toEqual([
          'refused',
          'succeeded',
          'refused',
          'refused',
        ]);
        expect(erasures[1]).toMatchObject({ actorRole: 'coop-admin', action: 'POST /members/:id/erasure', status: 200 });
      });
    });
  });

  describe('a member who works for the co-op', () => {
    it('exports their staff record with training, and refuses erasure while they are employed', async () => {
      const wendy = await admit({ stakeholderClass: 'worker', fullName: 'Wendy Crossley' });
      const staff = (
        await post(
          '/staff',
          aStaffMember({
            fullName: 'Wendy Crossley',
            hourlyPayPence: 1400,
            contractedMinutesPerWeek: 1200,
            startedOn: '2025-01-06',
            locality: 'Marsden',
            memberId: wendy.id,
          }),
        ).expect(201)
      ).body;
      await post(`/staff/${staff.id}/training`, { course: 'Moving and handling', completedOn: '2025-02-01' }).expect(201);
      const out = await get('/members/me/export', as(wendy.id).authorization);
      expect(out.staff).toEqual([
        {
          record: expect.objectContaining({ id: staff.id, fullName: 'Wendy Crossley', memberId: wendy.id }),
          training: [expect.objectContaining({ course: 'Moving and handling' })],
        },
      ]);
      expect(out.volunteer).toBeNull();
      await post(`/members/${wendy.id}/withdrawal`).expect(200);
      const refused = await post(`/members/${wendy.id}/erasure`).expect(409);
      expect(refused.body).toMatchObject({
        code: 'MEMBERS.ERASURE_NOT_ALLOWED',
        details: { reasons: [expect.stringContaining('still employed')] },
      });
    });
  });

  describe('a person supported', () => {
    const EDNA = { fullName: 'Edna Pickles', dateOfBirth: '1933-08-09', address: '3 Weavers Row, Slaithwaite HD7 5XY' };
    const NEEDLES = [EDNA.fullName, 'Pickles', '3 Weavers Row', 'HD7 5XY', EDNA.dateOfBirth];
    let edna: { id: string };
    let carer: { id: string };
    let plan: { id: string; goals: { id: string }[] };

    beforeAll(async () => {
      carer = (
        await post('/staff', aZeroHoursCarer({ fullName: 'Carol Firth', startedOn: '2025-01-01', locality: 'Slaithwaite' })).expect(201)
      ).body;
      edna = (
        await post(
          '/service-users',
          aServiceUser({ ...EDNA, locality: 'Slaithwaite', fundingType: 'council-commissioned', startedOn: '2025-01-01' }),
        ).expect(201)
      ).body;
      plan = (
        await post(`/service-users/${edna.id}/care-plans`, {
          agreedOn: '2025-01-10',
          reviewDueOn: '2025-04-10',
          goals: [
            { description: "Walk to Edna Pickles's sister on Weavers Row", importance: 10, performanceAtStart: 3, satisfactionAtStart: 2 },
            { description: 'Cook a meal again', importance: 7, performanceAtStart: 4, satisfactionAtStart: 4 },
          ],
        }).expect(201)
      ).body;
      await post(`/care-plans/${plan.id}/review`, {
        reviewedOn: '2025-04-08',
        goals: [
          { goalId: plan.goals[0].id, performance: 6, satisfaction: 7 },
          { goalId: plan.goals[1].id, performance: 4, satisfaction: 4 },
        ],
      }).expect(200);
      const delivered = (
        await post('/visits', {
          serviceUserId: edna.id,
          carerId: carer.id,
          serviceType: 'personal-care',
          plannedStart: '2025-02-03T10:00:00Z',
          plannedMinutes: 60,
        }).expect(201)
      ).body;
      await post(`/visits/${delivered.id}/outcome`, { status: 'delivered', deliveredMinutes: 55 }).expect(200);
      const missed = (
        await post('/visits', {
          serviceUserId: edna.id,
          carerId: carer.id,
          serviceType: 'befriending',
          plannedStart: '2025-02-10T10:00:00Z',
          plannedMinutes: 45,
        }).expect(201)
      ).body;
      await post(`/visits/${missed.id}/outcome`, { status: 'missed' }).expect(200);
    });

    it('exports their record, care plans with goals and scores, and visits with the carer who came', async () => {
      const out = await get(`/service-users/${edna.id}/export`);
      expect(Object.keys(out.explanation).sort()).toEqual(['carePlans', 'safeguardingConcerns', 'serviceUser', 'visits']);
      expect(out.safeguardingConcerns).toEqual([]);
      expect(out.subject).toEqual({ kind: 'service-user', serviceUserId: edna.id });
      expect(out.serviceUser).toMatchObject({
        ...EDNA,
        locality: 'Slaithwaite',
        fundingType: 'council-commissioned',
        startedOn: '2025-01-01',
        endedOn: null,
        erasedAt: null,
      });
      expect(out.carePlans).toEqual([
        expect.objectContaining({
          agreedOn: '2025-01-10',
          reviewedOn: '2025-04-08',
          goals: [
            expect.objectContaining({
              description: "Walk to Edna Pickles's sister on Weavers Row",
              performanceAtStart: 3,
              performanceAtReview: 6,
              improved: true,
            }),
            expect.objectContaining({ description: 'Cook a meal again', improved: false }),
          ],
        }),
      ]);
      expect(out.visits.map((v: Record<string, unknown>) => [v.serviceType, v.status, v.deliveredMinutes, v.carerName])).toEqual([
        ['personal-care', 'delivered', 55, 'Carol Firth'],
        ['befriending', 'missed', null, 'Carol Firth'],
      ]);
      await as(edna.id).get(`/service-users/${edna.id}/export`).expect(403);
    });

    it('refuses erasure while support is ongoing, naming why', async () => {
      const res = await post(`/service-users/${edna.id}/erasure`).expect(409);
      expect(res.body).toMatchObject({ code: 'CARE.ERASURE_NOT_ALLOWED', message: expect.stringContaining('support is ongoing') });
      await admin.patch(`/service-users/${edna.id}`).send({ endedOn: '2025-06-30' }).expect(200);
    });

    it('erases their details once support has ended, keeping every figure, and refuses a second erasure', async () => {
      const period = '/care/summary?from=2025-01-01&to=2025-12-31';
      const figures = await get(period);
      expect(await findAnywhere(NEEDLES, [EDNA.dateOfBirth])).toEqual([
        'care_goal.description',
        'service_user.address',
        'service_user.date_of_birth',
        'service_user.full_name',
      ]);
      const receipt = (await post(`/service-users/${edna.id}/erasure`).expect(200)).body;
      expect(receipt).toMatchObject({
        serviceUserId: edna.id,
        label: `Erased person #${edna.id.slice(0, 8)}`,
        erased: expect.arrayContaining(['date of birth', 'address']),
      });
      expect(await get(period)).toEqual(figures);
      expect(await findAnywhere(NEEDLES, [EDNA.dateOfBirth])).toEqual([]);
      expect((await post(`/service-users/${edna.id}/erasure`).expect(409)).body.code).toBe('CARE.ALREADY_ERASED');
      expect((await admin.patch(`/service-users/${edna.id}`).send({ address: '3 Weavers Row' }).expect(409)).body.code).toBe('CARE.ERASED');
    });

    it('exports only what was kept after erasure', async () => {
      const out = await get(`/service-users/${edna.id}/export`);
      expect(out.serviceUser).toEqual({
        id: edna.id,
        fullName: `Erased person #${edna.id.slice(0, 8)}`,
        dateOfBirth: null,
        address: null,
        locality: 'Slaithwaite',
        fundingType: 'council-commissioned',
        startedOn: '2025-01-01',
        endedOn: '2025-06-30',
        erasedAt: expect.any(String),
      });
      expect(
        out.carePlans[0].goals.map((g: Record<string, unknown>) => [
          g.description,
          g.performanceAtStart,
          g.performanceAtReview,
          g.satisfactionAtReview,
        ]),
      ).toEqual([
        [null, 3, 6, 7],
        [null, 4, 4, 4],
      ]);
      expect(
        out.visits.map((v: Record<string, unknown>) => [v.serviceType, v.plannedMinutes, v.status, v.deliveredMinutes, v.carerName]),
      ).toEqual([
        ['personal-care', 60, 'delivered', 55, 'Carol Firth'],
        ['befriending', 45, 'missed', null, 'Carol Firth'],
      ]);
    });

    it('has the exports and the erasure in the audit trail', async () => {
      const events = (await get(`/audit?action=/service-users/:id/&limit=100`)).items.filter(
        (e: { target: string }) => e.target === `id=${edna.id}`,
      );
      const seen = events.map((e: { action: string; outcome: string }) => `${e.action} ${e.outcome}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'GET /service-users/:id/export succeeded',
          'POST /service-users/:id/erasure refused',
          'POST /service-users/:id/erasure succeeded',
        ]),
      );
    });
  });
});
