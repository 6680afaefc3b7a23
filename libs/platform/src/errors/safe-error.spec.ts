import { isDatabaseUnavailable, safeErrorMessage, sqlStateOf } from './safe-error';

/** A node-postgres error reply as TypeORM wraps it (QueryFailedError keeps the driver's error). */
function queryFailed(fields: Record<string, unknown>, message: string): Error {
  const driverError = Object.assign(new Error(message), fields);
  return Object.assign(new Error(message), {
    name: 'QueryFailedError',
    driverError,
    query: 'INSERT INTO member …',
    parameters: ['Ada Lovelace', 'ada@example.org'],
  });
}

describe('safeErrorMessage', () => {
  it('describes a database error by its code and names, never its message, detail or parameters', () => {
    const error = queryFailed(
      { code: '23505', constraint: 'member_email_key', table: 'member', detail: 'Key (email)=(ada@example.org) already exists.' },
      'duplicate key value violates unique constraint "member_email_key"',
    );
    const line = safeErrorMessage(error);
    expect(line).toBe('database error 23505 (integrity constraint violation; constraint member_email_key, table member)');
    expect(line).not.toMatch(/ada|Lovelace/i);
  });

  it('drops a value the server quoted in its message', () => {
    const error = queryFailed({ code: '22P02' }, 'invalid input syntax for type uuid: "Ada Lovelace"');
    expect(safeErrorMessage(error)).toBe('database error 22P02 (data exception)');
  });

  it('keeps our own messages', () => {
    expect(safeErrorMessage(new Error('NATS is not connected'))).toBe('NATS is not connected');
  });
});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down', queryFailed({ code: '57P01' }, 'terminating connection due to administrator command')],
    ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
    ['too many connections', queryFailed({ code: '53300' }, 'sorry, too many clients already')],
    [
      'a database closed to connections',
      Object.assign(new Error('database "ccm_node_x" is not currently accepting connections'), { code: '55000' }),
    ],
  ])('is true for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a constraint violation', queryFailed({ code: '23514' }, 'new row violates check constraint')],
    ['a plain error', new Error('boom')],
    ['another 55000', queryFailed({ code: '55000' }, 'cannot ALTER TABLE "member" because it has pending trigger events')],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it('reads the SQLSTATE through TypeORM', () => {
    expect(sqlStateOf(queryFailed({ code: '23505' }, 'x'))).toBe('23505');
  });
});
