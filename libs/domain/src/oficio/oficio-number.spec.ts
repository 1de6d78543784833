import { isIneOficio, isOficioNumber, normalizeOficioNumber } from './oficio-number';

describe('oficio numbers', () => {
  it.each([
    'INE/UTSI/1121/2024',
    'INE/UTSI/0451/2024',
    'IEEM/SE/2195/2024',
    'IEPC/GRO/SE/0045/2024',
    'ine/utsi/1121/2024',
    'INE/UTSI/ 1121/2024',
  ])('accepts %s', (n) => expect(isOficioNumber(n)).toBe(true));

  it.each([
    '',
    '1121/2024',
    'INE/UTSI/1121',
    'INE/UTSI/1121/24',
    'INE/UTSI/ABC/2024',
    'INE//1121/2024',
    "INE/UTSI/1121/2024'; DROP TABLE events;--",
  ])('refuses %j', (n) => expect(isOficioNumber(n)).toBe(false));

  it('normalises case and spaces but keeps leading zeros', () => {
    expect(normalizeOficioNumber(' ine/utsi/0451/ 2024')).toBe('INE/UTSI/0451/2024');
  });

  it('tells INE oficios from the OPLEs', () => {
    expect(isIneOficio('INE/UTSI/1121/2024')).toBe(true);
    expect(isIneOficio('IEPC/GRO/SE/0045/2024')).toBe(false);
  });
});
