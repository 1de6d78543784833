/**
 * The entregables of lineamiento 33, Anexo 13 del Reglamento de Elecciones (short titles).
 * `twoVersions`: the OPLE sends a proyecto (preliminary) and a versión final, both reviewed.
 */
export interface Deliverable {
  number: number;
  title: string;
  twoVersions: boolean;
}

const d = (number: number, title: string, twoVersions = false): Deliverable => ({ number, title, twoVersions });

export const DELIVERABLES: readonly Deliverable[] = [
  d(1, 'Acuerdo de creación de la comisión del PREP'),
  d(2, 'Designación de la instancia interna responsable del PREP'),
  d(3, 'Informes mensuales de avance'),
  d(4, 'Acuerdo de integración del COTAPREP', true),
  d(5, 'Plan de trabajo y calendario de sesiones del COTAPREP'),
  d(6, 'Plan de trabajo del PREP'),
  d(7, 'Acuerdo sobre la operación del PREP por el OPLE o con un tercero', true),
  d(8, 'Acuerdo del proceso técnico operativo', true),
  d(9, 'Candidatos a ente auditor'),
  d(10, 'Instrumento jurídico con el tercero y su anexo técnico', true),
  d(11, 'Prototipo navegable del sitio de publicación y formato de base de datos', true),
  d(12, 'Ubicación de los CATD y CCV', true),
  d(13, 'Acuerdo de supervisión de los CATD por los consejos', true),
  d(14, 'Designación del ente auditor', true),
  d(15, 'Instrumento jurídico con el ente auditor y su anexo técnico', true),
  d(16, 'Plan de seguridad y plan de continuidad', true),
  d(17, 'Fecha y hora de inicio de la publicación', true),
  d(18, 'Número de actualizaciones por hora de los datos (al menos tres)', true),
  d(19, 'Número de actualizaciones por hora de las bases de datos (al menos tres)', true),
  d(20, 'Fecha y hora de la última actualización', true),
  d(21, 'Fecha, hora y lugar del simulacro o prueba del sistema'),
  d(22, 'Procedimiento para consultar vía remota el sitio durante las pruebas'),
  d(23, 'Informe de evaluación de la prueba'),
  d(24, 'Convocatoria para difusores oficiales'),
  d(25, 'Lista de difusores y sus direcciones electrónicas'),
  d(26, 'Dirección electrónica de publicación para simulacros y operación'),
  d(27, 'Informe de todos los simulacros'),
  d(28, 'Acta de cierre de la publicación'),
  d(29, 'Informes final y de evaluación del ente auditor'),
  d(30, 'Actas notariales'),
  d(31, 'Informe final del PREP'),
  d(32, 'Informe final del COTAPREP'),
  d(33, 'Cualquier modificación a lo anterior'),
  d(34, 'Cualquier otro documento del PREP que emita el OPLE'),
];

export function findDeliverable(number: number): Deliverable | undefined {
  return Number.isInteger(number) ? DELIVERABLES[number - 1] : undefined;
}
