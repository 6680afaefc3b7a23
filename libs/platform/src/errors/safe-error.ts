/**
 * What may be said about an error in a log line, an HTTP answer or a rejection receipt.
 *
 * A database error's own message can carry the values of the statement that failed (`invalid input
 * syntax for type uuid: "…"`, and its detail `Key (email)=(…) already exists`), and those values are
 * often a person's: so a database error is described by its SQLSTATE code, its class and the names of
 * the constraint, table and column involved, never by its message, detail or parameters.
 */

/** SQLSTATE classes (the first two characters of the code), as PostgreSQL's appendix A names them. */
const SQLSTATE_CLASSES: Record<string, string> = {
  '08': 'connection exception',
  '22': 'data exception',
  '23': 'integrity constraint violation',
  '25': 'invalid transaction state',
  '28': 'invalid authorization',
  '3D': 'invalid catalog name',
  '40': 'transaction rollback',
  '42': 'syntax error or access rule violation',
  '53': 'insufficient resources',
  '54': 'program limit exceeded',
  '55': 'object not in prerequisite state',
  '57': 'operator intervention',
  '58': 'system error',
  P0: 'PL/pgSQL error',
  XX: 'internal error',
};

/** The codes of a server that is down, restarting, refusing connections or out of connections. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-4]|53300|3D000)$/;
/** Socket errors on the way to the database. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** What node-postgres and TypeORM say when no connection can be had or one died under a query. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection is not established/i,
  /driver not connected/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

interface DatabaseErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  severity?: unknown;
  routine?: unknown;
  driverError?: unknown;
  message?: unknown;
}

/** The driver's own error inside TypeORM's QueryFailedError, or the error itself. */
function driverErrorOf(error: unknown): DatabaseErrorFields | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as DatabaseErrorFields;
  const inner = (typeof e.driverError === 'object' && e.driverError !== null ? e.driverError : e) as DatabaseErrorFields;
  return inner;
}

/** A PostgreSQL error reply (it has a five-character SQLSTATE), possibly wrapped by TypeORM. */
export function sqlStateOf(error: unknown): string | null {
  const inner = driverErrorOf(error);
  return inner && typeof inner.code === 'string' && /^[0-9A-Z]{5}$/.test(inner.code) ? inner.code : null;
}

/** True when the error means the database cannot be reached or is not taking work: wait, do not blame the input. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const state = sqlStateOf(error);
  const inner = driverErrorOf(error);
  // 55000 is a broad class; with these words it is a database closed to connections (ALLOW_CONNECTIONS false).
  if (state === '55000') return typeof inner?.message === 'string' && /is not currently accepting connections/i.test(inner.message);
  if (state) return UNAVAILABLE_SQLSTATES.test(state);
  for (const candidate of [error as DatabaseErrorFields, inner]) {
    if (!candidate) continue;
    if (typeof candidate.code === 'string' && UNAVAILABLE_SOCKET_CODES.has(candidate.code)) return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/**
 * One line about an error that is safe to log or to send: a database error by its code and the
 * names it involves, anything else by its name and message (which our own code writes), cut short.
 */
export function safeErrorMessage(error: unknown, maxLength = 500): string {
  const state = sqlStateOf(error);
  if (state) {
    const inner = driverErrorOf(error)!;
    const names = (['constraint', 'table', 'column'] as const)
      .filter((k) => typeof inner[k] === 'string' && /^[A-Za-z0-9_.]{1,128}$/.test(inner[k] as string))
      .map((k) => `${k} ${inner[k] as string}`);
    const klass = SQLSTATE_CLASSES[state.slice(0, 2)] ?? 'database error';
    return `database error ${state} (${klass}${names.length ? `; ${names.join(', ')}` : ''})`;
  }
  if (isDatabaseUnavailable(error)) return 'the database is unavailable';
  if (error instanceof Error) return `${error.message}`.slice(0, maxLength);
  return String(error).slice(0, maxLength);
}
