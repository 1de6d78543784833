import { caseName, lastOficio } from './cases';

describe('case names and last oficios', () => {
  it('names a document by its entregable and version, the id as a detail', () => {
    expect(caseName('document:GRO:e16-final')).toEqual({
      name: '16 · Plan de seguridad y plan de continuidad (versión final)',
      detail: 'document:GRO:e16-final',
    });
    expect(caseName('document:GRO:e15-proyecto').name).toBe(
      '15 · Instrumento jurídico con el ente auditor y su anexo técnico (proyecto)',
    );
    // An entregable with one version says none.
    expect(caseName('document:GRO:e3-final').name).toBe('3 · Informes mensuales de avance');
    expect(caseName('document:GRO:otra-cosa').name).toBe('Documento GRO otra-cosa');
  });

  it('names a request or a notice by its subject, or else by the oficio that made it', () => {
    const subjects = new Map([
      ['request:GRO:ine-utsi-1221-2024', { subject: 'el estatus de la contratación' }],
      ['notice:GRO:ine-utsi-1228-2024', { subject: 'una reunión virtual', kind: 'INVITATION' }],
      ['notice:GRO:ine-utsi-1317-2024', { subject: 'el documento «Recomendaciones»', kind: 'NOTICE' }],
    ]);
    expect(caseName('request:GRO:ine-utsi-1221-2024', subjects)).toEqual({
      name: 'Solicitud: el estatus de la contratación',
      detail: 'request:GRO:ine-utsi-1221-2024',
    });
    expect(caseName('notice:GRO:ine-utsi-1228-2024', subjects).name).toBe('Invitación: una reunión virtual');
    expect(caseName('notice:GRO:ine-utsi-1317-2024', subjects).name).toBe('Aviso: el documento «Recomendaciones»');
    expect(caseName('request:GRO:ine-utsi-1376-2024').name).toBe('Solicitud del oficio INE/UTSI/1376/2024');
    expect(caseName('notice:GRO:ine-utsi-0923-2024').name).toBe('Aviso del oficio INE/UTSI/0923/2024');
  });

  it('finds a document’s last oficio from either side, not only the OPLE’s submissions', () => {
    // The seed's 11 P: only INE's answer recorded (the submission it answers inferred).
    expect(
      lastOficio({ lastOficioNumber: null, rounds: [{ submittedBy: null, answeredBy: 'INE/UTSI/1121/2024' }] }),
    ).toBe('INE/UTSI/1121/2024');
    // The OPLE answered since: its oficio opens a new round.
    expect(
      lastOficio({
        lastOficioNumber: 'IEPC/GRO/SE/0999/2024',
        rounds: [
          { submittedBy: null, answeredBy: 'INE/UTSI/1121/2024' },
          { submittedBy: 'IEPC/GRO/SE/0999/2024', answeredBy: null },
        ],
      }),
    ).toBe('IEPC/GRO/SE/0999/2024');
    expect(lastOficio({ lastOficioNumber: null, rounds: [] })).toBeNull();
  });
});
