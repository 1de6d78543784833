// The 32 OPLEs, the entregables of lineamiento 33 and the months in Spanish: pure data from the
// domain's catalogue (no code, no imports), shared so the console and the API never disagree on a
// title or a date's words. The lint fence lets apps/web reach into libs/ only here.
export { OPLES, findOple, type Ople } from '../../../libs/domain/src/catalogue/oples';
export { DELIVERABLES, findDeliverable, type Deliverable } from '../../../libs/domain/src/catalogue/deliverables';
export { MONTHS } from '../../../libs/domain/src/catalogue/months';
