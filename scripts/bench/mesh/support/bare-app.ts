/**
 * P5's baseline: a bare NestJS app with one controller that runs the very SQL the node's
 * `GET /members` runs (read from the node's query log: a count and one page of members with their
 * share balances), on a pg pool of the node's size, and returns the rows as JSON. No guard, no
 * validation, no logging, no TypeORM: what a read costs with nothing of the node's around it.
 * Run as its own process (`PORT`, `DB_*`, `DB_NAME`), with the same runtime as the node.
 */
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';

import { APP_POOL_SIZE } from './raw-postgres';

import 'reflect-metadata';

const POOL = Symbol('POOL');
const PAGE = 50;

const SHARES = `(SELECT coalesce(sum(CASE WHEN s.kind = 'purchase' THEN s.amount_pence ELSE -s.amount_pence END), 0)::int
                   FROM share_transaction s WHERE s.member_id = m.id)`;

@Controller('members')
class MembersController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get()
  async list(): Promise<{ items: unknown[]; total: number; limit: number; offset: number }> {
    const clause = 'WHERE m.withdrawn_on IS NULL';
    const [{ total }] = (await this.pool.query(`SELECT count(*)::int AS total FROM member m ${clause}`)).rows;
    const { rows } = await this.pool.query(
      `SELECT m.*, ${SHARES} AS shares_pence FROM member m ${clause} ORDER BY m.member_number LIMIT $1 OFFSET $2`,
      [PAGE, 0],
    );
    return { items: rows, total, limit: PAGE, offset: 0 };
  }
}

@Module({
  controllers: [MembersController],
  providers: [
    {
      provide: POOL,
      useFactory: () =>
        new Pool({
          host: process.env.DB_HOST ?? '127.0.0.1',
          port: Number(process.env.DB_PORT ?? 5432),
          user: process.env.DB_USER ?? 'postgres',
          password: process.env.DB_PASSWORD ?? '',
          database: process.env.DB_NAME,
          max: APP_POOL_SIZE,
        }),
    },
  ],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
