import { curvePublicKey, isCurvePublicKey, newCurveKey, openSealed, sealFor } from './sealing';

describe('sealing for one node', () => {
  const node = newCurveKey();
  const other = newCurveKey();
  const content = { fullName: 'Sam Rivers', email: 'sam@example.org' };

  it('opens only with the recipient seed, and gives back the canonical JSON', () => {
    const box = sealFor(node.publicKey, content);
    expect(box.sealed).not.toContain('Sam');
    expect(Buffer.from(box.sealed, 'base64').toString('latin1')).not.toContain('Sam');
    const opened = openSealed(node.seed, box.senderKey, box.sealed);
    expect(opened && new TextDecoder().decode(opened)).toBe('{"email":"sam@example.org","fullName":"Sam Rivers"}');
    expect(openSealed(other.seed, box.senderKey, box.sealed)).toBeNull();
  });

  it('uses a fresh sender key each time, so two boxes of the same content differ', () => {
    const a = sealFor(node.publicKey, content);
    const b = sealFor(node.publicKey, content);
    expect(a.senderKey).not.toBe(b.senderKey);
    expect(a.sealed).not.toBe(b.sealed);
  });

  it('refuses an altered box, a wrong sender key and rubbish without throwing', () => {
    const box = sealFor(node.publicKey, content);
    const bytes = Buffer.from(box.sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(openSealed(node.seed, box.senderKey, bytes.toString('base64'))).toBeNull();
    expect(openSealed(node.seed, other.publicKey, box.sealed)).toBeNull();
    expect(openSealed(node.seed, box.senderKey, 'AAAA')).toBeNull();
    expect(openSealed(node.seed, 'not-a-key', box.sealed)).toBeNull();
  });

  it('knows a curve public key from anything else, and derives it from the seed', () => {
    expect(isCurvePublicKey(node.publicKey)).toBe(true);
    expect(isCurvePublicKey('X' + 'A'.repeat(55))).toBe(false);
    expect(isCurvePublicKey('UABC')).toBe(false);
    expect(curvePublicKey(node.seed)).toBe(node.publicKey);
    expect(() => sealFor('UAAAA', content)).toThrow(/curve public key/);
  });
});
