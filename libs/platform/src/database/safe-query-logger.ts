import { createHash } from 'node:crypto';

import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

import { safeErrorMessage } from '../errors/safe-error';

/** A keyword or a (possibly quoted, possibly qualified) name; anything else ends the description. */
const TOKEN = /[A-Za-z_"][A-Za-z0-9_."]*|\S/g;
const WORD = /^[A-Za-z_"]/;

/**
 * What a log line may say about a statement: its first few words (`INSERT INTO "member"`) and a short
 * hash of its text to tell statements apart. Never the rest: raw SQL can carry literals, and the
 * parameters are a person's name, email, phone, address or date of birth as often as not.
 */
export function describeStatement(sql: string): { statement: string; statementHash: string } {
  const words: string[] = [];
  for (const token of sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').match(TOKEN) ?? []) {
    if (words.length === 4 || !WORD.test(token)) break;
    words.push(token.slice(0, 64));
  }
  return { statement: words.join(' '), statementHash: createHash('sha256').update(sql).digest('hex').slice(0, 12) };
}

/** A quoted value in TypeORM's own messages (a pool error may repeat the server's words) is cut out. */
function withoutQuotedValues(message: unknown): string {
  const text = message instanceof Error ? safeErrorMessage(message) : String(message);
  return text.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, 500);
}

/**
 * TypeORM's logger for both apps. TypeORM's own loggers print a failing query with every parameter,
 * which put members' names, emails, phones, addresses and dates of birth in the node's log; this one
 * prints a failing query as its SQLSTATE and first words only, and never prints a query that worked.
 */
export class SafeQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Never: a statement's parameters are exactly what must stay out of the log.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({
      msg: 'query failed',
      reason: typeof error === 'string' ? withoutQuotedValues(error) : safeErrorMessage(error),
      ...describeStatement(query),
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, ...describeStatement(query) });
  }

  logSchemaBuild(): void {
    // Schema changes come from migrations only (synchronize is off): nothing to say.
  }

  logMigration(message: string): void {
    this.logger.log({ msg: withoutQuotedValues(message) });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const line = { msg: withoutQuotedValues(message) };
    if (level === 'warn') this.logger.warn(line);
    else this.logger.log(line);
  }
}
