/** The months in Spanish, in lower case as oficios write them inside a date ("19 de febrero de 2024"). */
export const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

export type MonthName = (typeof MONTHS)[number];
