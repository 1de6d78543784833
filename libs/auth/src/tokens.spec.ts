import jwt from 'jsonwebtoken';
import { type Revocation, revocationReason } from './revocation';
import { Tokens } from './tokens';

describe('Tokens: every claim required and typed', () => {
  const secret = 'x'.repeat(40);
  const tokens = new Tokens(secret);
  /** A token signed with the right key and issuer, whose claims are exactly these. */
  const signed = (claims: Record<string, unknown>) =>
    jwt.sign({ iss: 'seguimiento', ...claims }, secret, { algorithm: 'HS256' });
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
  const valid = () => ({ sub: 'supervisor@ine', role: 'SUPERVISOR', institution: 'GRO', exp: inAnHour() });

  it('accepts what it issued, and the same claims signed by hand', () => {
    const principal = { subject: 'operador@iepc-gro', role: 'OPERATOR' as const, institution: 'GRO' };
    expect(tokens.verify(tokens.issue(principal))).toEqual(principal);
    expect(tokens.verify(signed(valid()))).toEqual({
      subject: 'supervisor@ine',
      role: 'SUPERVISOR',
      institution: 'GRO',
    });
  });

  it.each([
    ['without exp (it would never expire)', { exp: undefined }, /expiración/],
    ['with exp as a text', { exp: String(inAnHour()) }, /expiración|exp/],
    ['with the institution as a list', { institution: ['INE'] }, /institución/],
    ['with the institution as a number', { institution: 1 }, /institución/],
    ['with an unknown institution', { institution: 'XYZ' }, /institución/],
    ['with a role in a list', { role: ['ADMIN'] }, /rol/],
    ['with a numeric subject', { sub: 42 }, /usuario/],
    ['with an empty subject', { sub: '' }, /usuario/],
    ['with a control character in the subject', { sub: 'a\u0000b' }, /usuario/],
  ])('refuses a token %s', (_what, change, reason) => {
    const claims: Record<string, unknown> = { ...valid(), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete claims[k];
    expect(() => tokens.verify(signed(claims))).toThrow(reason);
  });
});

describe('Tokens: withdrawn by `users disable`', () => {
  const tokens = new Tokens('x'.repeat(40));
  const ana = { subject: 'ana.lopez', role: 'OPERATOR' as const, institution: 'GRO' };
  const api = { subject: 'integracion', role: 'SUPERVISOR' as const, institution: 'INE' };
  const revocations = new Map<string, Revocation>();
  tokens.checkRevocations((subject) => revocations.get(subject));
  const iatOf = (token: string) => (jwt.decode(token) as jwt.JwtPayload).iat!;

  it('refuses every token of a disabled user, and only theirs', () => {
    const before = tokens.issue(ana);
    const other = tokens.issue(api);
    revocations.set('ana.lopez', { disabled: true, revokedAt: new Date() });
    expect(() => tokens.verify(before)).toThrow('el usuario está deshabilitado');
    expect(() => tokens.verify(tokens.issue(ana))).toThrow('el usuario está deshabilitado');
    expect(tokens.verify(other)).toEqual(api);
  });

  it('keeps refusing the tokens issued before the revocation once the user is enabled again, not those issued after', () => {
    const old = tokens.issue(ana);
    const iat = iatOf(old);
    revocations.set('ana.lopez', { disabled: false, revokedAt: new Date(iat * 1000 + 500) });
    expect(() => tokens.verify(old)).toThrow(/revocada/);
    revocations.set('ana.lopez', { disabled: false, revokedAt: new Date((iat - 1) * 1000 + 999) });
    expect(tokens.verify(old)).toEqual(ana);
  });
});

describe('Tokens: signed out one by one', () => {
  const tokens = new Tokens('x'.repeat(40));
  const ana = { subject: 'ana.lopez', role: 'OPERATOR' as const, institution: 'GRO' };
  const withdrawn = new Set<string>();
  tokens.checkRevocations(
    () => undefined,
    (tokenId) => withdrawn.has(tokenId),
  );

  it('gives each token its own id, and refuses only the one withdrawn', () => {
    const first = tokens.issue(ana);
    const second = tokens.issue(ana);
    const id = tokens.identify(first)!;
    expect(id).toEqual({ tokenId: expect.any(String), subject: 'ana.lopez', expiresAt: expect.any(Date) });
    expect(tokens.identify(second)!.tokenId).not.toBe(id.tokenId);
    withdrawn.add(id.tokenId);
    expect(() => tokens.verify(first)).toThrow('la sesión fue cerrada; inicie sesión de nuevo');
    expect(tokens.verify(second)).toEqual(ana);
  });

  it('identifies only a token it accepts; one without an id has nothing to withdraw', () => {
    const other = new Tokens('y'.repeat(40)).issue(ana);
    expect(() => tokens.identify(other)).toThrow(/signature/);
    const withoutId = jwt.sign({ role: 'OPERATOR', institution: 'GRO' }, 'x'.repeat(40), {
      algorithm: 'HS256',
      subject: 'ana.lopez',
      issuer: 'seguimiento',
      expiresIn: 60,
    });
    expect(tokens.identify(withoutId)).toBeNull();
  });
});

describe('revocationReason', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    ['nothing known', undefined, 100, null],
    ['disabled', { disabled: true, revokedAt: null }, 100, 'el usuario está deshabilitado'],
    ['issued in an earlier second', { disabled: false, revokedAt: at('1970-01-01T00:01:40.200Z') }, 99, /revocada/],
    ['issued in the same second', { disabled: false, revokedAt: at('1970-01-01T00:01:40.200Z') }, 100, /revocada/],
    ['issued the second after', { disabled: false, revokedAt: at('1970-01-01T00:01:40.200Z') }, 101, null],
    ['without iat', { disabled: false, revokedAt: at('1970-01-01T00:01:40.200Z') }, undefined, /revocada/],
  ])('%s', (_what, revocation, iat, want) => {
    const got = revocationReason(revocation as Revocation | undefined, iat);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});
