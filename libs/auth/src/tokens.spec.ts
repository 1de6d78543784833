import jwt from 'jsonwebtoken';
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
