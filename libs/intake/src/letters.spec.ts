import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';
import { formatReportEntry } from './summary';

/** Whole oficios pasted as received (letter form), written for this test. */
const letter = (number: string, date: string, subject: string, body: string) => `INSTITUTO NACIONAL ELECTORAL
UNIDAD TÉCNICA DE SERVICIOS DE INFORMÁTICA
Oficio No. ${number}
Ciudad de México, a ${date}
Asunto: ${subject}

MTRO. JUAN PÉREZ
CONSEJERO PRESIDENTE DEL IEPC GUERRERO
P r e s e n t e

${body}

Sin otro particular, reciba un cordial saludo.

ATENTAMENTE
EL TITULAR DE LA UNIDAD
c.c.p. Archivo. Minutario INE/UTSI/9999/2024
`;

describe('oficios pasted whole, as letters', () => {
  const text =
    letter(
      'INE/UTSI/1121/2024',
      '22 de febrero de 2024',
      'Atención de observaciones.',
      'Me refiero al oficio IEPC/GRO/SE/0045/2024, mediante el cual remitió el proyecto de plan de seguridad. Al respecto, le informo que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024 y se generan observaciones adicionales, mismas que se adjuntan al presente.',
    ) +
    '\f' +
    letter(
      'INE/UTSI/1200/2024',
      '27 de febrero de 2024',
      'Invitación a reunión de trabajo.',
      'Le invito a la reunión de trabajo que se llevará a cabo el próximo lunes 4 de marzo de 2024 a las 11:00 horas (tiempo del centro) para revisar el plan de continuidad.',
    );
  const { oficios, warnings } = parseCorrespondence(text, { ople: 'GRO' });

  it('takes the number from the heading and the date from the place-and-date line', () => {
    expect(oficios.map(toIntakeJson)).toEqual([
      expect.objectContaining({
        number: 'INE/UTSI/1121/2024',
        date: '2024-02-22',
        kind: 'REVIEW',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: true,
        references: ['IEPC/GRO/SE/0045/2024', 'INE/UTSI/0451/2024'],
        deliverable: 16,
        needsReview: false,
      }),
      expect.objectContaining({
        number: 'INE/UTSI/1200/2024',
        date: '2024-02-27',
        kind: 'INVITATION',
        meeting: '2024-03-04T11:00:00-06:00',
        deliverable: 16,
      }),
    ]);
  });

  it('leaves the signature and copies out, and says they cite an oficio', () => {
    expect(oficios[0].text).not.toMatch(/ATENTAMENTE|c\.c\.p\./);
    expect(warnings.filter((w) => w.includes('INE/UTSI/9999/2024'))).toHaveLength(2);
  });

  it('summarises the OPLE’s answer apart from the INE oficio whose observations are judged', () => {
    expect(formatReportEntry(oficios[0], 0)).toBe(
      '1. 22 de febrero de 2024, oficio INE/UTSI/1121/2024: En atención al oficio IEPC/GRO/SE/0045/2024, informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024, relativas al entregable 16, proyecto (“Plan de seguridad y plan de continuidad”), y se generan observaciones adicionales.',
    );
    const again = parseCorrespondence(formatReportEntry(oficios[0], 0)).oficios[0];
    expect(toIntakeJson(again)).toEqual(toIntakeJson(oficios[0]));
  });

  it('reads "el oficio X, de fecha D" in running prose', () => {
    const [o] = parseCorrespondence(
      'El oficio INE/UTSI/1121/2024, de fecha 22 de febrero de 2024, informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0451/2024.',
    ).oficios;
    expect([o.number, o.date, o.outcome, o.references]).toEqual([
      'INE/UTSI/1121/2024',
      '2024-02-22',
      'ADDRESSED',
      ['INE/UTSI/0451/2024'],
    ]);
  });
});
