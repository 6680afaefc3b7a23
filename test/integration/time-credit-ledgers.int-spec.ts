import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ensureDatabase, postgresOptions } from '@app/platform';

import { HUB_ENTITIES, HUB_MIGRATIONS } from '../../apps/consortium-hub/src/database/database-options';
import { NODE_ENTITIES, NODE_MIGRATIONS } from '../../apps/local-coop-node/src/database/database-options';
import { dropTestDatabase, PG } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';

/**
 * The invariants of time credits across co-ops that the databases keep whatever the code does: a
 * node's ledger moves credits across co-ops only through its clearing account, once per transfer and
 * purpose; the hub's clearing ledger balances per transfer and kind, reverses only a reversed transfer,
 * and is append-only. Both migrations go down and up again.
 */
describe('time-credit ledgers: what the databases keep', () => {
  const suffix = uniqueSuffix();
  const nodeDb = `ccm_test_tcnode_${suffix}`;
  const hubDb = `ccm_test_tchub_${suffix}`;
  let node: DataSource;
  let hub: DataSource;

  const open = async (database: string, entities: DataSource['options']['entities'], migrations: DataSource['options']['migrations']) => {
    await ensureDatabase({ ...PG, database });
    const ds = await new DataSource(
      postgresOptions({ ...PG, database }, { entities: entities as never, migrations: migrations as never, applicationName: 'test' }),
    ).initialize();
    await ds.runMigrations();
    return ds;
  };
  /** Undoes migrations, last first, until `name` is undone. */
  const undoUntil = async (ds: DataSource, name: string) => {
    for (;;) {
      const ran: { name: string }[] = await ds.query('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1');
      await ds.undoLastMigration();
      if (ran[0].name === name) return;
    }
  };
  /** The error a transaction fails with (at a statement or at commit), or null. */
  const failure = async (ds: DataSource, work: (m: EntityManager) => Promise<unknown>): Promise<string | null> =>
    ds.transaction(work).then(
      () => null,
      (e: { constraint?: string; message: string }) => e.constraint ?? e.message,
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    node = await open(nodeDb, NODE_ENTITIES, NODE_MIGRATIONS);
    hub = await open(hubDb, HUB_ENTITIES, HUB_MIGRATIONS);
  });

  afterAll(async () => {
    await node?.destroy();
    await hub?.destroy();
    await dropTestDatabase(nodeDb);
    await dropTestDatabase(hubDb);
  });

  describe("a node's ledger", () => {
    let volunteerAccount: string;
    let otherAccount: string;
    let clearingAccount: string;
    let volunteerId: string;

    const account = async (m: EntityManager | DataSource) => {
      const id = randomUUID();
      await m.query(`INSERT INTO volunteer (id, full_name, joined_on) VALUES ($1, 'Val', '2026-01-05')`, [id]);
      const accountId = randomUUID();
      await m.query(`INSERT INTO time_account (id, kind, volunteer_id) VALUES ($1, 'volunteer', $2)`, [accountId, id]);
      return { volunteerId: id, accountId };
    };
    const outgoing = async (m: EntityManager) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO time_credit_transfer (id, direction, volunteer_id, other_coop_id, minutes, purpose, status, message_id, occurred_on, created_at)
         VALUES ($1, 'outgoing', $2, 'colne-valley', 30, 'help', 'sent', $3, '2026-03-02', now())`,
        [id, volunteerId, randomUUID()],
      );
      return id;
    };
    const post = async (m: EntityManager, purpose: string, from: string, to: string, across: string | null) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO time_transfer (id, purpose, from_account_id, to_account_id, minutes, occurred_on, time_credit_transfer_id) VALUES ($1, $2, $3, $4, 30, '2026-03-02', $5)`,
        [id, purpose, from, to, across],
      );
      await m.query('INSERT INTO time_entry (transfer_id, account_id, minutes) VALUES ($1, $2, -30), ($1, $3, 30)', [id, from, to]);
      return id;
    };

    beforeAll(async () => {
      ({ volunteerId, accountId: volunteerAccount } = await account(node));
      ({ accountId: otherAccount } = await account(node));
      [{ id: clearingAccount }] = await node.query(`SELECT id FROM time_account WHERE kind = 'clearing'`);
    });

    it('holds one clearing account, and no second', async () => {
      expect(await failure(node, (m) => m.query(`INSERT INTO time_account (id, kind) VALUES ($1, 'clearing')`, [randomUUID()]))).toBe(
        'uq_time_account_clearing',
      );
    });

    it('pays across co-ops through the clearing account, once per transfer and purpose', async () => {
      expect(
        await failure(node, async (m) => {
          const across = await outgoing(m);
          await post(m, 'sent-to-coop', volunteerAccount, clearingAccount, across);
          await post(m, 'returned-by-coop', clearingAccount, volunteerAccount, across);
        }),
      ).toBeNull();
      expect(
        await failure(node, async (m) => {
          const across = await outgoing(m);
          await post(m, 'sent-to-coop', volunteerAccount, clearingAccount, across);
          await post(m, 'sent-to-coop', volunteerAccount, clearingAccount, across);
        }),
      ).toBe('uq_time_transfer_across');
    });

    it('refuses a movement whose accounts do not fit its purpose, at commit', async () => {
      const refused = async (purpose: string, from: string, to: string, across: boolean) =>
        failure(node, async (m) => post(m, purpose, from, to, across ? await outgoing(m) : null));
      expect(await refused('sent-to-coop', volunteerAccount, otherAccount, true)).toBe('ck_time_transfer_issuer');
      expect(await refused('received-from-coop', volunteerAccount, otherAccount, true)).toBe('ck_time_transfer_issuer');
      expect(await refused('help', volunteerAccount, clearingAccount, false)).toBe('ck_time_transfer_issuer');
      expect(await refused('help', clearingAccount, otherAccount, false)).toBe('ck_time_transfer_issuer');
      // A payment the hub withdrew is taken back from the member into the clearing account, never the other way.
      expect(await refused('withdrawn-by-hub', clearingAccount, volunteerAccount, true)).toBe('ck_time_transfer_issuer');
      expect(await refused('withdrawn-by-hub', volunteerAccount, clearingAccount, true)).toBeNull();
      // A payment across co-ops names its transfer, and nothing else does.
      expect(await refused('sent-to-coop', volunteerAccount, clearingAccount, false)).toBe('ck_time_transfer_across');
      expect(await refused('help', volunteerAccount, otherAccount, true)).toBe('ck_time_transfer_across');
      expect(await refused('help', volunteerAccount, otherAccount, false)).toBeNull();
    });

    it('goes down, taking out what it added, and up again', async () => {
      // A payment received and then withdrawn by the hub is, one migration down, the completed payment it was.
      const withdrawn = randomUUID();
      await node.query(
        `INSERT INTO time_credit_transfer (id, direction, volunteer_id, other_coop_id, minutes, status, refusal_reason, occurred_on, created_at, settled_at)
         VALUES ($1, 'incoming', $2, 'holme-valley', 30, 'withdrawn', 'holme-valley left', '2026-03-02', '2026-03-02T10:00:00Z', '2026-04-01T10:00:00Z')`,
        [withdrawn, volunteerId],
      );
      await undoUntil(node, 'TimeCreditsWithdrawn1764000002400');
      const [was] = await node.query(
        `SELECT status, refusal_reason, to_char(completed_on, 'YYYY-MM-DD') AS completed_on, settled_at = created_at AS same FROM time_credit_transfer WHERE id = $1`,
        [withdrawn],
      );
      expect(was).toEqual({ status: 'completed', refusal_reason: null, completed_on: '2026-03-02', same: true });
      await undoUntil(node, 'TimeCreditsAcrossCoops1764000002100');
      const tables = await node.query(
        `SELECT table_name FROM information_schema.tables WHERE table_name IN ('time_credit_transfer', 'time_payment_code', 'time_credit_withdrawal')`,
      );
      expect(tables).toEqual([]);
      expect(await node.query(`SELECT kind FROM time_account WHERE kind NOT IN ('issuer', 'volunteer')`)).toEqual([]);
      expect((await node.query('SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry'))[0].total).toBe(0);
      await node.runMigrations();
      expect(await node.query(`SELECT kind FROM time_account WHERE kind = 'clearing'`)).toHaveLength(1);
    });
  });

  describe("the hub's clearing ledger", () => {
    const entries = (m: EntityManager, id: string, kind: string, pairs: [string, number][]) =>
      m.query(
        `INSERT INTO clearing_entry (transfer_id, coop_id, kind, minutes) SELECT $1, c, $2, n FROM unnest($3::text[], $4::int[]) AS x(c, n)`,
        [id, kind, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    const transfer = async (m: EntityManager, status = 'forwarded') => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO clearing_transfer (id, paying_coop_id, receiving_coop_id, minutes, status, sent_message_id, forward_message_id, received_at, settled_at, refusal_reason)
         VALUES ($1, 'holme-valley', 'colne-valley', 30, $2, $3, $4, now(), CASE WHEN $2 = 'forwarded' THEN NULL ELSE now() END,
                 CASE WHEN $2 = 'reversed' THEN 'refused' END)`,
        [id, status, randomUUID(), randomUUID()],
      );
      return id;
    };

    /** A payment of 30 minutes from Holme Valley to Colne Valley, and its reversal. */
    const PAID: [string, number][] = [
      ['holme-valley', -30],
      ['colne-valley', 30],
    ];
    const REVERSED: [string, number][] = PAID.map(([coop, minutes]) => [coop, -minutes]);
    /** A transfer of the status with its payment's entries and its reversal's, in one transaction. */
    const paidAndReversed = (status: string) =>
      failure(hub, async (m) => {
        const id = await transfer(m, status);
        await entries(m, id, 'transfer', PAID);
        await entries(m, id, 'reversal', REVERSED);
      });

    beforeAll(async () => {
      for (const id of ['holme-valley', 'colne-valley', 'marsden'])
        await hub.query(
          `INSERT INTO coop (id, name, legal_form, localities, services_offered, profile_updated_at) VALUES ($1, $1, 'cbs', '{}', '{}', now())`,
          [id],
        );
      await hub.query(`INSERT INTO clearing_account (coop_id) VALUES ('holme-valley'), ('colne-valley'), ('marsden')`);
    });

    it('takes a payment as the payer debited and the payee credited by its minutes, and its reversal the other way', async () => {
      expect(await paidAndReversed('reversed')).toBeNull();
    });

    it.each([
      ['one entry', [['holme-valley', -30]]],
      [
        'the wrong sign',
        [
          ['holme-valley', 30],
          ['colne-valley', -30],
        ],
      ],
      [
        'other minutes',
        [
          ['holme-valley', -20],
          ['colne-valley', 20],
        ],
      ],
      [
        'a third co-op',
        [
          ['holme-valley', -30],
          ['marsden', 30],
        ],
      ],
    ] as [string, [string, number][]][])('refuses a payment with %s, at commit', async (_why, pairs) => {
      expect(await failure(hub, async (m) => entries(m, await transfer(m), 'transfer', pairs))).toBe('ck_clearing_entry_balanced');
    });

    it('reverses only a reversed transfer, and once', async () => {
      expect(await paidAndReversed('completed')).toBe('ck_clearing_entry_balanced');
      expect(await paidAndReversed('forwarded')).toBe('ck_clearing_entry_balanced');
      expect(
        await failure(hub, async (m) => {
          const id = await transfer(m, 'reversed');
          await entries(m, id, 'reversal', REVERSED);
          await entries(m, id, 'reversal', REVERSED);
        }),
      ).toBe('pk_clearing_entry');
    });

    it('is append-only, and balances in all', async () => {
      expect(await failure(hub, (m) => m.query('UPDATE clearing_entry SET minutes = minutes * 2'))).toMatch(/append-only/);
      expect(await failure(hub, (m) => m.query('DELETE FROM clearing_entry'))).toMatch(/append-only/);
      expect((await hub.query('SELECT coalesce(sum(minutes), 0)::int AS total FROM clearing_entry'))[0].total).toBe(0);
    });

    it('keeps one limit, never below nought', async () => {
      expect(await failure(hub, (m) => m.query('UPDATE clearing_setting SET limit_minutes = -1'))).toBe('ck_clearing_limit');
      expect(await failure(hub, (m) => m.query('INSERT INTO clearing_setting (id, limit_minutes) VALUES (false, 10)'))).toBe(
        'ck_clearing_setting_one',
      );
    });

    it('goes down and up again', async () => {
      await undoUntil(hub, 'TimeClearing1764000001100');
      expect(await hub.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'clearing_%'`)).toEqual([]);
      await hub.runMigrations();
      expect((await hub.query('SELECT limit_minutes FROM clearing_setting'))[0].limit_minutes).toBe(6000);
    });
  });
});
