import { stat } from 'node:fs';

import { LinkProbe, probeTimings } from './link-probe';

/** A target whose round trips answer, hang or fail as the test says. */
function target() {
  const failures: string[] = [];
  let next: () => Promise<number | null> = async () => 1;
  return {
    failures,
    set(behaviour: () => Promise<number | null>) {
      next = behaviour;
    },
    roundTrip: () => next(),
    onFailed: (reason: string) => void failures.push(reason),
  };
}

describe('the link probe', () => {
  it('probes four times per heartbeat interval, each within half an interval, never under 1.5 s', () => {
    expect(probeTimings(5000)).toEqual({ everyMs: 1250, timeoutMs: 2500, staleAfterMs: 5000 });
    expect(probeTimings(2000)).toEqual({ everyMs: 500, timeoutMs: 1500, staleAfterMs: 2500 });
    expect(probeTimings(300)).toEqual({ everyMs: 250, timeoutMs: 1500, staleAfterMs: 2000 });
  });

  it('says up after a round trip answered in time', async () => {
    const t = target();
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 50, staleAfterMs: 2000 }, t);
    await probe.probeOnce();
    expect(probe.health(true)).toMatchObject({ status: 'up', reason: null, lastProbeOk: true, lastRoundTripMs: 1 });
  });

  it('says down, and asks for a reconnect, when the server does not answer in time', async () => {
    const t = target();
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 50, staleAfterMs: 2000 }, t);
    t.set(() => new Promise(() => undefined)); // a black hole: no answer, no error
    await probe.probeOnce();
    expect(probe.health(true)).toMatchObject({
      status: 'down',
      reason: 'the last probe failed: no answer from the server within 50 ms',
      lastProbeOk: false,
    });
    expect(t.failures).toHaveLength(1);
    probe.answered(null); // the client reconnected: its handshake is a round trip
    expect(probe.health(true).status).toBe('up');
  });

  it('says down when the round trip fails, and when the client is not connected', async () => {
    const t = target();
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 50, staleAfterMs: 2000 }, t);
    probe.answered(null);
    expect(probe.health(false)).toMatchObject({ status: 'down', reason: 'not connected to NATS' });
    t.set(() => Promise.reject(new Error('closed')));
    await probe.probeOnce();
    expect(probe.health(true)).toMatchObject({ status: 'down', reason: 'the last probe failed: the round trip to the server failed' });
  });

  it('does not call a link dead for an answer that waited behind a busy event loop', async () => {
    const t = target();
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 20, staleAfterMs: 2000 }, t);
    // The answer (I/O, like a PONG on the socket) is ready, but the loop is blocked past the timeout before either can run.
    t.set(() => {
      const answered = new Promise<number>((resolve) => stat(__filename, () => resolve(3)));
      const until = Date.now() + 60;
      while (Date.now() < until) {
        /* busy */
      }
      return answered;
    });
    await probe.probeOnce();
    expect(probe.health(true)).toMatchObject({ status: 'up', lastRoundTripMs: 3 });
    expect(t.failures).toEqual([]);
  });

  it('says down when no probe has been answered for too long', async () => {
    let now = 1_000_000;
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 50, staleAfterMs: 2000 }, target(), () => now);
    probe.answered(2);
    now += 1999;
    expect(probe.health(true).status).toBe('up');
    now += 2;
    expect(probe.health(true)).toMatchObject({ status: 'down', reason: 'no probe answered for over 2000 ms' });
  });

  it('skips a round when there is no link to probe', async () => {
    const t = target();
    const probe = new LinkProbe({ everyMs: 1000, timeoutMs: 50, staleAfterMs: 2000 }, t);
    t.set(async () => null);
    await probe.probeOnce();
    expect(probe.health(true).lastProbeAt).toBeNull();
    expect(t.failures).toEqual([]);
  });
});
