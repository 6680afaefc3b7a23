import { createUser } from 'nkeys.js';
import { COOP_REGISTERED_V1, buildMessage } from '@app/contracts';
import { EnvelopeSigner, verifySignature } from './signing';

describe('envelope signatures', () => {
  const seed = Buffer.from(createUser().getSeed()).toString();
  const signer = new EnvelopeSigner(seed);
  const other = new EnvelopeSigner(Buffer.from(createUser().getSeed()).toString());
  const payload = { name: 'Colne Valley', legalForm: 'community-benefit-society' as const, localities: ['Marsden'], servicesOffered: ['personal-care' as const], nodeVersion: '1' };
  const signed = signer.sign(buildMessage(COOP_REGISTERED_V1, payload, { coopId: 'colne-valley' }));

  it('verifies with the signer key', () => expect(verifySignature(signed, signer.publicKey)).toBe(true));
  it('fails with another key', () => expect(verifySignature(signed, other.publicKey)).toBe(false));
  it('fails when any field was changed after signing', () => {
    expect(verifySignature({ ...signed, payload: { ...payload, name: 'Forged' } }, signer.publicKey)).toBe(false);
    expect(verifySignature({ ...signed, coopId: 'holme-valley' }, signer.publicKey)).toBe(false);
  });
  it('verifies whatever order the keys come back in (the outbox stores jsonb)', () => {
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse())));
    expect(verifySignature(reordered, signer.publicKey)).toBe(true);
  });
  it('refuses a seed that is not an NKey user seed', () => expect(() => new EnvelopeSigner('not-a-seed')).toThrow(/NATS_NKEY_SEED/));
});
