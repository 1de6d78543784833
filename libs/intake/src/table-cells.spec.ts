import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';

/**
 * Tables as a file reader (libs/files) writes them after rebuilding a PDF's or a Word table's
 * layout: one row per line, its cells joined by ` | ` without outer bars.
 */
const json = (text: string) => parseCorrespondence(text).oficios.map(toIntakeJson);

describe('a table written as `a | b | c` cells', () => {
  it('takes a reminder’s items from a two-column table (entregable | fecha límite)', () => {
    const text = [
      'OFICIO NÚM. INE/UTSI/1660/2024',
      'Ciudad de México, a 20 de marzo de 2024',
      'ASUNTO: Recordatorio de entregables PREP, abril de 2024.',
      '',
      'Me permito hacer un atento recordatorio de los entregables que ese Instituto deberá remitir durante el mes de abril, conforme a lo siguiente:',
      '',
      'Entregable | Fecha límite',
      'Informe del mes de marzo sobre el avance en la implementación y operación del PREP | 5 de abril de 2024',
      'Versión final del Plan de Seguridad y Plan de Continuidad | 7 de abril de 2024',
      '',
      'Sin otro particular, aprovecho la ocasión para enviarle un cordial saludo.',
    ].join('\n');
    const [reminder] = json(text);
    expect(reminder.kind).toBe('REMINDER');
    expect(reminder.needsReview).toBe(false);
    expect(reminder.items).toEqual([
      {
        title: 'Informe del mes de marzo sobre el avance en la implementación y operación del PREP',
        deliverable: 3,
        dueDate: '2024-04-05',
      },
      { title: 'Versión final del Plan de Seguridad y Plan de Continuidad', deliverable: 16, dueDate: '2024-04-07' },
    ]);
  });

  it('splits a heading cell that holds two column names (their gap lost) when the rows hold one cell more', () => {
    const text = [
      'No. Fecha | Oficio | Asunto | Plazo',
      '1 | 08/02/2024 | INE/UTSI/0501/2024 | Remite observaciones al proyecto de Acuerdo por el que se determina la ubicación de los CATD.',
      '2 | 27/02/2024 | INE/UTSI/0790/2024 | Recordatorio del entregable: Informe mensual de febrero sobre el avance en la implementación y operación del PREP. | 05/03/2024',
      '',
      'No. | Fecha | Número de oficio | Asunto Fecha límite',
      '3 | 14/03/2024 | INE/UTSI/1490/2024 | Solicita remita el Acuerdo de Integración del Comité Técnico Asesor del PREP. | 19/03/2024',
    ].join('\n');
    const oficios = json(text);
    expect(oficios.map((o) => [o.number, o.date, o.kind, o.deadline])).toEqual([
      ['INE/UTSI/0501/2024', '2024-02-08', 'REVIEW', null],
      ['INE/UTSI/0790/2024', '2024-02-27', 'REMINDER', null],
      ['INE/UTSI/1490/2024', '2024-03-14', 'REQUEST', '2024-03-19'],
    ]);
    expect(oficios[1].items).toEqual([
      {
        title: 'Informe mensual de febrero sobre el avance en la implementación y operación del PREP',
        deliverable: 3,
        dueDate: '2024-03-05',
      },
    ]);
  });

  it.each(['31/04/2024', '30 de febrero de 2024', '2024-13-45'])(
    'never reads an impossible date in a cell (%s): the oficio or the item goes to review, saying which',
    (bad) => {
      const register = json(
        `No. | Fecha | Oficio | Asunto | Plazo\n1 | 01/03/2024 | INE/UTSI/0101/2024 | Solicita se informe el estatus de la contratación. | ${bad}\n2 | ${bad} | INE/UTSI/0102/2024 | Remite el documento “Guía de difusores”.`,
      );
      expect(register.map((o) => [o.number, o.date, o.deadline, o.needsReview])).toEqual([
        ['INE/UTSI/0101/2024', '2024-03-01', null, true],
        ['INE/UTSI/0102/2024', null, null, true],
      ]);
      const reasons = parseCorrespondence(
        `No. | Fecha | Oficio | Asunto | Plazo\n1 | 01/03/2024 | INE/UTSI/0101/2024 | Solicita se informe el estatus. | ${bad}`,
      ).oficios[0].reviewReasons;
      expect(reasons).toEqual([`no se puede determinar la fecha límite «Plazo: ${bad}»`]);
      const [reminder] = json(
        `OFICIO NÚM. INE/UTSI/0202/2024\nCiudad de México, a 1 de marzo de 2024\nSe hace un atento recordatorio de los entregables:\n\nEntregable | Fecha límite\nPlan de seguridad | ${bad}`,
      );
      expect([reminder.items, reminder.needsReview]).toEqual([
        [{ title: 'Plan de seguridad', deliverable: expect.any(Number), dueDate: null }],
        true,
      ]);
    },
  );
});
