import { createUser, fromPublic, fromSeed } from 'nkeys.js';

import { buildMessage, checkAgainst, COOP_REGISTERED_V1, decodeMessage, encodeMessage, Envelope, signingInput } from '@app/contracts';

import { EnvelopeSigner, verifySignature } from './signing';

const newSeed = () => Buffer.from(createUser().getSeed()).toString();
/** The order of the Ed25519 group: S and S + L are the same scalar, and only S < L is canonical. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

describe('envelope signatures', () => {
  const seed = newSeed();
  const signer = new EnvelopeSigner(seed);
  const other = new EnvelopeSigner(newSeed());
  const payload = {
    name: 'Colne Valley',
    legalForm: 'community-benefit-society' as const,
    localities: ['Marsden'],
    servicesOffered: ['personal-care' as const],
    nodeVersion: '1',
  };
  const signed = signer.sign(
    buildMessage(COOP_REGISTERED_V1, payload, { coopId: 'colne-valley', causationId: '0b6a4a8e-7c2f-4d0e-9a51-3f7d2c1e8b90' }),
  );

  it('verifies with the signer key', () => expect(verifySignature(signed, signer.publicKey)).toBe(true));
  it('fails with another key', () => expect(verifySignature(signed, other.publicKey)).toBe(false));

  it('gives the public key nkeys.js gives for the same seed', () => {
    expect(signer.publicKey).toBe(fromSeed(Buffer.from(seed)).getPublicKey());
  });

  it('makes the signature nkeys.js makes, byte for byte, and each verifies the other', () => {
    const input = Buffer.from(signingInput(signed), 'utf8');
    const theirs = Buffer.from(fromSeed(Buffer.from(seed)).sign(input));
    expect(Buffer.from(signed.signature, 'base64url').equals(theirs)).toBe(true);
    expect(fromPublic(signer.publicKey).verify(input, Buffer.from(signed.signature, 'base64url'))).toBe(true);
    expect(verifySignature({ ...signed, signature: theirs.toString('base64url') }, signer.publicKey)).toBe(true);
  });

  it('fails when any field was changed after signing, occurredAt first', () => {
    const tampered: Array<[string, Envelope<unknown>]> = [
      ['occurredAt', { ...signed, occurredAt: new Date(Date.parse(signed.occurredAt) + 1000).toISOString() }],
      ['id', { ...signed, id: '5b0c7a7e-3c9d-4f57-8a2b-6d1e0f9c4a31' }],
      ['type', { ...signed, type: 'coop.profile-updated' }],
      ['version', { ...signed, version: 2 }],
      ['coopId', { ...signed, coopId: 'holme-valley' }],
      ['correlationId', { ...signed, correlationId: '5b0c7a7e-3c9d-4f57-8a2b-6d1e0f9c4a31' }],
      ['causationId', { ...signed, causationId: '5b0c7a7e-3c9d-4f57-8a2b-6d1e0f9c4a31' }],
      ['causationId removed', (({ causationId: _c, ...rest }) => rest)(signed) as Envelope<unknown>],
      ['payload.name', { ...signed, payload: { ...payload, name: 'Forged' } }],
      ['payload.localities', { ...signed, payload: { ...payload, localities: ['Marsden', 'Golcar'] } }],
      ['a payload field added', { ...signed, payload: { ...payload, cqcRating: 'outstanding' } }],
      [
        'a __proto__ key added to the payload',
        { ...signed, payload: JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(payload).slice(1)}`) },
      ],
      ['a field added to the envelope', { ...signed, extra: 1 } as Envelope<unknown>],
    ];
    expect(tampered[0][0]).toBe('occurredAt');
    for (const [field, envelope] of tampered)
      expect({ field, verifies: verifySignature(envelope, signer.publicKey) }).toEqual({ field, verifies: false });
  });

  it('refuses the signature written with other spare bits in its last character', () => {
    const last = signed.signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(last);
    // 86 characters carry 516 bits for 512: the last character's 4 low bits are spare.
    const variants = Array.from({ length: 16 }, (_, bits) => alphabet[(index & ~15) | bits]).filter((c) => c !== last);
    expect(variants).toHaveLength(15);
    for (const c of variants) {
      const altered = signed.signature.slice(0, -1) + c;
      expect(Buffer.from(altered, 'base64url').equals(Buffer.from(signed.signature, 'base64url'))).toBe(true);
      expect(verifySignature({ ...signed, signature: altered }, signer.publicKey)).toBe(false);
    }
  });

  it('refuses a non-canonical S (S + L), which nkeys.js accepts', () => {
    const bytes = Buffer.from(signed.signature, 'base64url');
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) + BigInt(bytes[32 + i]);
    const malleated = Buffer.from(bytes);
    let t = s + L;
    expect(t < 1n << 256n).toBe(true);
    for (let i = 0; i < 32; i++, t >>= 8n) malleated[32 + i] = Number(t & 0xffn);
    const input = Buffer.from(signingInput(signed), 'utf8');
    expect(fromPublic(signer.publicKey).verify(input, malleated)).toBe(true); // the malleability it had
    expect(verifySignature({ ...signed, signature: malleated.toString('base64url') }, signer.publicKey)).toBe(false);
  });

  it('verifies whatever order the keys come back in (the outbox stores jsonb)', () => {
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse())));
    expect(verifySignature(reordered, signer.publicKey)).toBe(true);
  });

  it('refuses a key that is not an NKey user public key, or whose checksum is wrong', () => {
    expect(verifySignature(signed, 'not-a-key')).toBe(false);
    const flipped = signer.publicKey.slice(0, 10) + (signer.publicKey[10] === 'A' ? 'B' : 'A') + signer.publicKey.slice(11);
    expect(verifySignature(signed, flipped)).toBe(false);
  });

  it('refuses a seed that is not an NKey user seed', () => {
    expect(() => new EnvelopeSigner('not-a-seed')).toThrow(/NATS_NKEY_SEED/);
    const seedWithBadChecksum = seed.slice(0, 20) + (seed[20] === 'A' ? 'B' : 'A') + seed.slice(21);
    expect(() => new EnvelopeSigner(seedWithBadChecksum)).toThrow(/NATS_NKEY_SEED/);
  });

  describe('what is verified is exactly what is acted on', () => {
    const decode = (text: string) => decodeMessage(Buffer.from(text, 'utf8'), { direction: 'coop-to-hub', subjectCoopId: 'colne-valley' });
    const wire = () => Buffer.from(encodeMessage(signed)).toString('utf8');

    it('accepts the signed message as sent, and it verifies', () => {
      const decoded = decode(wire());
      expect(decoded.ok && verifySignature(decoded.envelope, signer.publicKey)).toBe(true);
    });

    it('refuses a __proto__ key added to a signed payload, which validation would drop and verification never see', () => {
      const text = wire().replace('"payload":{', '"payload":{"__proto__":{"admin":true},');
      // The hole: class-transformer drops the key, so the validated value still verifies.
      const validated = checkAgainst(Envelope, JSON.parse(text));
      expect(validated.ok && verifySignature(validated.value as Envelope<unknown>, signer.publicKey)).toBe(true);
      expect(decode(text)).toMatchObject({ ok: false, code: 'forbidden-key' });
    });

    it('refuses a signed message reformatted with whitespace, whose parsed value would verify', () => {
      const text = JSON.stringify(JSON.parse(wire()), null, 2);
      expect(verifySignature(JSON.parse(text), signer.publicKey)).toBe(true);
      expect(decode(text)).toMatchObject({ ok: false, code: 'not-canonical' });
    });
  });
});
