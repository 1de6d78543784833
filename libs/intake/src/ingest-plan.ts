import { type IneOficioCommand, type OpleOficioCommand, findDeliverable, isIneOficio } from '@seguimiento/domain';
import type { ParsedOficio } from './model';
import { planOutgoing } from './outgoing-register';

/** The doors' inputs, shared with the application layer (defined by the domain, which both import). */
export type { IneOficioCommand, OpleOficioCommand };

/**
 * How one parsed oficio enters the system: through INE's door or the OPLE's, with the same inputs
 * an operator would type into recordIneOficio / recordOpleOficio — or not at all, with the reasons
 * a person must look at it. Pure: the routing by citations happens behind the doors.
 */
export type IngestStep =
  | {
      door: 'INE';
      input: IneOficioCommand;
      assumptions: string[];
      pending?: PendingItem[];
      /**
       * A review about several entregables ("entregables 18 y 19"): the same oficio recorded on
       * each entregable's document, one input each (`input` is the first). Each names its
       * entregable and version, and is recorded on that document, not where the citations lead.
       */
      each?: IneOficioCommand[];
    }
  | { door: 'OPLE'; input: OpleOficioCommand; assumptions: string[] }
  | { door: 'NONE'; reasons: string[] };

/**
 * A reminder item left for a person while the reminder's other items are recorded: its words and
 * why. Also said among the step's assumptions (the only per-oficio notes the ingest report of
 * the GraphQL door carries), beginning with PENDING_NOTE.
 */
export const PENDING_NOTE = 'queda para revisión';

/** Whether an assumption of an ingest step is in fact a reminder item left for review. */
export function isPendingNote(note: string): boolean {
  return note.startsWith(PENDING_NOTE);
}

export interface PendingItem {
  title: string;
  reason: string;
}

/**
 * The version a deliverable's oficio concerns: as stated; a single-version entregable is its
 * final version; otherwise the proyecto is assumed, and the assumption is said.
 */
function versionOf(
  deliverable: number,
  stated: 'PROYECTO' | 'FINAL' | null,
  assumptions: string[],
): 'PROYECTO' | 'FINAL' {
  if (stated) return stated;
  if (!findDeliverable(deliverable)?.twoVersions) return 'FINAL';
  assumptions.push(
    `se supone el proyecto del entregable ${deliverable}: el oficio no dice si es el proyecto o la versión final`,
  );
  return 'PROYECTO';
}

export function planIngest(oficio: ParsedOficio, ople: string): IngestStep {
  // The OPLE's own oficios ("oficios enviados") are planned by what they cite (outgoing-register.ts).
  const outgoing = planOutgoing(oficio, ople, versionOf);
  if (outgoing) return outgoing;
  if (oficio.needsReview)
    return {
      door: 'NONE',
      reasons: oficio.reviewReasons.length ? oficio.reviewReasons : ['el analizador pidió revisión'],
    };
  const reasons: string[] = [];
  if (!oficio.number) reasons.push('no se encontró el número del oficio');
  if (!oficio.date) reasons.push('no se encontró la fecha del oficio');
  if (!oficio.kind) reasons.push('no se reconoce el tipo de oficio');
  if (reasons.length) return { door: 'NONE', reasons };
  const base = { ople, oficioNumber: oficio.number!, date: oficio.date!, references: oficio.references };
  const assumptions: string[] = [];
  const deliverable = oficio.deliverable ?? undefined;
  const several = oficio.deliverables.length > 1 ? oficio.deliverables : null;
  const named = several ? several.join(' y ') : '';
  // One review about several documents (rule 3: "entregables 18 y 19"): the answer is recorded
  // on each entregable's document, with the same number.
  if (several && oficio.kind === 'REVIEW' && isIneOficio(oficio.number!) && oficio.outcome) {
    const each = several.map((n): IneOficioCommand => ({
      ...base,
      kind: 'REVIEW',
      outcome: oficio.outcome!,
      additionalObservations: oficio.additionalObservations ?? false,
      deliverable: n,
      versionKind: versionOf(n, oficio.deliverableVersion, assumptions),
    }));
    assumptions.push(`el oficio trata de los entregables ${named}; se anota en el documento de cada uno`);
    return { door: 'INE', input: each[0], assumptions, each };
  }
  // An OPLE's oficio about several documents: the door records a submission on one document,
  // so each must be recorded by hand (once per entregable, with the same number).
  if (several && (oficio.kind === 'REVIEW' || !isIneOficio(oficio.number!))) {
    return {
      door: 'NONE',
      reasons: [
        `el oficio trata de los entregables ${named}: el registro automático anota un oficio en un solo documento; regístrelo en el documento de cada entregable (${several
          .map((n) => `entregable ${n}`)
          .join(', ')}) con el mismo número de oficio`,
      ],
    };
  }
  // A request, invitation or notice only names its entregable: the first is kept, the rest said.
  if (several)
    assumptions.push(`el oficio trata de los entregables ${named}; se anota con el entregable ${several[0]}`);
  // Only a document needs its version (reviews and the OPLE's submissions); requests and notices just name the entregable.
  const version = () =>
    deliverable !== undefined ? versionOf(deliverable, oficio.deliverableVersion, assumptions) : undefined;

  if (!isIneOficio(oficio.number!))
    return { door: 'OPLE', input: { ...base, deliverable, versionKind: version() }, assumptions };

  const subject = oficio.subject ?? oficio.summary;
  switch (oficio.kind!) {
    case 'REVIEW':
      if (!oficio.outcome)
        return {
          door: 'NONE',
          reasons: ['no se reconoce qué resuelve la revisión (observaciones, atendidas, recibido)'],
        };
      if (deliverable === undefined && oficio.references.length === 0) {
        return {
          door: 'NONE',
          reasons: [
            'no se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33',
          ],
        };
      }
      return {
        door: 'INE',
        input: {
          ...base,
          kind: 'REVIEW',
          outcome: oficio.outcome,
          additionalObservations: oficio.additionalObservations ?? false,
          deliverable,
          versionKind: version(),
          // Only a version the oficio names wins over the document its citations lead to.
          ...(deliverable !== undefined && !oficio.deliverableVersion && findDeliverable(deliverable)?.twoVersions
            ? { versionAssumed: true as const }
            : {}),
        },
        assumptions,
      };
    case 'REQUEST':
      return {
        door: 'INE',
        input: { ...base, kind: 'REQUEST', subject, dueDate: oficio.deadline ?? undefined, deliverable },
        assumptions,
      };
    case 'REMINDER': {
      if (oficio.items.length === 0)
        return { door: 'NONE', reasons: ['el recordatorio no lista ningún entregable reconocible'] };
      const usable = oficio.items.filter((i) => i.deliverable !== null && i.dueDate !== null);
      const pending: PendingItem[] = oficio.items
        .filter((i) => i.deliverable === null || i.dueDate === null)
        .map((i) => ({
          title: i.title,
          reason: [
            i.deliverable === null ? 'no se reconoce el entregable' : null,
            i.dueDate === null ? 'no se encontró el plazo' : null,
          ]
            .filter(Boolean)
            .join(' y '),
        }));
      const described = (p: PendingItem) =>
        `elemento sin ${p.reason.startsWith('no se reconoce') ? 'entregable reconocible' : 'plazo'}: «${p.title.slice(0, 80)}»`;
      if (usable.length === 0) return { door: 'NONE', reasons: pending.map(described) };
      // Partial is better than nothing: the items read are recorded, the others wait for a person.
      const items = usable.map((i) => ({
        deliverable: i.deliverable!,
        versionKind: versionOf(i.deliverable!, i.version, assumptions),
        title: i.title,
        dueDate: i.dueDate!,
      }));
      const others =
        items.length === 1 ? 'se registra el otro elemento' : `se registran los otros ${items.length} elementos`;
      for (const p of pending)
        assumptions.push(`${PENDING_NOTE} «${p.title.slice(0, 80)}»: ${p.reason}; ${others} del recordatorio`);
      return {
        door: 'INE',
        input: { ...base, kind: 'REMINDER', items },
        assumptions,
        ...(pending.length ? { pending } : {}),
      };
    }
    case 'INVITATION':
      return {
        door: 'INE',
        input: { ...base, kind: 'INVITATION', subject, meetingAt: oficio.meeting?.at, deliverable },
        assumptions,
      };
    case 'NOTICE':
      return { door: 'INE', input: { ...base, kind: 'NOTICE', subject, deliverable }, assumptions };
  }
}
