import { randomUUID } from 'node:crypto';

import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';

import { canonicalJson, CoopProfilePayload, defineMessage, REPORTING_RETURN_SUBMITTED_V1 } from './index';
import {
  buildMessage,
  ContractViolation,
  COOP_HEARTBEAT_V1,
  COOP_REGISTERED_V1,
  decodeDurable,
  decodeMessage,
  encodeMessage,
  subjectScheme,
} from './index';

const profile: CoopProfilePayload = {
  name: 'Colne Valley Care Co-op',
  legalForm: 'community-benefit-society',
  localities: ['Marsden'],
  servicesOffered: ['personal-care'],
  nodeVersion: '0.1.0',
};
const scheme = subjectScheme('ccm');
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));
const randomUUIDv4 = () => randomUUID();

describe('buildMessage', () => {
  it('builds a complete envelope for a valid payload', () => {
    const env = buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'colne-valley' });
    expect(env).toMatchObject({ type: 'coop.registered', version: 1, coopId: 'colne-valley', payload: profile });
    expect(env.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to build a message with an invalid payload, naming the field', () => {
    expect(() =>
      buildMessage(COOP_REGISTERED_V1, { ...profile, servicesOffered: ['hairdressing'] } as never, { coopId: 'colne-valley' }),
    ).toThrow(/payload\.servicesOffered.*must be one of the following values/);
  });

  it('refuses to build a message with an unknown payload field', () => {
    expect(() => buildMessage(COOP_REGISTERED_V1, { ...profile, dateOfBirth: '1950-01-01' } as never, { coopId: 'colne-valley' })).toThrow(
      ContractViolation,
    );
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
    [
      'a payload with a missing field',
      bytes({ ...good(), payload: { ...profile, name: undefined } }),
      /invalid coop\.registered v1 payload: name must be/,
    ],
    [
      'a payload with an extra field',
      bytes({ ...good(), payload: { ...profile, address: '1 High St' } }),
      /property address should not exist/,
    ],
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

  it('never throws, and refuses with a reason what once threw: 1e-7 in a decimal field, deep nesting', () => {
    const figures = (value: string) =>
      `{"cycleId":"${randomUUIDv4()}","definitionId":"ccm-quarterly","definitionVersion":1,"figures":[{"breakdown":null,"metric":"staff_headcount","value":${value}}],"period":{"kind":"quarter","year":2026,"quarter":1}}`;
    const env = good();
    const raw = (payload: string, type = 'reporting.return-submitted') =>
      Buffer.from(canonicalJson({ ...env, type, payload: {} }).replace('"payload":{}', `"payload":${payload}`));
    const decimal = decodeMessage(raw(figures('1e-7')), { direction: 'coop-to-hub' });
    expect(decimal).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(!decimal.ok && decimal.reason).toMatch(/figures\.0.*value must be a number with at most 4 decimal places/);
    const deep = decodeMessage(raw('['.repeat(100_000) + ']'.repeat(100_000)), { direction: 'coop-to-hub' });
    expect(deep).toMatchObject({ ok: false, code: 'too-deep' });
  });

  it.each([
    ['__proto__', '{"__proto__":{"admin":true},"legalForm":"community-benefit-society"}'],
    ['constructor', '{"constructor":{"prototype":{"admin":true}},"legalForm":"community-benefit-society"}'],
    ['prototype', '{"legalForm":"community-benefit-society","prototype":1}'],
  ])('refuses a %s key anywhere, signed or not', (key, payload) => {
    const text = canonicalJson(good()).replace(/"payload":\{[^}]*\}/, `"payload":${payload}`);
    const result = decodeMessage(Buffer.from(text), { direction: 'coop-to-hub' });
    expect(result).toMatchObject({ ok: false, code: 'forbidden-key' });
    expect(!result.ok && result.reason).toContain(`the key ${key} is not allowed`);
  });

  it('refuses bytes that are not UTF-8, naming that', () => {
    expect(decodeMessage(Buffer.from([0x7b, 0xff, 0x7d]), { direction: 'coop-to-hub' })).toMatchObject({ ok: false, code: 'not-utf8' });
  });

  it('keeps the id of a refused message so the sender can be told', () => {
    const env = { ...good(), version: 7 };
    const result = decodeMessage(bytes(env), { direction: 'coop-to-hub' });
    expect(result).toMatchObject({ ok: false, messageId: env.id, type: 'coop.registered', version: 7 });
  });
});

describe('the wire form', () => {
  const env = () => signed(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'colne-valley', causationId: randomUUIDv4() }));
  const decode = (text: string) => decodeMessage(Buffer.from(text, 'utf8'), { direction: 'coop-to-hub', subjectCoopId: 'colne-valley' });

  it('is the canonical JSON of the whole envelope, and reads back as it was', () => {
    const e = env();
    const wire = Buffer.from(encodeMessage(e)).toString('utf8');
    expect(wire).toBe(canonicalJson(e));
    const back = decode(wire);
    expect(back.ok && back.envelope).toEqual(e);
  });

  it.each<[string, (canonical: string) => string]>([
    ['reformatted with whitespace', (c) => JSON.stringify(JSON.parse(c), null, 2)],
    ['with a space after a colon', (c) => c.replace('"coopId":', '"coopId": ')],
    ['with its keys in another order', (c) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(c)).reverse()))],
    [
      'with a key twice (the last one wins in JSON.parse)',
      (c) => c.replace('"coopId":"colne-valley"', '"coopId":"holme-valley","coopId":"colne-valley"'),
    ],
    ['with 1.0 for 1', (c) => c.replace('"version":1', '"version":1.0')],
    ['with 1e0 for 1', (c) => c.replace('"version":1', '"version":1e0')],
    ['with a character escaped that needs no escape', (c) => c.replace('"Colne', '"\\u0043olne')],
    ['with a trailing newline', (c) => `${c}\n`],
    ['with a byte-order mark', (c) => `\ufeff${c}`],
  ])('refuses a valid message %s', (_what, respell) => {
    const canonical = canonicalJson(env());
    const text = respell(canonical);
    expect(text).not.toBe(canonical);
    const result = decode(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toMatch(/^(not-canonical|not-json)$/);
  });

  it('refuses the signature written with other spare bits, before anyone verifies it', () => {
    const e = env();
    const altered = e.signature.slice(0, -1) + 'B'; // 'A' and 'B' differ only in the spare bits
    const result = decode(canonicalJson({ ...e, signature: altered }));
    expect(result).toMatchObject({ ok: false, code: 'invalid-envelope' });
    expect(!result.ok && result.reason).toMatch(/signature must be an Ed25519 signature/);
  });

  it('refuses a message that reads differently once validated, so what is verified is what is acted on', () => {
    class Trimmed {
      @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
      @IsString()
      note: string;
    }
    const TRIMMED = defineMessage({ type: 'test.trimmed', version: 1, direction: 'coop-to-hub', transport: 'core', payload: Trimmed });
    const e = { ...env(), type: 'test.trimmed', payload: { note: ' padded ' } };
    const result = decodeMessage(Buffer.from(canonicalJson(e)), { direction: 'coop-to-hub', only: TRIMMED });
    expect(result).toMatchObject({ ok: false, code: 'altered-by-validation' });
    const fine = decodeMessage(Buffer.from(canonicalJson({ ...e, payload: { note: 'plain' } })), {
      direction: 'coop-to-hub',
      only: TRIMMED,
    });
    expect(fine.ok && fine.definition).toBe(TRIMMED);
  });
});

describe('decodeMessage with only some definitions', () => {
  const heartbeat = () => signed(buildMessage(COOP_HEARTBEAT_V1, { nodeVersion: '1', outboxUnconfirmed: 0 }, { coopId: 'colne-valley' }));

  it('accepts the definitions given', () => {
    const result = decodeMessage(encodeMessage(heartbeat()), { direction: 'coop-to-hub', only: COOP_HEARTBEAT_V1 });
    expect(result.ok && result.definition).toBe(COOP_HEARTBEAT_V1);
  });

  it('refuses another type before looking at its payload', () => {
    // A payload that is no return at all: it is never validated, the type alone refuses it.
    const other = { ...heartbeat(), type: REPORTING_RETURN_SUBMITTED_V1.type, payload: { figures: 'not even a list' } };
    const result = decodeMessage(Buffer.from(canonicalJson(other)), { direction: 'coop-to-hub', only: [COOP_HEARTBEAT_V1] });
    expect(result).toMatchObject({
      ok: false,
      code: 'unexpected-type',
      reason: 'expected coop.heartbeat v1, got reporting.return-submitted v1',
    });
  });

  it('refuses another version and another direction', () => {
    expect(
      decodeMessage(Buffer.from(canonicalJson({ ...heartbeat(), version: 2 })), { direction: 'coop-to-hub', only: COOP_HEARTBEAT_V1 }),
    ).toMatchObject({ ok: false, code: 'unexpected-type' });
    expect(decodeMessage(encodeMessage(heartbeat()), { direction: 'hub-to-coop', only: COOP_HEARTBEAT_V1 })).toMatchObject({
      ok: false,
      code: 'unexpected-type',
    });
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
