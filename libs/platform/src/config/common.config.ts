import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MinLength, ValidateBy, ValidationArguments } from 'class-validator';

import { AuthPrivateKey, AuthPublicKey } from '../auth/auth-key.validators';
import { IntBetween } from '../validation';

const NATS_URLS = /^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
const TokenMaxHours = () =>
  apply(
    Transform(toInt),
    IntBetween('AUTH_TOKEN_MAX_HOURS', 1, 8784, { unit: 'hours', range: 'from', note: 'the longest lifetime a sign-in token may have' }),
  );
/** Retired; read only to say what replaced it. Its value is dropped at once, never kept or printed. */
const RetiredSecret = () =>
  apply(
    IsOptional(),
    Transform(({ value }) => (value === undefined ? undefined : 'set')),
  );

/** What the `token` command needs: the private key, and the longest lifetime the app accepts. */
export class SignInConfig {
  @AuthPrivateKey(true)
  AUTH_PRIVATE_KEY: string;

  @TokenMaxHours()
  AUTH_TOKEN_MAX_HOURS = 720;

  @RetiredSecret()
  JWT_SECRET?: string;
}

/** Where the app's PostgreSQL is: all that offline commands (migrate, seed) need. */
export class DatabaseConfig {
  @IsString()
  @MinLength(1, { message: 'DB_HOST must be the PostgreSQL host, e.g. 127.0.0.1' })
  DB_HOST = '127.0.0.1';

  @Transform(toInt)
  @IntBetween('DB_PORT', 1, 65535)
  DB_PORT = 5432;

  @IsString()
  @MinLength(1, { message: 'DB_USER must be a PostgreSQL role name' })
  DB_USER = 'postgres';

  @IsString()
  DB_PASSWORD = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';
}

/** Settings every app has: HTTP, PostgreSQL, NATS and sign-in. */
export class CommonConfig extends DatabaseConfig {
  /** Checks the bearer tokens this app accepts: its own, and no other app's. */
  @AuthPublicKey()
  AUTH_PUBLIC_KEY?: string;

  /** Not needed to serve; accepted so one secrets file can serve and mint tokens. */
  @AuthPrivateKey(false)
  AUTH_PRIVATE_KEY?: string;

  /** A token whose lifetime (exp - iat) is longer is refused, however it was signed. */
  @TokenMaxHours()
  AUTH_TOKEN_MAX_HOURS = 720;

  @RetiredSecret()
  JWT_SECRET?: string;

  @Transform(toInt)
  @IntBetween('PORT', 0, 65535, { minLabel: '0 (any free port)' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'HOST must be an interface address such as 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  @Matches(NATS_URLS, { message: 'NATS_URL must be one or more nats:// URLs separated by commas, e.g. nats://127.0.0.1:4222' })
  NATS_URL = 'nats://127.0.0.1:4222';

  @Matches(/^[a-z][a-z0-9_]{0,30}$/, {
    message: 'NATS_SUBJECT_ROOT must be lower-case letters, digits or underscores, starting with a letter (e.g. ccm)',
  })
  NATS_SUBJECT_ROOT = 'ccm';

  /** Largest JSON request body accepted, in kilobytes; bigger ones get 413. */
  @Transform(toInt)
  @IntBetween('HTTP_BODY_LIMIT_KB', 1, 10_240, { unit: 'kilobytes' })
  HTTP_BODY_LIMIT_KB = 100;

  /** Requests one client (IP address) may make per minute before getting 429. */
  @Transform(toInt)
  @IntBetween('RATE_LIMIT_PER_MINUTE', 1, 1_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * The operator's token for GET /metrics (Prometheus: `authorization: { credentials: <token> }`);
   * unset, the metrics are not served. A secret: 32 characters or more.
   */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{32,200}$/, { message: 'METRICS_TOKEN must be a random token of 32 to 200 printable characters, or unset' })
  METRICS_TOKEN?: string;

  /** Read only so that TEST_CLOCK can be refused in production. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * For tests only: the time the app's rules go by (deadlines, standstill, expiry) can be set with
   * PUT /testing/clock. Refused with NODE_ENV=production.
   */
  @ValidateBy({
    name: 'testClock',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        value === 'false' || (value === 'true' && (args?.object as CommonConfig | undefined)?.NODE_ENV !== 'production'),
      defaultMessage: (args?: ValidationArguments) =>
        args?.value === 'true' ? 'TEST_CLOCK must not be true with NODE_ENV=production' : 'TEST_CLOCK must be true or false',
    },
  })
  TEST_CLOCK: 'true' | 'false' = 'false';

  /** Browser origins allowed to call the API (comma-separated); empty keeps CORS closed. */
  @Matches(/^$|^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, { message: 'CORS_ORIGINS must be empty or comma-separated http(s):// origins' })
  CORS_ORIGINS = '';
}

export { toInt };
