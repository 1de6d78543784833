import {
  deadlineMail,
  digestMail,
  escalationMail,
  importSummaryMail,
  invitationMail,
  lateness,
  reminderItemsMail,
  reminderSenderSummaryMail,
} from './messages';

const CONSOLE = 'https://consola.example.org/';
const to = { name: 'Mtra. <Ana> & "Cía"', roleLabel: 'Secretaría Técnica de la Comisión' };
// Due 4 March 2024: the deadline passes at the end of that day in Mexico City (06:00 UTC the 5th).
const deadline = { party: 'OPLE' as const, kind: 'REQUEST', dueDate: '2024-03-04', dueAt: '2024-03-05T06:00:00.000Z' };

describe('mail rendering', () => {
  it('tells how late a deadline is, or how close, in local days', () => {
    expect(lateness(deadline, '2024-03-02T06:00:00.000Z')).toEqual({
      daysLate: 0,
      phrase: 'vence el 4 de marzo de 2024 (en 2 días)',
    });
    expect(lateness(deadline, '2024-03-05T06:00:00.000Z').phrase).toBe(
      'venció el 4 de marzo de 2024: lleva 1 día de atraso',
    );
    expect(lateness(deadline, '2024-03-08T06:00:00.000Z')).toEqual({
      daysLate: 4,
      phrase: 'venció el 4 de marzo de 2024: lleva 4 días de atraso',
    });
  });

  it('an escalation step says what is late, by how many days, who holds the ball, and links the case', () => {
    const m = escalationMail(
      {
        to,
        step: 'LEVEL_2',
        caseId: 'request:GRO:ine-utsi-1221-2024',
        ople: 'GRO',
        title: 'Solicitud INE/UTSI/1221/2024: <script>alert(1)</script> estatus de la contratación',
        deadline,
        firedAt: '2024-03-08T06:00:00.000Z',
      },
      CONSOLE,
    );
    expect(m.subject).toMatch(/^\[GRO\] Escalamiento nivel 2 \(Secretaría Técnica de la Comisión\): Solicitud/);
    expect(m.text).toContain('Estimada/o Mtra. <Ana> & "Cía" (Secretaría Técnica de la Comisión):');
    expect(m.text).toContain(
      'El plazo para la respuesta a la solicitud venció el 4 de marzo de 2024: lleva 4 días de atraso.',
    );
    expect(m.text).toContain('Tiene la pelota: el OPLE, IEPC Guerrero (Guerrero).');
    expect(m.text).toContain('https://consola.example.org/documentos/request%3AGRO%3Aine-utsi-1221-2024');
    // The oficio's text and the names are user data: escaped in HTML.
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('Mtra. &lt;Ana&gt; &amp; &quot;Cía&quot;');
    expect(m.html).toContain('href="https://consola.example.org/documentos/request%3AGRO%3Aine-utsi-1221-2024"');
  });

  it("an INE reminder's items, by their plazo máximo", () => {
    const m = reminderItemsMail(
      {
        to,
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1654/2024',
        items: [
          { caseId: 'document:GRO:e16-final', title: 'Entregable 16, versión final', dueDate: '2024-04-07' },
          { caseId: 'document:GRO:e6-final', title: 'Entregable 6, versión final', dueDate: '2024-04-05' },
        ],
      },
      CONSOLE,
    );
    expect(m.subject).toBe('[GRO] Recordatorio del INE INE/UTSI/1654/2024: 2 entregables con plazo máximo');
    expect(m.text.indexOf('Entregable 6, versión final — plazo máximo: 5 de abril de 2024')).toBeLessThan(
      m.text.indexOf('Entregable 16, versión final — plazo máximo: 7 de abril de 2024'),
    );
  });

  it('an invitation carries an .ics event at the meeting time, said in tiempo del centro', () => {
    const m = invitationMail(
      {
        to,
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1228/2024',
        subject: 'Reunión de trabajo sobre el PREP',
        meetingAt: '2024-03-05T13:00:00-06:00',
        noticeId: 'notice:GRO:ine-utsi-1228-2024',
      },
      CONSOLE,
    );
    expect(m.subject).toBe(
      '[GRO] Invitación del INE: reunión el 5 de marzo de 2024 a las 13:00 horas (tiempo del centro)',
    );
    expect(m.calendar?.filename).toBe('invitacion.ics');
    expect(m.calendar?.content).toContain('DTSTART:20240305T190000Z');
    expect(m.calendar?.content).toContain('UID:notice:GRO:ine-utsi-1228-2024@seguimiento');
  });

  it('a new deadline carries an .ics reminder on its last day; an extension says from and to', () => {
    const base = { to, caseId: 'document:GRO:e16-final', ople: 'GRO', title: 'Entregable 16', deadline };
    const fresh = deadlineMail(base, CONSOLE);
    expect(fresh.subject).toBe('[GRO] Plazo nuevo: vence el 4 de marzo de 2024 — Entregable 16');
    // 23:00 local on the last day = 05:00 UTC the next.
    expect(fresh.calendar?.content).toContain('DTSTART:20240305T050000Z');
    expect(fresh.calendar?.content).toContain('TRIGGER:-PT24H');
    const extended = deadlineMail({ ...base, previousDueDate: '2024-03-01' }, CONSOLE);
    expect(extended.text).toContain(
      'Se prorrogó el plazo para la respuesta a la solicitud: del 1 de marzo de 2024 al 4 de marzo de 2024.',
    );
  });

  it('the import summary lists what was found overdue, most late first', () => {
    const m = importSummaryMail(
      {
        to,
        items: [
          { caseId: 'document:GRO:a', ople: 'GRO', title: 'A', dueDate: '2024-03-04', daysLate: 2 },
          { caseId: 'document:GRO:b', ople: 'GRO', title: 'B', dueDate: '2024-02-20', daysLate: 15 },
        ],
      },
      CONSOLE,
    );
    expect(m.subject).toBe('Importación: 2 plazos vencidos');
    expect(m.text.indexOf('[GRO] B — venció el 20 de febrero de 2024, 15 días de atraso')).toBeLessThan(
      m.text.indexOf('[GRO] A'),
    );
  });

  it('the digest says nothing when there is nothing to say, and otherwise the three sections', () => {
    const empty = { to, date: '2024-03-08', overdue: [], dueSoon: [], changedYesterday: [] };
    expect(digestMail(empty, CONSOLE)).toBeNull();
    const m = digestMail(
      {
        ...empty,
        overdue: [{ caseId: 'document:GRO:a', ople: 'GRO', title: 'A', dueDate: '2024-03-04', daysLate: 4 }],
        dueSoon: [{ caseId: 'document:GRO:b', ople: 'GRO', title: 'B', dueDate: '2024-03-10', party: 'INE' }],
      },
      CONSOLE,
    )!;
    expect(m.subject).toBe('Resumen diario del 8 de marzo de 2024: 1 vencido, 1 por vencer');
    expect(m.text).toContain('Vencido (1)');
    expect(m.text).toContain('[GRO] B — vence el 10 de marzo de 2024 (en 2 días); tiene la pelota el INE (UTSI)');
    expect(m.text).not.toContain('Cambios de ayer');
  });

  it('the recorder of an INE reminder learns who was notified, each person once, or that nobody was', () => {
    const items = [
      { caseId: 'document:GRO:e6', title: 'Entregable 6', dueDate: '2024-04-12' },
      { caseId: 'document:GRO:e5', title: 'Entregable 5', dueDate: '2024-04-05' },
    ];
    const st = { name: 'Ana', email: 'st@example.org', roleLabel: 'Secretaría Técnica de la Comisión' };
    const m = reminderSenderSummaryMail(
      { to, ople: 'GRO', oficioNumber: 'INE/UTSI/1654/2024', items, notified: [st, st] },
      CONSOLE,
    );
    expect(m.subject).toBe('[GRO] Recordatorio INE/UTSI/1654/2024: se notificó a 1 persona');
    expect(m.text).toContain('Se notificó a (1)');
    expect(m.text).toContain('Ana <st@example.org> — Secretaría Técnica de la Comisión');
    expect(m.text.indexOf('Entregable 5')).toBeLessThan(m.text.indexOf('Entregable 6'));
    expect(m.html).toContain('Ana &lt;st@example.org&gt;');
    const none = reminderSenderSummaryMail(
      { to, ople: 'GRO', oficioNumber: 'INE/UTSI/1654/2024', items, notified: [] },
      CONSOLE,
    );
    expect(none.subject).toBe('[GRO] Recordatorio INE/UTSI/1654/2024: nadie fue notificado');
    expect(none.text).toContain('Nadie recibió aviso inmediato');
  });
});
