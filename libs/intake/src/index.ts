// The intake parser: correspondence text (as typed or as extracted from PDF) → structured oficios.
export type { MeetingTime, OficioKind, ParseOptions, ParseResult, ParsedOficio, ReminderItem, TextSpan } from './model';
export { OFICIO_KINDS } from './model';
export { MAX_INPUT_LENGTH, parseCorrespondence } from './parse-correspondence';
export type { IntakeJson } from './intake-json';
export { toIntakeJson } from './intake-json';
export type { SummaryInput } from './summary';
export { formatReportEntry, summarize } from './summary';
export { PHRASES, classify } from './classify';
export type { Classification } from './classify';
export { recogniseDeliverable } from './deliverables';
export type { RecognisedDeliverable } from './deliverables';
export { findDates, formatLongDate, resolveDate } from './dates';
export type { FoundDate } from './dates';
export { findOficioNumbers, senderOf } from './oficio-numbers';
export type { FoundOficioNumber } from './oficio-numbers';
export { normalizeText } from './normalize-text';
export type { NormalizedText } from './normalize-text';
export { fold } from './fold';
