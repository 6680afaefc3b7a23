import { newAuthKeyPair } from './auth-keys';
import { HUB_TOKENS, nodeTokens } from './principal';
import { TokenService } from './token.service';
import { runAuthKeysCommand, runTokenCommand } from './token-cli';

describe('the token service and the token command', () => {
  const hubKeys = newAuthKeyPair();
  const signer = TokenService.fromSettings({ ...hubKeys, AUTH_TOKEN_MAX_HOURS: 24 }, HUB_TOKENS);
  const checker = TokenService.fromSettings({ AUTH_PUBLIC_KEY: hubKeys.AUTH_PUBLIC_KEY, AUTH_TOKEN_MAX_HOURS: 24 }, HUB_TOKENS);

  it('issues with the private key a token that the public key alone verifies', () => {
    const token = signer.issue({ subject: 'ann', role: 'coop', coopId: 'preston', ttlSeconds: 60 });
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(checker.verify(token)).toEqual({ subject: 'ann', role: 'coop', coopId: 'preston' });
  });

  it('remembers a checked signature but checks the expiry again on every request', () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const token = signer.issue({ subject: 'ann', role: 'coop', coopId: 'preston', ttlSeconds: 60 });
      expect(checker.verify(token)).toEqual({ subject: 'ann', role: 'coop', coopId: 'preston' });
      expect(checker.verify(token)).toEqual({ subject: 'ann', role: 'coop', coopId: 'preston' });
      clock.mockReturnValue(now + 61_000);
      expect(checker.verify(token)).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it('never takes a token for one it has checked unless it is the very same string', () => {
    const token = signer.issue({ subject: 'ann', role: 'coop', coopId: 'preston', ttlSeconds: 60 });
    expect(checker.verify(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, role: 'consortium-staff' })).toString('base64url'), signature].join(
      '.',
    );
    expect(checker.verify(forged)).toBeNull();
    expect(checker.verify(forged)).toBeNull();
    expect(checker.verify(`${token.slice(0, -2)}AA`)).toBeNull();
  });

  it("refuses a token of another app's key, even for the right issuer and audience", () => {
    const other = TokenService.fromSettings({ ...newAuthKeyPair(), AUTH_TOKEN_MAX_HOURS: 24 }, HUB_TOKENS);
    expect(checker.verify(other.issue({ subject: 'ann', role: 'consortium-staff', ttlSeconds: 60 }))).toBeNull();
  });

  it('refuses to mint what it would refuse to accept', () => {
    expect(() => signer.issue({ subject: 'ann', role: 'consortium-staff', ttlSeconds: 25 * 3600 })).toThrow(
      'cannot issue this token: the lifetime exceeds 86400 s',
    );
    expect(() => signer.issue({ subject: 'ann', role: 'coop', ttlSeconds: 60 })).toThrow('a coop token must name its coopId');
    expect(() => checker.issue({ subject: 'ann', role: 'commissioner', ttlSeconds: 60 })).toThrow(
      'AUTH_PRIVATE_KEY must be set to sign tokens',
    );
  });

  describe('the token command', () => {
    const nodeKeys = newAuthKeyPair();
    const settings = { ...nodeKeys, AUTH_TOKEN_MAX_HOURS: 720 };
    const preston = nodeTokens('preston');
    const nodeChecker = TokenService.fromSettings({ AUTH_PUBLIC_KEY: nodeKeys.AUTH_PUBLIC_KEY, AUTH_TOKEN_MAX_HOURS: 720 }, preston);

    it('mints a token its own app accepts, for its lifetime', () => {
      const token = runTokenCommand(
        ['--role', 'member', '--member', '3b241101-e2bb-4255-8caf-4136c566a962', '--ttl', '2h'],
        settings,
        preston,
      );
      expect(nodeChecker.verify(token)).toEqual({
        subject: 'member-cli',
        role: 'member',
        memberId: '3b241101-e2bb-4255-8caf-4136c566a962',
      });
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(7200);
    });

    it.each([
      [['--role', 'king'], '--role must be one of coop-admin, member'],
      [['--role', 'member'], '--member is required for the member role'],
      [['--role', 'member', '--member', 'm-1'], "--member must be the member's id, a UUID"],
      [['--role', 'coop-admin', '--ttl', '31d'], '--ttl must be at most 720h (AUTH_TOKEN_MAX_HOURS)'],
      [['--role', 'coop-admin', '--ttl', 'forever'], '--ttl must be a whole number with s, m, h or d'],
      [['--role', 'coop-admin', '--ttl', '0h'], '--ttl must be a whole number with s, m, h or d'],
      [['--role', 'coop-admin', '--audience', 'ccm-hub'], 'unknown option --audience'],
    ])('refuses %j, naming the option', (args, message) => {
      expect(() => runTokenCommand(args, settings, preston)).toThrow(message);
    });

    it('requires --coop for a hub coop token', () => {
      expect(() => runTokenCommand(['--role', 'coop'], { ...hubKeys, AUTH_TOKEN_MAX_HOURS: 720 }, HUB_TOKENS)).toThrow(
        '--coop is required for the coop role',
      );
    });

    it('prints a fresh key pair as two env-file lines', () => {
      const [priv, pub] = runAuthKeysCommand([]).split('\n');
      expect(priv).toMatch(/^AUTH_PRIVATE_KEY=[A-Za-z0-9+/]+=*$/);
      expect(pub).toMatch(/^AUTH_PUBLIC_KEY=[A-Za-z0-9+/]+=*$/);
      expect(runAuthKeysCommand([])).not.toBe(runAuthKeysCommand([]));
    });
  });
});
