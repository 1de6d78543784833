import { findOple } from '@seguimiento/domain';
import { parseCorrespondence } from '@seguimiento/intake';
import type { Commissions } from '../commission';
import type { CorrespondenceReport } from '../report.model';

/** Where the specs read the seed's text (IEPC Guerrero's report 009/CESIOPREP/SO/22-03-2024) and the repository's commissions, relative to this folder. */
export const SEED_TEXT_PATH = '../../../intake/src/testing/seed-report.txt';
export const COMMISSIONS_PATH = '../../../../config/commissions.json';

/**
 * The seed's report rebuilt from its own oficios, as parsed (no log, no gateway), with the
 * commission of GRO as `commissions` configures it. Pure: the specs read the files.
 */
export function seedReport(
  seedText: string,
  commissions: Commissions,
  overrides: Partial<CorrespondenceReport> = {},
): CorrespondenceReport {
  const ople = findOple('GRO')!;
  return {
    ople,
    commission: commissions.of(ople),
    from: '2024-02-18',
    to: '2024-03-21',
    generatedAt: '2024-03-22T17:00:00.000Z',
    received: parseCorrespondence(seedText).oficios.map((o) => ({ number: o.number!, date: o.date, oficio: o })),
    sent: [],
    documents: [
      {
        id: 'document:GRO:e11-proyecto',
        deliverable: 11,
        versionKind: 'PROYECTO',
        title: 'Prototipo navegable del sitio de publicación y formato de base de datos',
        status: 'con observaciones',
        ballInCourt: 'OPLE',
        openObservations: 2,
        dueDate: '2024-02-27',
        overdue: true,
      },
      {
        id: 'document:GRO:e16-final',
        deliverable: 16,
        versionKind: 'FINAL',
        title: 'Versión Final del Plan de Seguridad y Plan de Continuidad',
        status: 'esperado (aún no remitido)',
        ballInCourt: 'OPLE',
        openObservations: 0,
        dueDate: '2024-04-07',
        overdue: false,
      },
      {
        id: 'document:GRO:e3-final',
        deliverable: 3,
        versionKind: 'FINAL',
        title: 'Informe del mes de marzo sobre el avance en la implementación y operación del PREP',
        status: 'esperado (aún no remitido)',
        ballInCourt: 'OPLE',
        openObservations: 0,
        dueDate: '2024-04-05',
        overdue: false,
      },
    ],
    overdue: [
      {
        id: 'document:GRO:e11-proyecto',
        what: 'Entregable 11 (proyecto): Prototipo navegable del sitio de publicación y formato de base de datos',
        dueDate: '2024-02-27',
        party: 'OPLE',
      },
      {
        id: 'request:GRO:ine-utsi-1221-2024',
        what: 'Solicitud INE/UTSI/1221/2024: se informe el estatus en el que se encuentra el proceso de contratación',
        dueDate: '2024-03-04',
        party: 'OPLE',
      },
    ],
    dueNext: [
      {
        id: 'document:GRO:e3-final',
        what: 'Entregable 3 (versión final): Informe del mes de marzo sobre el avance en la implementación y operación del PREP',
        dueDate: '2024-04-05',
        party: 'OPLE',
      },
    ],
    pendingReview: [],
    ...overrides,
  };
}
