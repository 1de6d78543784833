/**
 * Oficio numbers: slash-separated segments ending in a sequence number and a four-digit year,
 * e.g. `INE/UTSI/1121/2024`, `IEEM/SE/2195/2024`, `IEPC/GRO/SE/0045/2024`.
 * The normal form is upper case without spaces; the sequence keeps its leading zeros
 * because the oficio is cited that way.
 */
const OFICIO_NUMBER = /^([A-ZÑ0-9][A-ZÑ0-9.-]*\/)+([0-9]{1,6})\/((19|20)[0-9]{2})$/;

export function normalizeOficioNumber(raw: string): string {
  return raw.normalize('NFC').toUpperCase().replace(/\s+/g, '');
}

export function isOficioNumber(raw: string): boolean {
  return OFICIO_NUMBER.test(normalizeOficioNumber(raw));
}

/** INE oficios come from the institute itself; everything else is an OPLE's. */
export function isIneOficio(number: string): boolean {
  return normalizeOficioNumber(number).startsWith('INE/');
}
