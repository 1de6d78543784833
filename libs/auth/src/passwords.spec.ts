import { normalUsername, principalOf, usernameProblem } from './accounts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('the password policy', () => {
  it('accepts 12 characters or more, counted as characters (an ñ is one)', () => {
    expect(passwordProblem('doce-letras!')).toBeNull();
    expect(passwordProblem('ñandú-pingüi')).toBeNull();
    expect(passwordProblem('x'.repeat(256))).toBeNull();
  });

  it.each([
    ['11 characters', 'once-letras', /contraseña: debe tener al menos 12 caracteres \(tiene 11\)/],
    ['an empty one', '', /al menos 12 caracteres \(tiene 0\)/],
    ['over 256 characters', 'x'.repeat(257), /contraseña: debe tener a lo más 256/],
    ['a newline in it', 'doce-letras!\n', /contraseña: no puede contener caracteres de control/],
  ])('refuses %s, naming the field', (_what, password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it('refuses a password that contains the user name', () => {
    expect(passwordProblem('Operador.GRO-2024', 'operador.gro')).toMatch(/contraseña: no puede contener el nombre/);
    expect(passwordProblem('otra-clave-larga', 'operador.gro')).toBeNull();
  });
});

describe('user names', () => {
  it('are compared trimmed and in lower case', () => {
    expect(normalUsername('  Operador.GRO ')).toBe('operador.gro');
  });

  it.each(['supervisor.ine', 'comision.gro', 'ana_lopez@iepc-gro', 'a1b'])('accepts %s', (name) => {
    expect(usernameProblem(name)).toBeNull();
  });

  it.each([
    ['', /usuario: falta/],
    ['ab', /usuario: "ab" no es válido/],
    ['.punto', /no es válido/],
    ['josé', /no es válido/],
    ['con espacio', /no es válido/],
    ['x'.repeat(65), /no es válido/],
  ])('refuses %j, naming the field', (name, reason) => {
    expect(usernameProblem(name)).toMatch(reason);
  });

  it('sign in as the principal an API token would carry (no OPLE: INE)', () => {
    expect(principalOf({ username: 'comision.gro', role: 'SUPERVISOR', ople: 'GRO' })).toEqual({
      subject: 'comision.gro',
      role: 'SUPERVISOR',
      institution: 'GRO',
    });
    expect(principalOf({ username: 'operador.ine', role: 'OPERATOR', ople: null }).institution).toBe('INE');
  });
});

describe('argon2id hashes', () => {
  it('are argon2id with a fresh salt each time, and verify only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('una-clave-larga'), hashPassword('una-clave-larga')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'una-clave-larga')).toBe(true);
    expect(await verifyPassword(a, 'una-clave-largA')).toBe(false);
  });

  it('treats a malformed stored hash as a wrong password, never as an error', async () => {
    expect(await verifyPassword('not-a-hash', 'una-clave-larga')).toBe(false);
  });
});
