import { classify } from './classify';
import { fold } from './fold';
import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';

/** One report entry, parsed; the texts are written for these tests in the seed's genre. */
function entry(body: string, date = '12 de marzo de 2024', number = 'INE/UTSI/1402/2024') {
  const { oficios } = parseCorrespondence(`1. ${date}, oficio ${number}, mediante el cual ${body}`, { ople: 'MEX' });
  expect(oficios).toHaveLength(1);
  return { ...toIntakeJson(oficios[0]), full: oficios[0] };
}

describe('phrase families of INE’s oficios (GUIDE §1)', () => {
  it('"remite (diversas) observaciones": first round of observations', () => {
    const o = entry('remite diversas observaciones al proyecto de ubicación de los CATD y CCV.');
    expect([o.kind, o.outcome, o.additionalObservations, o.deliverable]).toEqual(['REVIEW', 'OBSERVATIONS', false, 12]);
    expect(entry('en relación con el acuerdo del proceso técnico operativo, remite observaciones.').outcome).toBe(
      'OBSERVATIONS',
    );
  });

  it('"se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio X": partially addressed', () => {
    const o = entry(
      'informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0988/2024 al plan de trabajo del PREP.',
    );
    expect([o.kind, o.outcome, o.additionalObservations, o.references, o.deliverable]).toEqual([
      'REVIEW',
      'PARTIALLY_ADDRESSED',
      false,
      ['INE/UTSI/0988/2024'],
      6,
    ]);
  });

  it('"se tienen por atendidas las observaciones … mediante oficio X": all observations of X closed', () => {
    const o = entry(
      'informa que, relativo a la designación de la instancia interna responsable del PREP, se tienen por atendidas las observaciones emitidas mediante oficio INE/UTSI/0702/2024 y el oficio IEEM/SE/2195/2024.',
    );
    expect([o.kind, o.outcome, o.references, o.deliverable]).toEqual([
      'REVIEW',
      'ADDRESSED',
      ['INE/UTSI/0702/2024', 'IEEM/SE/2195/2024'],
      2,
    ]);
  });

  it('"además / y se generan observaciones adicionales": a new round opens', () => {
    const a = entry(
      'informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0702/2024, además se generan observaciones adicionales.',
    );
    const b = entry(
      'informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0702/2024 y se generan observaciones adicionales.',
    );
    expect([a.outcome, a.additionalObservations]).toEqual(['ADDRESSED', true]);
    expect([b.outcome, b.additionalObservations]).toEqual(['PARTIALLY_ADDRESSED', true]);
  });

  it('"no se generan (observaciones) adicionales": no new round', () => {
    const a = entry(
      'informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0702/2024 y no se generan adicionales.',
    );
    const b = entry(
      'informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0702/2024 y no se generan observaciones adicionales.',
    );
    expect([a.outcome, a.additionalObservations]).toEqual(['ADDRESSED', false]);
    expect([b.outcome, b.additionalObservations]).toEqual(['PARTIALLY_ADDRESSED', false]);
  });

  it('"se tiene por recibido y no se generan observaciones": accepted', () => {
    const o = entry(
      'informa que en relación a la versión final del acuerdo de integración del COTAPREP, se tiene por recibido y no se generan observaciones.',
    );
    expect([o.kind, o.outcome, o.additionalObservations, o.deliverable, o.full.deliverableVersion]).toEqual([
      'REVIEW',
      'ACCEPTED',
      false,
      4,
      'FINAL',
    ]);
  });

  it('"se toma de conocimiento … no se generan observaciones": acknowledged report', () => {
    const o = entry(
      'informa que se toma de conocimiento del informe mensual de febrero y no se generan observaciones.',
    );
    expect([o.kind, o.outcome, o.additionalObservations, o.deliverable]).toEqual(['REVIEW', 'ACCEPTED', false, 3]);
  });

  it('"solicita se informe, a más tardar el 4 de marzo, …": a request with an explicit deadline', () => {
    const o = entry(
      'solicita se informe, a más tardar el 4 de marzo, la fecha de instalación del órgano interno.',
      '27 de febrero de 2024',
    );
    expect([o.kind, o.deadline, o.outcome]).toEqual(['REQUEST', '2024-03-04', null]);
    expect(o.full.subject).toBe('se informe la fecha de instalación del órgano interno');
  });

  it('"solicita remita a la UTSI …": a request for a document, deadline implicit', () => {
    const o = entry('solicita remita a la UTSI el plan de trabajo y calendario de sesiones del COTAPREP.');
    expect([o.kind, o.deadline, o.deliverable]).toEqual(['REQUEST', null, 5]);
  });

  it('"atento recordatorio de los entregables … (Con plazo máximo de remisión al …)": a reminder with due items', () => {
    const o = entry(
      'se hace un atento recordatorio de los entregables del mes de mayo:\n• Informe del mes de abril sobre el avance en la implementación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024);\n• Lista de difusores oficiales y sus direcciones electrónicas (Con plazo máximo de remisión al 10 de mayo de 2024).',
      '29 de abril de 2024',
    );
    expect(o.kind).toBe('REMINDER');
    expect(o.items).toEqual([
      {
        title: 'Informe del mes de abril sobre el avance en la implementación del PREP',
        deliverable: 3,
        dueDate: '2024-05-05',
      },
      { title: 'Lista de difusores oficiales y sus direcciones electrónicas', deliverable: 25, dueDate: '2024-05-10' },
    ]);
    expect([o.deadline, o.deliverable]).toEqual([null, null]);
  });

  it('"invitación para asistir el 5 de marzo a las 13:00 horas (tiempo del centro)": a meeting', () => {
    const o = entry(
      'se hace la invitación para asistir el 5 de marzo a las 13:00 horas (tiempo del centro) a una reunión de trabajo sobre el simulacro.',
      '1 de marzo de 2024',
    );
    expect([o.kind, o.meeting]).toEqual(['INVITATION', '2024-03-05T13:00:00-06:00']);
    const evening = entry('invita a la sesión del lunes 18 de marzo de 2024 a las 5:30 p.m. (hora del centro).');
    expect(evening.meeting).toBe('2024-03-18T17:30:00-06:00');
  });

  it('"remite el documento …": a notice, nothing to answer', () => {
    const o = entry('remite el documento “Lineamientos para la difusión del PREP”.');
    expect([o.kind, o.outcome, o.deadline, o.needsReview]).toEqual(['NOTICE', null, null, false]);
  });

  it('ranks the families: a review that also asks for something is still a review, with its deadline', () => {
    const c = classify(fold('remite diversas observaciones y solicita se atiendan a más tardar el 20 de marzo'));
    expect([c.kind, c.outcome, c.competing]).toEqual(['REVIEW', 'OBSERVATIONS', ['REQUEST']]);
    const o = entry(
      'remite diversas observaciones al plan de seguridad y solicita se atiendan a más tardar el 20 de marzo.',
    );
    expect([o.kind, o.deadline, o.confidence < 1]).toEqual(['REVIEW', '2024-03-20', true]);
  });
});
