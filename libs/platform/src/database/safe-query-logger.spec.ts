import { describeStatement } from './safe-query-logger';

describe('describeStatement', () => {
  it.each([
    ['INSERT INTO "member"("id", "full_name") VALUES ($1, $2)', 'INSERT INTO "member"'],
    ['INSERT INTO member (id, full_name) VALUES ($1, $2)', 'INSERT INTO member'],
    ["  -- a comment\n UPDATE member SET full_name = 'Ada Lovelace' WHERE id = $1", 'UPDATE member SET full_name'],
    ["SELECT * FROM member WHERE email = 'ada@example.org'", 'SELECT'],
    ["DELETE FROM member WHERE full_name = 'Ada'", 'DELETE FROM member WHERE'],
  ])('describes %j as %j, without a value', (sql, statement) => {
    const described = describeStatement(sql);
    expect(described.statement).toBe(statement);
    expect(described.statementHash).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(described)).not.toMatch(/Ada|example/);
  });

  it('tells two statements apart by their hash', () => {
    expect(describeStatement('SELECT 1').statementHash).not.toBe(describeStatement('SELECT 2').statementHash);
  });
});
