import { TestMesh } from '../support/mesh';

/**
 * The clock tests set (TEST_CLOCK=true): PUT /testing/clock moves the time the app's rules go by and
 * the in-process clock reads the same; without TEST_CLOCK the route does not exist.
 */
describe('the test clock', () => {
  const mesh = new TestMesh();
  beforeAll(() => mesh.startHub({ TEST_CLOCK: 'true' }));
  afterAll(() => mesh.dispose());

  it('is set through PUT /testing/clock, ticks on from there, and goes back to the real time', async () => {
    const set = await mesh.hubHttp().put('/testing/clock').send({ at: '2031-04-01T09:00:00Z' }).expect(200);
    const read = Date.parse((set.body as { now: string }).now);
    expect(read).toBeGreaterThanOrEqual(Date.parse('2031-04-01T09:00:00Z'));
    expect(read).toBeLessThan(Date.parse('2031-04-01T09:01:00Z'));
    expect(mesh.hubClock().now().getFullYear()).toBe(2031);
    await mesh.hubHttp().put('/testing/clock').send({}).expect(200);
    expect(Math.abs(mesh.hubClock().now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('refuses a date that is not ISO 8601 with an offset, naming the field, and an unknown field', async () => {
    const bad = await mesh.hubHttp().put('/testing/clock').send({ at: 'next tuesday' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('at must be an ISO 8601 date and time');
    await mesh.hubHttp().put('/testing/clock').send({ at: '2031-04-01T09:00:00Z', by: 1 }).expect(400);
  });

  it('does not exist on an app started without TEST_CLOCK', async () => {
    const other = new TestMesh();
    try {
      await other.startHub();
      await other.hubHttp().put('/testing/clock').send({ at: '2031-04-01T09:00:00Z' }).expect(404);
      expect(() => other.hubClock()).toThrow('was not started with TEST_CLOCK=true');
    } finally {
      await other.dispose();
    }
  });
});
