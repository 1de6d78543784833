import { findDeliverable } from '../catalogue/deliverables';
import { deadlineAfter, deadlineOn } from '../deadlines/deadline';
import { acknowledgement, escalationToRaise, extension, withAcknowledgement } from '../deadlines/deadline-decisions';
import { type ClosedDeadline, closing, endedAs, metBy } from '../deadlines/deadline-outcome';
import { type FollowUpPolicy, policyWith } from '../deadlines/policy';
import { isIneOficio, normalizeOficioNumber } from '../oficio/oficio-number';
import { DomainError, assertNever } from '../shared/domain-error';
import type {
  DocumentCommand,
  DocumentIdentity,
  ExpectDocumentData,
  ExtendDeadlineData,
  RaiseEscalationData,
  RecordIneAnswerData,
  SubmitDocumentData,
  WithdrawDocumentData,
} from './document.commands';
import type {
  DocumentEvent,
  IneAnswerRecordedData,
  JudgedObservation,
  ObservationStatus,
  OpenedBy,
  RaisedObservation,
} from './document.events';
import { type DocumentState, type Observation, initialDocumentState, isDocumentClosed } from './document.state';
import {
  validateExpectation,
  validateExtension,
  validateIdentity,
  validateIneAnswer,
  validateSubmission,
  validateWithdrawal,
} from './document.validation';

/**
 * Rules of a document's rounds that changed after workflows were already following documents:
 * each one can be switched off so that a workflow replaying its history decides as it did then
 * (the workflow asks `patched()`; see workflows/README.md).
 */
export interface DocumentRules {
  /** Issue 15, rule 1: the latest round speaks for the earlier ones. */
  latestRoundSpeaksForEarlier: boolean;
}

export const CURRENT_DOCUMENT_RULES: DocumentRules = { latestRoundSpeaksForEarlier: true };

/**
 * Decides which events a command produces on a document in a given state. Pure: throws a
 * DomainError with a stable code when the command is impossible, and never changes anything.
 * A command that was already carried out (the same oficio recorded again) decides no events.
 */
export function decideDocument(
  command: DocumentCommand,
  state: DocumentState,
  rules: DocumentRules = CURRENT_DOCUMENT_RULES,
): DocumentEvent[] {
  switch (command.type) {
    case 'ExpectDocument':
      return decideExpect(command.data, state);
    case 'SubmitDocument':
      return decideSubmit(command.data, state);
    case 'RecordIneAnswer':
      return decideIneAnswer(command.data, state, rules);
    case 'WithdrawDocument':
      return decideWithdraw(command.data, state);
    case 'ExtendDeadline':
      return decideExtend(command.data, state);
    case 'RaiseEscalation':
      return decideEscalation(command.data, state);
    case 'AcknowledgeEscalation': {
      const ack = acknowledgement(state.escalations, command.data);
      return ack ? [{ type: 'EscalationAcknowledged', data: ack }] : [];
    }
    default:
      return assertNever(command, 'command');
  }
}

/** Folds one event into the state. Pure and total: the same events always give the same state. */
export function evolveDocument(state: DocumentState, event: DocumentEvent): DocumentState {
  const next = evolveData(state, event);
  return { ...next, version: state.version + 1 };
}

export function foldDocument(
  events: readonly DocumentEvent[],
  from: DocumentState = initialDocumentState,
): DocumentState {
  return events.reduce(evolveDocument, from);
}

function evolveData(state: DocumentState, event: DocumentEvent): DocumentState {
  switch (event.type) {
    case 'DocumentOpened': {
      const d = event.data;
      return {
        ...state,
        documentId: d.documentId,
        ople: d.ople,
        deliverable: d.deliverable,
        versionKind: d.versionKind,
        title: d.title,
        sourceOficio: d.sourceOficio,
        policy: d.policy,
        oficios: d.sourceOficio
          ? [...state.oficios, { number: d.sourceOficio, direction: 'IN', date: d.sourceDate ?? null, role: 'SOURCE' }]
          : state.oficios,
      };
    }
    case 'DocumentSubmitted': {
      const d = event.data;
      return {
        ...state,
        status: 'UNDER_REVIEW',
        ballInCourt: 'INE',
        submissions: d.submission,
        lastOficioNumber: d.oficioNumber,
        lastSubmittedOn: d.submittedOn,
        ...closing(
          state,
          state.deadline?.party === 'OPLE' ? metBy(state.deadline, d.oficioNumber, d.submittedOn) : null,
        ),
        rounds: [...state.rounds, emptyRound(state.rounds.length + 1, d.oficioNumber, d.submittedOn)],
        oficios: [
          ...state.oficios,
          { number: d.oficioNumber, direction: 'OUT', date: d.submittedOn, role: 'SUBMISSION' },
        ],
      };
    }
    case 'IneAnswerRecorded':
      return evolveAnswer(state, event.data);
    case 'DocumentResolved':
      return { ...state, status: 'RESOLVED', ballInCourt: 'NONE', resolution: event.data.resolution };
    case 'DeadlineSet':
      return { ...state, deadline: event.data.deadline };
    case 'DeadlineExtended': {
      const d = event.data;
      const oficios = d.oficioNumber
        ? [
            ...state.oficios,
            { number: d.oficioNumber, direction: 'IN' as const, date: null, role: 'EXTENSION' as const },
          ]
        : state.oficios;
      return {
        ...state,
        deadline: d.deadline,
        oficios,
        ...closing(state, endedAs(d.previous, 'EXTENDED', d.oficioNumber)),
      };
    }
    case 'DocumentWithdrawn': {
      const d = event.data;
      const oficios = d.oficioNumber
        ? [
            ...state.oficios,
            { number: d.oficioNumber, direction: 'OUT' as const, date: d.date, role: 'WITHDRAWAL' as const },
          ]
        : state.oficios;
      const cancelled = state.deadline ? endedAs(state.deadline, 'CANCELLED', d.oficioNumber, d.date) : null;
      return { ...state, status: 'WITHDRAWN', ballInCourt: 'NONE', oficios, ...closing(state, cancelled) };
    }
    case 'EscalationRaised':
      return { ...state, escalations: [...state.escalations, { ...event.data }] };
    case 'EscalationAcknowledged':
      return { ...state, escalations: withAcknowledgement(state.escalations, event.data) };
    default:
      return assertNever(event, 'event');
  }
}

function emptyRound(number: number, submittedBy: string | null, submittedOn: string | null) {
  return {
    number,
    submittedBy,
    submittedOn,
    answeredBy: null,
    answeredOn: null,
    outcome: null,
    additionalObservations: null,
  };
}

/**
 * How INE's answer ends the running deadline: its own review period, met by the answer's date;
 * or the OPLE's, met as inferred — INE reviews again, so the OPLE answered in between, on a day
 * nobody recorded (issue 15, rule 8).
 */
function endedByAnswer(state: DocumentState, d: IneAnswerRecordedData): ClosedDeadline | null {
  if (!state.deadline) return null;
  if (state.deadline.party === 'INE') return metBy(state.deadline, d.oficioNumber, d.date);
  return d.submissionInferred ? endedAs(state.deadline, 'MET_INFERRED') : null;
}

function evolveAnswer(state: DocumentState, d: IneAnswerRecordedData): DocumentState {
  const rounds = d.submissionInferred
    ? [...state.rounds, emptyRound(state.rounds.length + 1, null, null)]
    : [...state.rounds];
  const current = rounds[rounds.length - 1];
  rounds[rounds.length - 1] = {
    ...current,
    answeredBy: d.oficioNumber,
    answeredOn: d.date,
    outcome: d.outcome,
    additionalObservations: d.additionalObservations,
  };
  const judged = new Map(d.judged.map((j) => [j.id, j]));
  const observations: Observation[] = [
    ...state.observations,
    ...d.raised.map((r) => ({
      ...r,
      raisedInRound: r.inferred ? Math.max(0, current.number - 1) : current.number,
      status: 'OPEN' as const,
      lastJudgedBy: null,
    })),
  ].map((o) => {
    const j = judged.get(o.id);
    return j ? { ...o, status: j.to, lastJudgedBy: d.oficioNumber, ...(j.carried ? { carried: true } : {}) } : o;
  });
  const open = observations.some((o) => o.status !== 'ADDRESSED');
  return {
    ...state,
    ...closing(state, endedByAnswer(state, d)),
    status: open ? 'OBSERVED' : state.status,
    ballInCourt: open ? 'OPLE' : state.ballInCourt,
    rounds,
    observations,
    oficios: [
      ...state.oficios,
      ...d.inferredOficios.map((number) => ({
        number,
        direction: 'IN' as const,
        date: null,
        role: 'INFERRED' as const,
      })),
      { number: d.oficioNumber, direction: 'IN', date: d.date, role: 'ANSWER' },
    ],
  };
}

// ── deciding ────────────────────────────────────────────────────────────────────────────────

const knows = (state: DocumentState, oficio: string) => state.oficios.some((o) => o.number === oficio);

function policyOf(state: DocumentState): FollowUpPolicy {
  return state.policy ?? policyWith();
}

function rejectIfClosed(state: DocumentState): void {
  if (state.status === 'WITHDRAWN')
    throw new DomainError('DOCUMENT_WITHDRAWN', `El documento ${state.documentId} fue retirado: ya no admite cambios.`);
  if (state.status === 'RESOLVED') {
    throw new DomainError(
      'DOCUMENT_RESOLVED',
      `El documento ${state.documentId} ya está resuelto (${state.resolution === 'ACCEPTED' ? 'recibido' : 'observaciones atendidas'}).`,
    );
  }
}

/** The DocumentOpened event for a new case, or nothing when the case exists and is the same document. */
function openIfNew(
  identity: DocumentIdentity,
  state: DocumentState,
  openedBy: OpenedBy,
  sourceOficio: string | null,
  sourceDate?: string,
): DocumentEvent[] {
  validateIdentity(identity);
  if (state.version > 0) {
    if (identity.deliverable !== state.deliverable || identity.versionKind !== state.versionKind) {
      throw new DomainError(
        'IDENTITY_MISMATCH',
        `deliverable: el documento ${state.documentId} es el entregable ${state.deliverable} (${state.versionKind}), no el ${identity.deliverable} (${identity.versionKind}).`,
        'deliverable',
      );
    }
    return [];
  }
  return [
    {
      type: 'DocumentOpened',
      data: {
        documentId: identity.documentId,
        ople: identity.ople,
        deliverable: identity.deliverable,
        versionKind: identity.versionKind,
        title: identity.title?.trim() || findDeliverable(identity.deliverable)!.title,
        openedBy,
        sourceOficio,
        ...(sourceDate ? { sourceDate } : {}),
        policy: policyWith(identity.policy),
      },
    },
  ];
}

function decideExpect(data: ExpectDocumentData, state: DocumentState): DocumentEvent[] {
  validateExpectation(data);
  const source = data.sourceOficio ? normalizeOficioNumber(data.sourceOficio) : null;
  if (state.version > 0) {
    openIfNew(data, state, 'EXPECTATION', source); // checks the identity
    // Already submitted, answered or closed: the expectation is met. Expected again: the new date rules.
    if (state.status !== 'EXPECTED' || state.deadline?.dueDate === data.dueDate) return [];
    return [{ type: 'DeadlineSet', data: { deadline: deadlineOn('OPLE', 'DELIVERY', data.dueDate) } }];
  }
  return [
    ...openIfNew(data, state, 'EXPECTATION', source, data.sourceDate),
    { type: 'DeadlineSet', data: { deadline: deadlineOn('OPLE', 'DELIVERY', data.dueDate) } },
  ];
}

function decideSubmit(data: SubmitDocumentData, state: DocumentState): DocumentEvent[] {
  validateSubmission(data);
  const oficioNumber = normalizeOficioNumber(data.oficioNumber);
  if (knows(state, oficioNumber)) return []; // the same submission, recorded again
  rejectIfClosed(state);
  if (state.ballInCourt === 'INE') {
    throw new DomainError(
      'REVIEW_PENDING',
      `El documento ${data.documentId} ya está en revisión del INE: no se puede reenviar hasta recibir su oficio de respuesta.`,
    );
  }
  const opened = openIfNew(data, state, 'SUBMISSION', null);
  const policy = opened.length ? policyWith(data.policy) : policyOf(state);
  return [
    ...opened,
    {
      type: 'DocumentSubmitted',
      data: {
        oficioNumber,
        submittedOn: data.submittedOn,
        submission: state.submissions + 1,
        ...citing(data.references),
      },
    },
    {
      type: 'DeadlineSet',
      data: { deadline: deadlineAfter('INE', 'REVIEW', data.submittedOn, policy.ineReviewDays, policy) },
    },
  ];
}

/**
 * INE's oficio about the document, in named steps: the chain it cites, the observations standing
 * in for links never recorded, what it judges of the cited rounds (and, when the latest round
 * speaks for them, of the earlier ones), what it raises, and what follows — resolved, or the
 * OPLE's clock.
 */
function decideIneAnswer(data: RecordIneAnswerData, state: DocumentState, rules: DocumentRules): DocumentEvent[] {
  validateIneAnswer(data);
  const oficioNumber = normalizeOficioNumber(data.oficioNumber);
  if (alreadyInChain(state, oficioNumber)) return [];
  rejectIfClosed(state);
  const opened = openedByAnswer(data, state);
  const policy = opened.length ? policyWith(data.identity?.policy) : policyOf(state);
  const { references, cited, inferredOficios } = citedChain(data, state, oficioNumber);
  const standIns = standInsFor(inferredOficios);
  const pool = observationPool(state, standIns);
  const judged = judgedByAnswer(data, pool, cited);
  if (rules.latestRoundSpeaksForEarlier && speaksForEarlierRounds(data, state, references))
    judged.push(...carriedInto(pool, judged));
  const raised = rejectingDuplicates(state, [...standIns, ...raisedByAnswer(data, oficioNumber)]);
  const answer: IneAnswerRecordedData = {
    oficioNumber,
    date: data.date,
    outcome: data.outcome,
    additionalObservations: data.additionalObservations,
    references,
    inferredOficios,
    submissionInferred: state.ballInCourt !== 'INE',
    raised,
    judged,
  };
  const resolves =
    (data.outcome === 'ADDRESSED' || data.outcome === 'ACCEPTED') &&
    !data.additionalObservations &&
    !leavesOpen(pool, raised, judged);
  return [
    ...opened,
    { type: 'IneAnswerRecorded', data: answer },
    ...(resolves ? resolution(data, oficioNumber) : opleClock(data, policy)),
  ];
}

/** Recorded already, or already standing in as an inferred earlier link of this chain. */
function alreadyInChain(state: DocumentState, oficioNumber: string): boolean {
  return state.oficios.some((o) => o.number === oficioNumber && (o.role === 'ANSWER' || o.role === 'INFERRED'));
}

/** The DocumentOpened event when the answer is the first the document hears of (it must then say what it is). */
function openedByAnswer(data: RecordIneAnswerData, state: DocumentState): DocumentEvent[] {
  if (state.version > 0) return [];
  if (!data.identity) {
    throw new DomainError(
      'UNKNOWN_DOCUMENT',
      'identity: el oficio responde a un documento que no está registrado; indique el entregable y la versión.',
      'identity',
    );
  }
  return openIfNew(data.identity, state, 'INE_ANSWER', null);
}

/**
 * The oficios the answer cites, and which of them it judges: those the document knows, or — for
 * a chain whose first links were never recorded — the unknown INE oficios, taken as earlier
 * links. Only a document INE has not answered yet can take them; otherwise the answer belongs to
 * some other document.
 */
function citedChain(
  data: RecordIneAnswerData,
  state: DocumentState,
  oficioNumber: string,
): { references: string[]; cited: Set<string>; inferredOficios: string[] } {
  const references = unique(data.references.map(normalizeOficioNumber)).filter((r) => r !== oficioNumber);
  const known = references.filter((r) => knows(state, r));
  let inferredOficios: string[] = [];
  if (references.length > 0 && known.length === 0) {
    if (state.oficios.some((o) => o.role === 'ANSWER')) {
      throw new DomainError(
        'UNKNOWN_REFERENCE',
        `references: el oficio ${oficioNumber} cita ${references.join(', ')}, que no pertenecen al documento ${state.documentId}.`,
        'references',
      );
    }
    inferredOficios = references.filter(isIneOficio);
  }
  if (judgesCited(data) && references.length === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'references: un oficio que tiene por atendidas observaciones debe citar el oficio que las remitió.',
      'references',
    );
  }
  return { references, cited: new Set([...known, ...inferredOficios]), inferredOficios };
}

const judgesCited = (data: RecordIneAnswerData): boolean =>
  data.outcome === 'PARTIALLY_ADDRESSED' || data.outcome === 'ADDRESSED';

/** One observation standing for the observations of each cited oficio the system never saw. */
function standInsFor(inferredOficios: string[]): RaisedObservation[] {
  return inferredOficios.map((ref) => ({
    id: `${ref}#1`,
    text: `Observaciones remitidas mediante oficio ${ref}`,
    raisedBy: ref,
    inferred: true,
  }));
}

type PooledObservation = { id: string; status: ObservationStatus; raisedBy: string };

/** The observations an answer can judge: the document's, and the stand-ins for inferred links. */
function observationPool(state: DocumentState, standIns: RaisedObservation[]): PooledObservation[] {
  return [
    ...state.observations,
    ...standIns.map((r) => ({ id: r.id, status: 'OPEN' as ObservationStatus, raisedBy: r.raisedBy })),
  ];
}

/** A change of status for each observation not yet addressed whose status the answer changes. */
function judge(targets: PooledObservation[], to: (id: string) => ObservationStatus): JudgedObservation[] {
  return targets
    .filter((o) => o.status !== 'ADDRESSED' && o.status !== to(o.id))
    .map((o) => ({ id: o.id, from: o.status, to: to(o.id) }));
}

/**
 * What the answer says of the observations it judges: those of the cited oficios addressed, or
 * partially (but the ones it names); "se tiene por recibido" addresses everything.
 */
function judgedByAnswer(data: RecordIneAnswerData, pool: PooledObservation[], cited: Set<string>): JudgedObservation[] {
  if (data.outcome === 'ACCEPTED') return judge(pool, () => 'ADDRESSED');
  if (!judgesCited(data)) return [];
  const targets = pool.filter((o) => cited.has(o.raisedBy));
  if (data.outcome === 'ADDRESSED') return judge(targets, () => 'ADDRESSED');
  const addressed = new Set(data.addressedObservationIds ?? []);
  const unknownIds = [...addressed].filter((id) => !targets.some((t) => t.id === id));
  if (unknownIds.length) {
    throw new DomainError(
      'INVALID_INPUT',
      `addressedObservationIds: ${unknownIds.join(', ')} no son observaciones de los oficios citados.`,
      'addressedObservationIds',
    );
  }
  return judge(targets, (id) => (addressed.has(id) ? 'ADDRESSED' : 'PARTIALLY_ADDRESSED'));
}

/**
 * Issue 15, rule 1: INE has the observations of its latest oficio on the document addressed and
 * generates none additional. What remained of earlier, partially addressed rounds was carried
 * into that latest oficio, so it speaks for them too (GUIDE §1: resolved).
 */
function speaksForEarlierRounds(data: RecordIneAnswerData, state: DocumentState, references: string[]): boolean {
  if (data.outcome !== 'ADDRESSED' || data.additionalObservations) return false;
  const latest = latestIneAnswer(state);
  return latest !== null && references.includes(latest);
}

/** The oficio that answered the document's latest answered round. */
function latestIneAnswer(state: DocumentState): string | null {
  const answered = state.rounds.filter((r) => r.answeredBy !== null);
  return answered.length ? answered[answered.length - 1].answeredBy : null;
}

/** The earlier rounds' remnants the latest round speaks for: addressed, marked as carried. */
function carriedInto(pool: PooledObservation[], judged: JudgedObservation[]): JudgedObservation[] {
  const already = new Set(judged.map((j) => j.id));
  return judge(
    pool.filter((o) => !already.has(o.id)),
    () => 'ADDRESSED',
  ).map((j) => ({ ...j, carried: true as const }));
}

/** New observations: a first review, or "se generan observaciones adicionales" (one summary when not itemised). */
function raisedByAnswer(data: RecordIneAnswerData, oficioNumber: string): RaisedObservation[] {
  if (data.outcome !== 'OBSERVATIONS' && !data.additionalObservations) return [];
  const items = data.observations?.length
    ? data.observations
    : [{ text: `Observaciones remitidas mediante oficio ${oficioNumber}` }];
  return items.map((item, i) => ({
    id: item.id?.trim() || `${oficioNumber}#${i + 1}`,
    text: item.text.trim(),
    raisedBy: oficioNumber,
    inferred: false,
  }));
}

/** The raised observations, refused when one of them already exists in the document. */
function rejectingDuplicates(state: DocumentState, raised: RaisedObservation[]): RaisedObservation[] {
  const duplicated = raised.find((r) => state.observations.some((o) => o.id === r.id));
  if (duplicated)
    throw new DomainError(
      'INVALID_INPUT',
      `observations: la observación ${duplicated.id} ya existe en el documento.`,
      'observations',
    );
  return raised;
}

/** Whether any observation — the document's, the stand-ins, the new ones — is left not addressed. */
function leavesOpen(pool: PooledObservation[], raised: RaisedObservation[], judged: JudgedObservation[]): boolean {
  const judgedTo = new Map(judged.map((j) => [j.id, j.to]));
  const fresh = raised
    .filter((r) => !r.inferred)
    .map((r) => ({ id: r.id, status: 'OPEN' as ObservationStatus, raisedBy: r.raisedBy }));
  return [...pool, ...fresh].some((o) => (judgedTo.get(o.id) ?? o.status) !== 'ADDRESSED');
}

/** Resolved: received, or its observations addressed; nobody owes anything. */
function resolution(data: RecordIneAnswerData, oficioNumber: string): DocumentEvent[] {
  return [
    {
      type: 'DocumentResolved',
      data: { oficioNumber, date: data.date, resolution: data.outcome === 'ACCEPTED' ? 'ACCEPTED' : 'ADDRESSED' },
    },
    { type: 'DeadlineSet', data: { deadline: null } },
  ];
}

/** Observations remain: the OPLE's clock to answer them runs from the oficio's date. */
function opleClock(data: RecordIneAnswerData, policy: FollowUpPolicy): DocumentEvent[] {
  return [
    {
      type: 'DeadlineSet',
      data: { deadline: deadlineAfter('OPLE', 'ANSWER', data.date, policy.opleAnswerDays, policy) },
    },
  ];
}

function decideWithdraw(data: WithdrawDocumentData, state: DocumentState): DocumentEvent[] {
  validateWithdrawal(data);
  if (state.version === 0) throw new DomainError('UNKNOWN_DOCUMENT', 'El documento no está registrado.');
  if (state.status === 'WITHDRAWN') return [];
  rejectIfClosed(state);
  return [
    {
      type: 'DocumentWithdrawn',
      data: {
        date: data.date,
        reason: data.reason.trim(),
        oficioNumber: data.oficioNumber ? normalizeOficioNumber(data.oficioNumber) : null,
      },
    },
    { type: 'DeadlineSet', data: { deadline: null } },
  ];
}

function decideExtend(data: ExtendDeadlineData, state: DocumentState): DocumentEvent[] {
  validateExtension(data);
  rejectIfClosed(state);
  const extended = extension(state.documentId, state.deadline, {
    ...data,
    oficioNumber: data.oficioNumber ? normalizeOficioNumber(data.oficioNumber) : null,
  });
  return extended ? [{ type: 'DeadlineExtended', data: extended }] : [];
}

function decideEscalation(data: RaiseEscalationData, state: DocumentState): DocumentEvent[] {
  const raised = escalationToRaise(isDocumentClosed(state) ? null : state.deadline, state.escalations, data);
  return raised ? [{ type: 'EscalationRaised', data: raised }] : [];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The cited oficios, normalised, only when there are some (older events carry none). */
function citing(references: string[] | undefined): { references?: string[] } {
  return references?.length ? { references: references.map(normalizeOficioNumber) } : {};
}
