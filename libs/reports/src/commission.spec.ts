import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOple } from '@seguimiento/domain';
import { Commissions, genericCommission, reportNumber } from './commission';
import { COMMISSIONS_PATH } from './testing/seed-report';

const REPO = JSON.parse(readFileSync(join(__dirname, 'testing', COMMISSIONS_PATH), 'utf8'));
const GRO = findOple('GRO')!;
const MEX = findOple('MEX')!;

describe('each OPLE’s commission (config/commissions.json)', () => {
  it('GRO is the seed’s: its name, number, legal basis, place and signatory', () => {
    const c = Commissions.from(REPO).of(GRO);
    expect(c.name).toBe(
      'Comisión Especial de Seguimiento, Implementación y Operación del Programa de Resultados Electorales Preliminares',
    );
    expect(reportNumber(c.reportNumber, '2024-03-21')).toBe('INFORME 009/CESIOPREP/SO/22-03-2024');
    expect(c.legalBasis).toBe(
      'artículo 40, fracción IX del Reglamento de Comisiones del Consejo General del IEPC Guerrero',
    );
    expect(c.place).toBe('Chilpancingo, Guerrero');
    expect(c.signatory.name).toBe('C. Alina Jiménez Aparicio');
  });

  it('numbers one report a month from the one it knows, and says "s/n" before it or without it', () => {
    const { reportNumber: numbering } = Commissions.from(REPO).of(GRO);
    expect(reportNumber(numbering, '2024-04-21')).toBe('INFORME 010/CESIOPREP/SO/22-04-2024');
    expect(reportNumber(numbering, '2025-01-31')).toBe('INFORME 019/CESIOPREP/SO/01-02-2025');
    expect(reportNumber(numbering, '2023-06-30')).toBe('INFORME s/n/CESIOPREP/SO/01-07-2023');
    expect(reportNumber({ template: 'INF-{seq}', first: null }, '2024-03-21')).toBe('INF-s/n');
  });

  it('an OPLE that is not configured gets the generic commission, which says what to configure', () => {
    const c = Commissions.from(REPO).of(MEX);
    expect(c).toEqual(genericCommission(MEX));
    expect(c.legalBasis).toBe('[configure oples.MEX.legalBasis en config/commissions.json]');
    expect(c.signatory.name).toBe('[configure oples.MEX.signatory.name en config/commissions.json]');
    expect(Commissions.from(REPO).isConfigured('MEX')).toBe(false);
  });

  it('`default` applies to every OPLE without an entry', () => {
    const c = Commissions.from({ default: { reportingBody: 'la Dirección Ejecutiva' } }).of(MEX);
    expect(c.reportingBody).toBe('la Dirección Ejecutiva');
    expect(c.place).toBe('Estado de México');
  });

  it.each([
    [{ oples: { XYZ: {} } }, 'f: oples.XYZ: no es un OPLE conocido (use la clave del estado, p. ej. GRO)'],
    [{ oples: { GRO: { legalbasis: 'x' } } }, 'f: oples.GRO.legalbasis: no es un campo conocido'],
    [{ oples: { GRO: { name: '   ' } } }, 'f: oples.GRO.name: no puede estar vacío'],
    [{ oples: { GRO: { name: 42 } } }, 'f: oples.GRO.name: debe ser un texto'],
    [{ oples: { GRO: { place: 'A & B' } } }, 'f: oples.GRO.place: contiene <, >, & o caracteres de control'],
    [
      { oples: { GRO: { reportNumber: { template: 'INFORME {numero}' } } } },
      'f: oples.GRO.reportNumber.template: {numero} no es un marcador conocido (se admiten {seq}, {dd}, {mm} y {yyyy})',
    ],
    [
      { oples: { GRO: { reportNumber: { template: '{seq}', first: { periodEnd: '2024-13', sequence: 1 } } } } },
      'f: oples.GRO.reportNumber.first.periodEnd: "2024-13" no es un mes AAAA-MM',
    ],
    [
      { oples: { GRO: { reportNumber: { template: '{seq}', first: { periodEnd: '2024-03', sequence: 0 } } } } },
      'f: oples.GRO.reportNumber.first.sequence: debe ser un número entero de 1 a 999',
    ],
    [
      { oples: { GRO: { signatory: { position: ['a', 'b', 'c', 'd', 'e'] } } } },
      'f: oples.GRO.signatory.position: debe ser un texto o una lista de 1 a 4 renglones',
    ],
    [{ default: { signatory: { name: '' } } }, 'f: default.signatory.name: no puede estar vacío'],
    [{ ople: {} }, 'f: (raíz).ople: no es un campo conocido (los campos son: default, oples)'],
  ])('refuses %j naming the field and the reason', (raw, message) => {
    expect(() => Commissions.from(raw, 'f')).toThrow(message);
  });
});
