import { canonicalJson, subjectScheme } from './index';

describe('subject scheme', () => {
  const s = subjectScheme('ccm');

  it('puts the co-op id in its own token, under a versioned root', () => {
    expect(s.coopMessage('colne-valley', 'coop.registered')).toBe('ccm.v1.coop.colne-valley.msg.coop.registered');
    expect(s.hubMessage('colne-valley', 'federation.receipt')).toBe('ccm.v1.hub.colne-valley.msg.federation.receipt');
    expect(s.coopHeartbeat('colne-valley')).toBe('ccm.v1.coop.colne-valley.heartbeat');
    expect(s.hubMessagesFor('colne-valley')).toBe('ccm.v1.hub.colne-valley.msg.>');
  });

  it('parses a durable subject back into direction, co-op and type', () => {
    expect(s.parse('ccm.v1.coop.colne-valley.msg.coop.registered')).toEqual({
      direction: 'coop-to-hub',
      coopId: 'colne-valley',
      type: 'coop.registered',
    });
    expect(s.parse('ccm.v1.hub.holme-valley.msg.registry.registration-accepted')).toEqual({
      direction: 'hub-to-coop',
      coopId: 'holme-valley',
      type: 'registry.registration-accepted',
    });
  });

  it.each([
    'ccm.v1.coop.colne-valley.heartbeat',
    'other.v1.coop.a1.msg.x.y',
    'ccm.v2.coop.a1.msg.x.y',
    'ccm.v1.coop.Bad_Id.msg.x.y',
    'ccm.v1.queue.a1.msg.x.y',
  ])('does not take %s for a durable message subject', (subject) => expect(s.parse(subject)).toBeNull());

  it('refuses co-op ids that would break out of their token', () => {
    for (const id of ['a.b', 'a*', 'a>', 'A', '', '-a', 'a-']) expect(() => s.coopMessage(id, 'x.y')).toThrow(/not a valid co-op id/);
  });

  it('refuses a root that is not a plain token', () => {
    expect(() => subjectScheme('ccm.x')).toThrow(/subject root/);
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
