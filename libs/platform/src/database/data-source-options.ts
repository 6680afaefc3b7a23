import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';

// A calendar date (PostgreSQL `date`) stays the 'YYYY-MM-DD' text it is, never a Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
import { PgTarget } from './ensure-database';
import { SafeQueryLogger } from './safe-query-logger';

/** The one way both apps describe their database to TypeORM: migrations only, never synchronize. */
export function postgresOptions(
  target: PgTarget,
  parts: { entities: DataSourceOptions['entities']; migrations: DataSourceOptions['migrations']; applicationName: string },
): DataSourceOptions {
  return {
    type: 'postgres',
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    synchronize: false,
    // Our own logger, which decides alone what is said: TypeORM's print a failing query with its
    // parameters, and those are personal data.
    logger: new SafeQueryLogger(),
    applicationName: parts.applicationName,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
