/**
 * The 32 Organismos Públicos Locales Electorales. The id is the state's ISO 3166-2:MX code,
 * short, stable and used in workflow ids (`document:GRO:…`).
 */
export interface Ople {
  id: string;
  acronym: string;
  state: string;
}

export const OPLES: readonly Ople[] = [
  { id: 'AGU', acronym: 'IEE Aguascalientes', state: 'Aguascalientes' },
  { id: 'BCN', acronym: 'IEEBC', state: 'Baja California' },
  { id: 'BCS', acronym: 'IEEBCS', state: 'Baja California Sur' },
  { id: 'CAM', acronym: 'IEEC', state: 'Campeche' },
  { id: 'COA', acronym: 'IEC Coahuila', state: 'Coahuila' },
  { id: 'COL', acronym: 'IEE Colima', state: 'Colima' },
  { id: 'CHP', acronym: 'IEPC Chiapas', state: 'Chiapas' },
  { id: 'CHH', acronym: 'IEE Chihuahua', state: 'Chihuahua' },
  { id: 'CMX', acronym: 'IECM', state: 'Ciudad de México' },
  { id: 'DUR', acronym: 'IEPC Durango', state: 'Durango' },
  { id: 'GUA', acronym: 'IEEG', state: 'Guanajuato' },
  { id: 'GRO', acronym: 'IEPC Guerrero', state: 'Guerrero' },
  { id: 'HID', acronym: 'IEEH', state: 'Hidalgo' },
  { id: 'JAL', acronym: 'IEPC Jalisco', state: 'Jalisco' },
  { id: 'MEX', acronym: 'IEEM', state: 'Estado de México' },
  { id: 'MIC', acronym: 'IEM', state: 'Michoacán' },
  { id: 'MOR', acronym: 'IMPEPAC', state: 'Morelos' },
  { id: 'NAY', acronym: 'IEE Nayarit', state: 'Nayarit' },
  { id: 'NLE', acronym: 'IEEPCNL', state: 'Nuevo León' },
  { id: 'OAX', acronym: 'IEEPCO', state: 'Oaxaca' },
  { id: 'PUE', acronym: 'IEE Puebla', state: 'Puebla' },
  { id: 'QUE', acronym: 'IEEQ', state: 'Querétaro' },
  { id: 'ROO', acronym: 'IEQROO', state: 'Quintana Roo' },
  { id: 'SLP', acronym: 'CEEPAC', state: 'San Luis Potosí' },
  { id: 'SIN', acronym: 'IEES', state: 'Sinaloa' },
  { id: 'SON', acronym: 'IEE Sonora', state: 'Sonora' },
  { id: 'TAB', acronym: 'IEPC Tabasco', state: 'Tabasco' },
  { id: 'TAM', acronym: 'IETAM', state: 'Tamaulipas' },
  { id: 'TLA', acronym: 'ITE', state: 'Tlaxcala' },
  { id: 'VER', acronym: 'OPLE Veracruz', state: 'Veracruz' },
  { id: 'YUC', acronym: 'IEPAC', state: 'Yucatán' },
  { id: 'ZAC', acronym: 'IEEZ', state: 'Zacatecas' },
];

const byId = new Map(OPLES.map((o) => [o.id, o]));

export function findOple(id: string): Ople | undefined {
  return byId.get(id);
}
