import { CoopProfilePayload } from './index';
import { COOP_HEARTBEAT_V1, COOP_REGISTERED_V1, ContractViolation, buildMessage, decodeDurable, decodeMessage, encodeMessage, subjectScheme } from './index';

const profile: CoopProfilePayload = { name: 'Colne Valley Care Co-op', legalForm: 'community-benefit-society', localities: ['Marsden'], servicesOffered: ['personal-care'], nodeVersion: '0.1.0' };
const scheme = subjectScheme('ccm');
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('buildMessage', () => {
  it('builds a complete envelope for a valid payload', () => {
    const env = buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'colne-valley' });
    expect(env).toMatchObject({ type: 'coop.registered', version: 1, coopId: 'colne-valley', payload: profile });
    expect(env.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to build a message with an invalid payload, naming the field', () => {
    expect(() => buildMessage(COOP_REGISTERED_V1, { ...profile, servicesOffered: ['hairdressing'] } as never, { coopId: 'colne-valley' })).toThrow(
      /payload\.servicesOffered.*must be one of the following values/,
    );
  });

  it('refuses to build a message with an unknown payload field', () => {
    expect(() => buildMessage(COOP_REGISTERED_V1, { ...profile, dateOfBirth: '1950-01-01' } as never, { coopId: 'colne-valley' })).toThrow(ContractViolation);
  });

  it('refuses an invalid co-op id', () => {
    expect(() => buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'Colne Valley' })).toThrow(/coopId/);
  });
});

/** A well-formed signature: decoding checks the shape; whether it verifies is the receiver's check (libs/federation). */
const SIGNATURE = 'A'.repeat(86);
const signed = <T extends object>(env: T) => ({ ...env, signature: SIGNATURE });

describe('decodeMessage', () => {
  const good = () => signed(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'colne-valley' }));

  it('accepts a valid message and returns its definition', () => {
    const result = decodeMessage(encodeMessage(good()), { direction: 'coop-to-hub', subjectCoopId: 'colne-valley' });
    expect(result.ok && result.definition).toBe(COOP_REGISTERED_V1);
  });

  it.each([
    ['bytes that are not JSON', Buffer.from('{nope'), /not valid JSON/],
    ['a JSON array', bytes([1, 2]), /invalid envelope/],
    ['an envelope without an id', bytes({ ...good(), id: undefined }), /invalid envelope: id must be a UUID/],
    ['an unknown type', bytes({ ...good(), type: 'coop.dissolved' }), /unknown message type coop\.dissolved for coop-to-hub/],
    ['an unknown version', bytes({ ...good(), version: 2 }), /unknown version 2 of coop\.registered \(known: 1\)/],
    ['a payload with a missing field', bytes({ ...good(), payload: { ...profile, name: undefined } }), /invalid coop\.registered v1 payload: name must be/],
    ['a payload with an extra field', bytes({ ...good(), payload: { ...profile, address: '1 High St' } }), /property address should not exist/],
    ['an envelope with an extra field', bytes({ ...good(), secret: 1 }), /property secret should not exist/],
    ['a message over the size limit', Buffer.alloc(300 * 1024, 32), /over the 262144-byte limit/],
    ['an unsigned envelope', bytes({ ...good(), signature: undefined }), /signature must be an Ed25519 signature/],
  ])('refuses %s, saying why', (_what, data, reason) => {
    const result = decodeMessage(data, { direction: 'coop-to-hub', subjectCoopId: 'colne-valley' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('refuses a message whose claimed co-op is not the one on its subject', () => {
    const result = decodeMessage(encodeMessage(good()), { direction: 'coop-to-hub', subjectCoopId: 'holme-valley' });
    expect(!result.ok && result.reason).toBe("claimed co-op colne-valley does not match the subject's co-op holme-valley");
  });

  it('refuses a node-to-hub message type arriving in the other direction', () => {
    const result = decodeMessage(encodeMessage(good()), { direction: 'hub-to-coop' });
    expect(!result.ok && result.reason).toMatch(/unknown message type coop\.registered for hub-to-coop/);
  });

  it('keeps the id of a refused message so the sender can be told', () => {
    const env = { ...good(), version: 7 };
    const result = decodeMessage(bytes(env), { direction: 'coop-to-hub' });
    expect(result).toMatchObject({ ok: false, messageId: env.id, type: 'coop.registered', version: 7 });
  });
});

describe('decodeDurable', () => {
  it('refuses a message whose subject names another type than its envelope', () => {
    const env = signed(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'colne-valley' }));
    const result = decodeDurable(scheme.coopMessage('colne-valley', 'coop.profile-updated'), encodeMessage(env), scheme, 'coop-to-hub');
    expect(!result.ok && result.reason).toMatch(/subject says coop\.profile-updated but the envelope says coop\.registered/);
  });

  it('refuses a core message type on the durable path', () => {
    const env = signed(buildMessage(COOP_HEARTBEAT_V1, { nodeVersion: '1', outboxUnconfirmed: 0 }, { coopId: 'colne-valley' }));
    const result = decodeDurable(scheme.coopMessage('colne-valley', 'coop.heartbeat'), encodeMessage(env), scheme, 'coop-to-hub');
    expect(!result.ok && result.reason).toMatch(/coop\.heartbeat is a core NATS message and has no place on the durable path/);
  });
});
