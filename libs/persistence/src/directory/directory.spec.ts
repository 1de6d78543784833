import { checkContact } from './directory';

describe('directory contacts', () => {
  const good = {
    institution: 'gro',
    role: 'secretaria_tecnica',
    email: ' ST@Example.org ',
    name: '  Secretaría   Técnica ',
  };

  it('normalises a contact: institution and role in capitals, the address in lower case, immediate by default', () => {
    expect(checkContact(good)).toEqual({
      institution: 'GRO',
      role: 'SECRETARIA_TECNICA',
      email: 'st@example.org',
      name: 'Secretaría Técnica',
      preference: 'IMMEDIATE',
    });
  });

  it.each([
    [{ institution: 'XYZ' }, /^institucion: "XYZ" no es INE ni un OPLE/],
    [{ role: 'JEFE' }, /^rol: "JEFE" no es un rol/],
    [{ role: 'UTSI' }, /^rol: UTSI es del INE, no de GRO/],
    [{ institution: 'INE' }, /^rol: el directorio del INE solo tiene el rol UTSI/],
    [{ email: 'sin-arroba' }, /^correo: "sin-arroba" no es una dirección/],
    [{ email: 'a@b' }, /^correo:/],
    [{ name: '  ' }, /^nombre: es obligatorio/],
    [{ preference: 'SEMANAL' }, /^preferencia: "SEMANAL" debe ser IMMEDIATE/],
  ])('refuses %j naming the field', (change, message) => {
    expect(() => checkContact({ ...good, ...change })).toThrow(message);
  });
});
