import { InboxLanes } from './inbox-lanes';

const item = (key: string, seq: number) => ({ key, seq });
const limits = { concurrency: 2, perLane: 3, total: 100, deferralTtlMs: 10_000 };

/** Runs the lanes to the end, one message at a time, and returns the order messages were started in. */
function drainInTurns(lanes: InboxLanes<{ key: string; seq: number }>): string[] {
  const started: string[] = [];
  for (let next = lanes.next(); next; next = lanes.next()) {
    started.push(`${next.key}${next.seq}`);
    lanes.done(next);
  }
  return started;
}

describe('inbox lanes', () => {
  it('applies one co-op at a time, in stream order, and gives the co-ops turns', () => {
    const lanes = new InboxLanes(limits);
    for (const i of [item('a', 1), item('a', 2), item('a', 3), item('b', 4), item('b', 5)]) expect(lanes.offer(i)).toBe('queued');
    expect(drainInTurns(lanes)).toEqual(['a1', 'b4', 'a2', 'b5', 'a3']);
    expect(lanes.size).toBe(0);
  });

  it('never starts two messages of one co-op at once, and no more co-ops than the concurrency', () => {
    const lanes = new InboxLanes(limits);
    ['a', 'a', 'b', 'c'].forEach((k, i) => lanes.offer(item(k, i + 1)));
    const first = lanes.next()!;
    const second = lanes.next()!;
    expect([first.key, second.key]).toEqual(['a', 'b']);
    expect(lanes.next()).toBeNull();
    lanes.done(first);
    expect(lanes.next()!.key).toBe('c');
    expect(lanes.next()).toBeNull();
  });

  it('puts back what a full lane cannot hold, and everything after it from the same co-op, but not other co-ops', () => {
    const lanes = new InboxLanes(limits);
    expect([1, 2, 3, 4, 5].map((s) => lanes.offer(item('flood', s)))).toEqual(['queued', 'queued', 'queued', 'defer', 'defer']);
    expect(lanes.offer(item('quiet', 6))).toBe('queued');
    const started = lanes.next()!;
    lanes.done(started);
    // Room in the lane again, but 4 is still out: 7 must not overtake it.
    expect(lanes.offer(item('flood', 7))).toBe('defer');
    expect(lanes.offer(item('flood', 4))).toBe('queued');
    expect(lanes.offer(item('flood', 5))).toBe('defer');
    expect(drainInTurns(lanes)).toEqual(['quiet6', 'flood2', 'flood3', 'flood4']);
    expect(lanes.offer(item('flood', 5))).toBe('queued');
    expect(lanes.offer(item('flood', 7))).toBe('queued');
    expect(drainInTurns(lanes)).toEqual(['flood5', 'flood7']);
  });

  it('recognises a redelivery of a message it holds', () => {
    const lanes = new InboxLanes(limits);
    lanes.offer(item('a', 1));
    lanes.offer(item('a', 2));
    lanes.next();
    expect(lanes.offer(item('a', 1))).toBe('duplicate');
    expect(lanes.offer(item('a', 2))).toBe('duplicate');
    expect(lanes.size).toBe(2);
  });

  it('bounds what all lanes hold together', () => {
    const lanes = new InboxLanes({ ...limits, total: 2 });
    expect([item('a', 1), item('b', 2), item('c', 3)].map((i) => lanes.offer(i))).toEqual(['queued', 'queued', 'defer']);
  });

  it('stops waiting for a message put back that never came back', () => {
    let now = 0;
    const lanes = new InboxLanes(limits, () => now);
    [1, 2, 3, 4].forEach((s) => lanes.offer(item('a', s)));
    drainInTurns(lanes);
    expect(lanes.offer(item('a', 5))).toBe('defer');
    now = 10_001;
    expect(lanes.offer(item('a', 5))).toBe('queued');
  });

  it('hands back every waiting message, in order, and keeps order when they return', () => {
    const lanes = new InboxLanes(limits);
    [1, 2, 3].forEach((s) => lanes.offer(item('a', s)));
    const busy = lanes.next()!;
    expect(lanes.drain().map((i) => i.seq)).toEqual([2, 3]);
    expect(lanes.all()).toEqual([busy]);
    lanes.done(busy);
    expect(lanes.offer(item('a', 3))).toBe('defer');
    expect(lanes.offer(item('a', 2))).toBe('queued');
    expect(lanes.offer(item('a', 3))).toBe('queued');
    expect(drainInTurns(lanes)).toEqual(['a2', 'a3']);
  });

  it("says how many of a co-op's messages are ahead of one put back, so it comes back about on its turn", () => {
    const lanes = new InboxLanes(limits);
    [1, 2, 3, 4, 5, 6].forEach((s) => lanes.offer(item('a', s)));
    lanes.offer(item('b', 7));
    expect(lanes.ahead(item('a', 4))).toBe(3);
    expect(lanes.ahead(item('a', 6))).toBe(5);
    lanes.done(lanes.next()!);
    // 4 came back while the lane was still full: it goes back ahead of 5 and 6, not behind them.
    expect(lanes.offer(item('a', 5))).toBe('defer');
    expect(lanes.ahead(item('a', 4))).toBe(2);
  });

  it('stops waiting for a message put back once it is answered elsewhere', () => {
    const lanes = new InboxLanes(limits);
    [1, 2, 3, 4, 5].forEach((s) => lanes.offer(item('a', s)));
    drainInTurns(lanes);
    lanes.forget(item('a', 4));
    expect(lanes.offer(item('a', 6))).toBe('defer');
    lanes.forget(item('a', 5));
    expect(lanes.offer(item('a', 6))).toBe('queued');
  });
});
