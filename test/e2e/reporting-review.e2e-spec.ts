import { randomUUID } from 'node:crypto';

import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';

import { quarterOf, REPORTING_RETURN_SUBMITTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/** What these tests read of a return request as the node lists it. */
interface RequestOnNode {
  cycleId: string;
  review: { state: string; comment: string | null; reviewedMessageId: string | null };
}

/**
 * Sign-off, send-back, locking and exceptions with real nodes. The lock is simulated by moving the
 * cycle's due_at (and an exception's end) into the past directly in the hub's database: a cycle
 * cannot be opened due in the past of a test run in any other way, and waiting days is not a test.
 */
describe('return review and locking', () => {
  const mesh = new TestMesh();
  const [A, B] = ['golcar', 'linthwaite'];
  const staff = mesh.hub().as('consortium-staff');
  const commissioner = mesh.hub().as('commissioner');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const hub = () => mesh.hubHttp();
  /** The reviews as they crossed NATS, to check what they carry. */
  const reviewsOnTheWire: { subject: string; payload: Record<string, unknown> }[] = [];
  let tap: NatsConnection;

  /** The day before a calendar date, 'YYYY-MM-DD'. */
  const dayBefore = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  const q1 = quarterOf(dayBefore(quarterOf(new Date().toISOString().slice(0, 10))!.start))!; // the last quarter
  const q2 = quarterOf(dayBefore(q1.start))!; // and the one before

  const openCycle = async (period: string, extra: object = {}) =>
    (
      await staff
        .post('/reporting/cycles')
        .send({ period, dueAt: new Date(Date.now() + 3_600_000).toISOString(), ...extra })
        .expect(201)
    ).body;
  const completeness = async (cycleId: string, auth = staff.authorization) =>
    (await hub().get(`/reporting/cycles/${cycleId}/completeness`).set('Authorization', auth).expect(200)).body;
  const coopIn = (c: { coops: { coopId: string }[] }, coop: string) => c.coops.find((x) => x.coopId === coop) as Record<string, unknown>;
  /** The node's return request for the cycle, with the review it holds (undefined until it has the request). */
  const requestOn = async (coop: string, cycleId: string) =>
    ((await admin(coop).get('/reporting/requests').expect(200)).body as RequestOnNode[]).find(
      (r) => r.cycleId === cycleId,
    ) as RequestOnNode;
  const review = (cycleId: string, coop: string, what: 'approval' | 'send-back' | 'exception', body: object = {}) =>
    staff.post(`/reporting/cycles/${cycleId}/coops/${coop}/${what}`).send(body);
  /** The co-op's current return as staff see it in the submissions list: what they name when they review. */
  const currentReturn = async (cycleId: string, coop: string): Promise<string> =>
    (
      (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body as {
        coopId: string;
        current: boolean;
        messageId: string;
      }[]
    ).find((s) => s.coopId === coop && s.current)!.messageId;

  /** The node submits; resolves once the hub has answered, with the node's outbox row for it. */
  const submit = async (coop: string, cycleId: string) => {
    const { messageId } = (await admin(coop).post(`/reporting/requests/${cycleId}/submission`).expect(202)).body;
    return settled(coop, messageId);
  };
  /** The node sends its return with a signed time of its choosing (a node that was offline, or one backdating). */
  const submitMadeAt = async (coop: string, cycleId: string, period: string, occurredAt: Date) => {
    const node = mesh.nodes.get(coop)!;
    const outgoing = (await admin(coop).get(`/reporting/returns/preview?period=${period}`).expect(200)).body.outgoing.return;
    const sent = await node
      .get(DataSource)
      .transaction((m) => node.get(OutboxService).enqueue(m, REPORTING_RETURN_SUBMITTED_V1, { ...outgoing, cycleId }, { occurredAt }));
    node.get(OutboxRelay).nudge();
    return settled(coop, sent.id);
  };
  const settled = async (coop: string, messageId: string) => {
    const [row] = await waitFor(
      `the hub's answer to ${coop}'s return`,
      () =>
        mesh.nodeQuery<{ status: string; last_error: string | null }>(coop, 'SELECT status, last_error FROM outbox_message WHERE id = $1', [
          messageId,
        ]),
      (r) => r[0]?.status === 'confirmed' || r[0]?.status === 'rejected',
    );
    return { messageId, ...row };
  };
  /** The approved figures of a co-op, as the report defines them. */
  const approvedFigures = (cycleId: string, coop: string) =>
    mesh.hubQuery(
      `SELECT s.message_id, s.figures FROM return_submission s
        WHERE s.cycle_id = $1 AND s.coop_id = $2 AND s.superseded_at IS NULL
          AND (SELECT decision FROM return_review r WHERE r.message_id = s.message_id ORDER BY reviewed_at DESC, id DESC LIMIT 1) = 'approved'`,
      [cycleId, coop],
    );

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    tap.subscribe(`${mesh.root}.v1.hub.*.msg.reporting.>`, {
      callback: (_e, m) => {
        if (/return-(approved|sent-back)$/.test(m.subject))
          reviewsOnTheWire.push({ subject: m.subject, payload: JSON.parse(Buffer.from(m.data).toString('utf8')).payload });
      },
    });
    await mesh.startHub();
    for (const [i, coop] of [A, B].entries()) {
      await mesh.provision(coop);
      await seedNode(mesh.nodeConfig(coop), 20 + i);
      await mesh.startNode(coop);
    }
    await waitFor(
      'both co-ops registered',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 2,
    );
  });

  afterAll(async () => {
    await tap?.close();
    await mesh.dispose();
  });

  describe('sign-off and send-back', () => {
    let cycleId: string;
    let approvedId: string;

    beforeAll(async () => {
      cycleId = (await openCycle(q1.label)).id;
      for (const coop of [A, B]) await waitFor(`${coop} to hold the request`, () => requestOn(coop, cycleId), Boolean);
      for (const coop of [A, B]) expect((await submit(coop, cycleId)).status).toBe('confirmed');
    });

    it('shows every return pending review, and a cycle not locked, before anyone reviews', async () => {
      const c = await completeness(cycleId);
      expect(c).toMatchObject({ asked: 2, submitted: 2, approved: 0, awaitingReview: 2, lockAfterDays: 14, locked: false });
      expect(new Date(c.locksAt).getTime() - new Date(c.dueAt).getTime()).toBeGreaterThanOrEqual(13 * 86_400_000);
      expect(coopIn(c, A)).toMatchObject({ review: 'pending', comment: null });
      expect((await requestOn(A, cycleId)).review).toMatchObject({ state: 'pending', comment: null });
    });

    it('approves a co-op’s current return, tells the node, and refuses approving it twice', async () => {
      const current = await currentReturn(cycleId, A);
      const res = await review(cycleId, A, 'approval', { messageId: current }).expect(201);
      approvedId = res.body.messageId;
      expect(res.body).toMatchObject({
        cycleId,
        coopId: A,
        messageId: current,
        decision: 'approved',
        comment: null,
        reviewedBy: 'test-consortium-staff',
      });
      const again = await review(cycleId, A, 'approval', { messageId: current }).expect(409);
      expect(again.body.code).toBe('REPORTING.ALREADY_APPROVED');
      expect(await completeness(cycleId)).toMatchObject({ approved: 1, awaitingReview: 1 });
      expect(coopIn(await completeness(cycleId), A)).toMatchObject({ review: 'approved' });
      const onNode = await waitFor(
        'the approval on the node',
        () => requestOn(A, cycleId),
        (r) => r.review.state === 'approved',
      );
      expect(onNode.review).toMatchObject({ state: 'approved', comment: null, reviewedMessageId: approvedId });
      expect(await approvedFigures(cycleId, A)).toHaveLength(1);
    });

    it('refuses a resubmission of an approved return back to the node with the reason, and the approved figures stay as they were', async () => {
      const before = await approvedFigures(cycleId, A);
      const submissions = (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body;
      const refused = await submit(A, cycleId);
      expect(refused.status).toBe('rejected');
      expect(refused.last_error).toMatch(
        /^REPORTING\.RETURN_APPROVED: the return was approved on \d{4}-\d\d-\d\dT[\d:.]+Z; ask consortium staff to send it back before resubmitting$/,
      );
      expect(await approvedFigures(cycleId, A)).toEqual(before);
      expect((await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body).toEqual(submissions);
      // The node still shows the approval: the refused return never replaced the approved one.
      expect((await requestOn(A, cycleId)).review.state).toBe('approved');
    });

    it('sends a return back with a comment the node shows; the co-op resubmits and it is pending again', async () => {
      const comment = 'Befriending hours look double-counted: please check the visit records and resubmit.';
      const res = await review(cycleId, A, 'send-back', { comment, messageId: approvedId }).expect(201);
      expect(res.body).toMatchObject({ decision: 'sent-back', comment, messageId: approvedId });
      expect((await review(cycleId, A, 'send-back', { comment: 'again', messageId: approvedId }).expect(409)).body.code).toBe(
        'REPORTING.ALREADY_SENT_BACK',
      );
      expect(await approvedFigures(cycleId, A)).toEqual([]);

      const staffView = coopIn(await completeness(cycleId), A);
      expect(staffView).toMatchObject({ review: 'sent-back', comment });
      const commissionerView = await completeness(cycleId, commissioner.authorization);
      expect(coopIn(commissionerView, A)).toMatchObject({ review: 'sent-back' });
      expect(JSON.stringify(commissionerView)).not.toContain(comment);
      for (const c of commissionerView.coops) expect(c).not.toHaveProperty('comment');

      const onNode = await waitFor(
        'the send-back on the node',
        () => requestOn(A, cycleId),
        (r) => r.review.state === 'sent-back',
      );
      expect(onNode.review).toMatchObject({ comment, reviewedMessageId: approvedId });

      const resubmitted = await submit(A, cycleId);
      expect(resubmitted.status).toBe('confirmed');
      expect(coopIn(await completeness(cycleId), A)).toMatchObject({ review: 'pending', submissions: 2 });
      expect((await requestOn(A, cycleId)).review).toMatchObject({ state: 'pending', comment });
      // History: both reviews of the first return are kept.
      const reviews = await mesh.hubQuery<{ decision: string }>(
        'SELECT decision FROM return_review WHERE message_id = $1 ORDER BY reviewed_at',
        [approvedId],
      );
      expect(reviews.map((r) => r.decision)).toEqual(['approved', 'sent-back']);
    });

    it('refuses to review a return other than the current one: staff name the one they looked at', async () => {
      const res = await review(cycleId, A, 'approval', { messageId: approvedId }).expect(409);
      expect(res.body).toMatchObject({ code: 'REPORTING.NOT_CURRENT_RETURN' });
      expect(res.body.message).toContain(await currentReturn(cycleId, A));
      const sendBack = await review(cycleId, A, 'send-back', { comment: 'Please check.', messageId: randomUUID() }).expect(409);
      expect(sendBack.body.code).toBe('REPORTING.NOT_CURRENT_RETURN');
      expect(coopIn(await completeness(cycleId), A)).toMatchObject({ review: 'pending' });
    });

    it('refuses bad bodies and unknown fields with 400 naming the field, and unknown cycles or co-ops with 404', async () => {
      const bad: [string, 'approval' | 'send-back' | 'exception', object, RegExp][] = [
        [cycleId, 'send-back', {}, /comment must be/],
        [cycleId, 'send-back', { comment: '' }, /comment must be longer than or equal to 1/],
        [cycleId, 'send-back', { comment: 'x'.repeat(2001) }, /comment must be shorter than or equal to 2000/],
        [cycleId, 'send-back', { comment: 'ok', note: 'x' }, /property note should not exist/],
        [cycleId, 'approval', { reason: 'x' }, /property reason should not exist/],
        [cycleId, 'approval', { messageId: 'nope' }, /messageId must be a UUID/],
        // Staff must name the return they looked at: there is no approving blind.
        [cycleId, 'approval', {}, /messageId must be a UUID/],
        [cycleId, 'send-back', { comment: 'Please check.' }, /messageId must be a UUID/],
        [cycleId, 'exception', { until: '2099-01-01', reason: 'flood' }, /until must be a date and time with a zone offset/],
        [cycleId, 'exception', { until: '2099-01-01T00:00:00Z', reason: 'x'.repeat(501) }, /reason must be shorter than or equal to 500/],
        [cycleId, 'exception', { until: '2099-01-01T00:00:00Z' }, /reason must be/],
        [cycleId, 'exception', { until: new Date(Date.now() - 60_000).toISOString(), reason: 'late' }, /until must be in the future/],
        ['not-a-uuid', 'approval', { messageId: randomUUID() }, /id must be a UUID/],
      ];
      for (const [cycle, what, body, message] of bad) {
        const res = await review(cycle, A, what, body);
        expect({ what, body, status: res.status }).toEqual({ what, body, status: 400 });
        expect(JSON.stringify(res.body.message)).toMatch(message);
      }
      const messageId = randomUUID();
      expect(
        (await staff.post(`/reporting/cycles/${cycleId}/coops/Not_A_Coop/approval`).send({ messageId }).expect(400)).body.message,
      ).toEqual([expect.stringMatching(/^coopId must be a co-op id/)]);
      expect((await review('0f0e0d0c-0b0a-4998-8776-655443322110', A, 'approval', { messageId }).expect(404)).body.code).toBe(
        'REPORTING.CYCLE_NOT_FOUND',
      );
      expect((await review(cycleId, 'no-such-coop', 'send-back', { comment: 'x', messageId }).expect(404)).body.code).toBe(
        'REPORTING.COOP_NOT_FOUND',
      );
      expect(
        (await review(cycleId, 'no-such-coop', 'exception', { until: '2099-01-01T00:00:00Z', reason: 'x' }).expect(404)).body.code,
      ).toBe('REPORTING.COOP_NOT_FOUND');
    });

    it('lets only consortium staff review: commissioners get 403 on every write', async () => {
      const messageId = await currentReturn(cycleId, B);
      for (const [what, body] of [
        ['approval', { messageId }],
        ['send-back', { comment: 'x', messageId }],
        ['exception', { until: '2099-01-01T00:00:00Z', reason: 'x' }],
      ] as const) {
        await commissioner.post(`/reporting/cycles/${cycleId}/coops/${B}/${what}`).send(body).expect(403);
      }
      expect(coopIn(await completeness(cycleId), B)).toMatchObject({ review: 'pending' });
    });

    it('audits every review', async () => {
      const audit = (await staff.get('/audit?action=/coops/').expect(200)).body.items as {
        action: string;
        outcome: string;
        target: string;
      }[];
      expect(
        audit.filter((e) => e.action === 'POST /reporting/cycles/:id/coops/:coopId/approval' && e.outcome === 'succeeded'),
      ).toHaveLength(1);
      expect(
        audit.filter((e) => e.action === 'POST /reporting/cycles/:id/coops/:coopId/send-back' && e.outcome === 'succeeded'),
      ).toHaveLength(1);
      expect(audit.some((e) => e.action.endsWith('/approval') && e.outcome === 'refused' && e.target === `id=${cycleId},coopId=${A}`)).toBe(
        true,
      );
    });
  });

  describe('locking and exceptions', () => {
    let cycleId: string;

    beforeAll(async () => {
      const opened = await openCycle(q2.label, { lockAfterDays: 0 });
      cycleId = opened.id;
      const [cycle] = await mesh.hubQuery<{ due_at: Date }>('SELECT due_at FROM return_cycle WHERE id = $1', [cycleId]);
      expect(opened.locksAt).toBe(new Date(cycle.due_at).toISOString());
      for (const coop of [A, B]) await waitFor(`${coop} to hold the request`, () => requestOn(coop, cycleId), Boolean);
    });

    /** The lock passing, simulated: the cycle opened a day ago and was due (and, with 0 days, locked) a minute ago. */
    const passTheLock = () =>
      mesh.hubQuery(`UPDATE return_cycle SET opened_at = now() - interval '1 day', due_at = now() - interval '1 minute' WHERE id = $1`, [
        cycleId,
      ]);
    const cycleTimes = async () =>
      (await mesh.hubQuery<{ opened_at: Date; due_at: Date }>('SELECT opened_at, due_at FROM return_cycle WHERE id = $1', [cycleId])).map(
        (c) => ({ openedAt: new Date(c.opened_at), dueAt: new Date(c.due_at) }),
      )[0];
    const submissionsOf = async (coop: string) =>
      (await mesh.hubQuery('SELECT message_id FROM return_submission WHERE cycle_id = $1 AND coop_id = $2', [cycleId, coop])).length;

    it('refuses to review a co-op that has not submitted', async () => {
      expect((await review(cycleId, A, 'approval', { messageId: randomUUID() }).expect(409)).body.code).toBe('REPORTING.NO_CURRENT_RETURN');
    });

    it('takes returns before the lock and refuses them after it, naming when it locked', async () => {
      expect((await submit(A, cycleId)).status).toBe('confirmed');
      expect(await completeness(cycleId)).toMatchObject({ locked: false });
      await passTheLock();
      const c = await completeness(cycleId);
      expect(c).toMatchObject({ locked: true, lockAfterDays: 0 });
      const again = await submit(A, cycleId);
      expect(again.status).toBe('rejected');
      expect(again.last_error).toBe(`REPORTING.CYCLE_LOCKED: cycle locked since ${c.locksAt}; ask consortium staff for an exception`);
      const first = await submit(B, cycleId);
      expect(first.status).toBe('rejected');
      expect(first.last_error).toMatch(/^REPORTING\.CYCLE_LOCKED: cycle locked since /);
    });

    it('takes a return made before the lock that arrives after it, within the grace (a node that was offline), trusting its signed time', async () => {
      const { dueAt } = await cycleTimes();
      const madeBefore = new Date(dueAt.getTime() - 30_000);
      expect((await submitMadeAt(B, cycleId, q2.label, madeBefore)).status).toBe('confirmed');
      const shown = coopIn(await completeness(cycleId), B);
      expect(shown).toMatchObject({ submittedAt: madeBefore.toISOString(), receivedAt: expect.any(String), review: 'pending' });
      // Completeness shows both times: when the node says it made the return, and when the hub got it.
      expect(new Date(shown.receivedAt as string).getTime()).toBeGreaterThan(dueAt.getTime());
      expect(coopIn(await completeness(cycleId, commissioner.authorization), B)).toMatchObject({
        submittedAt: madeBefore.toISOString(),
        receivedAt: shown.receivedAt,
      });
    });

    it('refuses a return that says it was made before the cycle opened, naming both times, and changes nothing', async () => {
      const { openedAt } = await cycleTimes();
      const before = await submissionsOf(B);
      const backdated = new Date(openedAt.getTime() - 3_600_000);
      const answer = await submitMadeAt(B, cycleId, q2.label, backdated);
      expect(answer.status).toBe('rejected');
      expect(answer.last_error).toBe(
        `REPORTING.MADE_BEFORE_OPENED: the return says it was made at ${backdated.toISOString()}, before the cycle opened at ${openedAt.toISOString()} ` +
          "(allowing 300 s for the node's clock): a return cannot be made before the hub asked for it; check the node's clock and submit again",
      );
      expect(await submissionsOf(B)).toBe(before);
    });

    it('refuses a return that claims to be made before the lock but arrives more than 72 hours after it', async () => {
      // The cycle locked 73 hours ago: a return signed as made just before it arrives now.
      await mesh.hubQuery(
        `UPDATE return_cycle SET opened_at = now() - interval '30 days', due_at = now() - interval '73 hours' WHERE id = $1`,
        [cycleId],
      );
      const { dueAt } = await cycleTimes();
      const before = await submissionsOf(B);
      const claimed = new Date(dueAt.getTime() - 30_000);
      const answer = await submitMadeAt(B, cycleId, q2.label, claimed);
      expect(answer.status).toBe('rejected');
      expect(answer.last_error).toMatch(
        new RegExp(
          `^REPORTING\\.CYCLE_LOCKED: cycle locked since ${dueAt.toISOString()}; the return says it was made at ${claimed.toISOString()}, before ${dueAt.toISOString()}, ` +
            `but reached the hub at [\\d:.TZ-]+, more than 72 hours after that, so its time no longer counts; ask consortium staff for an exception$`,
        ),
      );
      expect(await submissionsOf(B)).toBe(before);
    });

    it("refuses a return whose signed time is more than five minutes ahead of the hub's clock", async () => {
      const node = mesh.nodes.get(B)!;
      const outgoing = (await admin(B).get(`/reporting/returns/preview?period=${q2.label}`).expect(200)).body.outgoing.return;
      const sent = await node
        .get(DataSource)
        .transaction((m) =>
          node
            .get(OutboxService)
            .enqueue(m, REPORTING_RETURN_SUBMITTED_V1, { ...outgoing, cycleId }, { occurredAt: new Date(Date.now() + 10 * 60_000) }),
        );
      node.get(OutboxRelay).nudge();
      const answer = await settled(B, sent.id);
      expect(answer.status).toBe('rejected');
      expect(answer.last_error).toMatch(
        /^REPORTING\.CLOCK_AHEAD: occurredAt .* ahead of the receiver's clock .* more than the 300 s allowed/,
      );
    });

    it('takes a resubmission after the lock while the co-op has an exception, and refuses it again once the exception has ended', async () => {
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const granted = await review(cycleId, A, 'exception', { until, reason: 'Node down for a week after a flood at the office' }).expect(
        201,
      );
      expect(granted.body).toMatchObject({ cycleId, coopId: A, until, grantedBy: 'test-consortium-staff' });
      expect(coopIn(await completeness(cycleId), A)).toMatchObject({ exceptionUntil: until });
      expect(coopIn(await completeness(cycleId, commissioner.authorization), A)).not.toHaveProperty('exceptionUntil');

      expect((await submit(A, cycleId)).status).toBe('confirmed');
      expect(coopIn(await completeness(cycleId), A)).toMatchObject({ review: 'pending', submissions: 2 });

      // The exception ending, simulated: granted two hours ago, ended a second ago.
      await mesh.hubQuery(
        `UPDATE return_exception SET granted_at = now() - interval '2 hours', until = now() - interval '1 second' WHERE cycle_id = $1 AND coop_id = $2`,
        [cycleId, A],
      );
      const refused = await submit(A, cycleId);
      expect(refused.status).toBe('rejected');
      expect(refused.last_error).toMatch(
        /^REPORTING\.CYCLE_LOCKED: cycle locked since .*; the co-op's exception ended at .*; ask consortium staff for an exception$/,
      );
    });

    it("refuses a return that claims to be made before an exception's end but arrives more than 72 hours after it", async () => {
      await mesh.hubQuery(`UPDATE return_cycle SET due_at = now() - interval '10 days' WHERE id = $1`, [cycleId]);
      await mesh.hubQuery(
        `UPDATE return_exception SET granted_at = now() - interval '74 hours', until = now() - interval '73 hours' WHERE cycle_id = $1 AND coop_id = $2`,
        [cycleId, A],
      );
      const [{ until }] = await mesh.hubQuery<{ until: Date }>(
        'SELECT max(until) AS until FROM return_exception WHERE cycle_id = $1 AND coop_id = $2',
        [cycleId, A],
      );
      const claimed = new Date(new Date(until).getTime() - 30_000);
      const before = await submissionsOf(A);
      const answer = await submitMadeAt(A, cycleId, q2.label, claimed);
      expect(answer.status).toBe('rejected');
      expect(answer.last_error).toContain(
        `; the co-op's exception ended at ${new Date(until).toISOString()}; the return says it was made at ${claimed.toISOString()}, before ${new Date(until).toISOString()}, but reached the hub at `,
      );
      expect(await submissionsOf(A)).toBe(before);
    });

    it('reopens a locked return with a send-back, for one resubmission only', async () => {
      await review(cycleId, A, 'send-back', {
        comment: 'Please add the volunteer hours you found.',
        messageId: await currentReturn(cycleId, A),
      }).expect(201);
      await waitFor(
        'the send-back on the node',
        () => requestOn(A, cycleId),
        (r) => r.review.state === 'sent-back',
      );
      expect((await submit(A, cycleId)).status).toBe('confirmed');
      const again = await submit(A, cycleId);
      expect(again.status).toBe('rejected');
      expect(again.last_error).toMatch(/^REPORTING\.CYCLE_LOCKED/);
      await review(cycleId, A, 'approval', { messageId: await currentReturn(cycleId, A) }).expect(201);
      expect(await completeness(cycleId)).toMatchObject({ approved: 1, locked: true });
    });

    it('refuses an exception that ends before the cycle locks', async () => {
      await mesh.hubQuery(`UPDATE return_cycle SET due_at = now() + interval '2 days' WHERE id = $1`, [cycleId]);
      const res = await review(cycleId, B, 'exception', { until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'early' }).expect(
        400,
      );
      expect(res.body.code).toBe('REPORTING.EXCEPTION_BEFORE_LOCK');
    });
  });

  describe('on the wire (after everything above)', () => {
    it('sent each review to its co-op only, with the cycle, the return and the comment, and nothing else', async () => {
      // The last approval goes out by the hub's outbox relay, after its HTTP answer: wait for it on the wire.
      await waitFor(
        'the four reviews on the wire',
        () => reviewsOnTheWire.length,
        (n) => n >= 4,
      );
      for (const { subject, payload } of reviewsOnTheWire) {
        expect(subject).toMatch(new RegExp(`^${mesh.root}\\.v1\\.hub\\.${A}\\.msg\\.reporting\\.return-`));
        expect(Object.keys(payload).sort()).toEqual(
          subject.endsWith('sent-back') ? ['comment', 'cycleId', 'messageId'] : ['cycleId', 'messageId'],
        );
      }
    });
  });
});
