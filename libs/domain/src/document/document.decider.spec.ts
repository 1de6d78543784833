import type { DocumentSubmittedData } from './document.events';
import type { SubmitDocumentData } from './document.commands';
import { foldDocument } from './document.decider';
import { given } from '../testing/given-when-then';

const submit = (over: Partial<SubmitDocumentData> = {}): { type: 'SubmitDocument'; data: SubmitDocumentData } => ({
  type: 'SubmitDocument',
  data: {
    documentId: 'document:GRO:e15-proyecto',
    ople: 'GRO',
    deliverable: 15,
    versionKind: 'PROYECTO',
    oficioNumber: 'IEPC/GRO/SE/0101/2024',
    submittedOn: '2024-02-09',
    ...over,
  },
});

const submitted = (over: Partial<DocumentSubmittedData> = {}) => ({
  type: 'DocumentSubmitted' as const,
  data: {
    documentId: 'document:GRO:e15-proyecto',
    ople: 'GRO',
    deliverable: 15,
    versionKind: 'PROYECTO' as const,
    title: 'Instrumento jurídico con el ente auditor y su anexo técnico',
    oficioNumber: 'IEPC/GRO/SE/0101/2024',
    submittedOn: '2024-02-09',
    submission: 1,
    ...over,
  },
});

describe('document decider: submit', () => {
  it('given nothing, when the OPLE submits, then DocumentSubmitted with the catalogue title and INE holds the ball', () => {
    const state = given().when(submit()).then([submitted()]);
    expect(state).toMatchObject({ status: 'UNDER_REVIEW', ballInCourt: 'INE', submissions: 1, version: 1 });
  });

  it('normalises the oficio number and keeps a title given by the operator', () => {
    given()
      .when(submit({ oficioNumber: ' iepc/gro/se/0101/2024 ', title: '  Convenio con la UAGro  ' }))
      .then([submitted({ title: 'Convenio con la UAGro' })]);
  });

  it('given a submission under review, when the OPLE submits again, then it is rejected: INE holds the ball', () => {
    given(submitted()).when(submit({ oficioNumber: 'IEPC/GRO/SE/0150/2024' })).thenRejected('REVIEW_PENDING');
  });

  it.each([
    ['ople', { ople: 'GUERRERO' }],
    ['deliverable', { deliverable: 0 }],
    ['deliverable', { deliverable: 35 }],
    ['deliverable', { deliverable: 1.5 }],
    ['versionKind', { versionKind: 'BORRADOR' as never }],
    ['oficioNumber', { oficioNumber: 'oficio 12' }],
    ['oficioNumber', { oficioNumber: 'INE/UTSI/1121/24' }],
    ['submittedOn', { submittedOn: '2024-02-30' }],
    ['submittedOn', { submittedOn: '09/02/2024' }],
    ['title', { title: 'x'.repeat(501) }],
  ])('rejects a bad %s as INVALID_INPUT naming the field', (field, over) => {
    const error = given().when(submit(over as Partial<SubmitDocumentData>)).thenRejected('INVALID_INPUT', field);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('folds a history into the same state as evolving event by event', () => {
    expect(foldDocument([submitted()])).toEqual(given(submitted()).state);
    expect(foldDocument([]).version).toBe(0);
  });
});
