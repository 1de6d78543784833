import { type DigestCase, type DigestChange, composeDigest } from './digest';
import { digestMail } from './messages';

// The digest of Monday 11 March 2024 at 08:00 in Mexico City (14:00 UTC).
const day = { date: '2024-03-11', at: '2024-03-11T14:00:00.000Z' };
const endOf = (date: string) => new Date(Date.parse(`${date}T23:59:59.999-06:00`) + 1).toISOString();
const due = (caseId: string, ople: string, dueDate: string, party: 'INE' | 'OPLE' = 'OPLE'): DigestCase => ({
  caseId,
  ople,
  title: `Caso ${caseId}`,
  party,
  dueDate,
  dueAt: endOf(dueDate),
});
const cases = [
  due('document:GRO:e15', 'GRO', '2024-03-04'), // 7 days late
  due('document:GRO:e16', 'GRO', '2024-03-10'), // 1 day late
  due('request:GRO:1221', 'GRO', '2024-03-11'), // due today, later today
  due('document:GRO:e11', 'GRO', '2024-03-18', 'INE'), // INE owes it, in 7 days
  due('document:GRO:e21', 'GRO', '2024-03-19'), // in 8 days: not yet
  due('document:MEX:e10', 'MEX', '2024-03-01'),
];
const change = (caseId: string, ople: string, type: string, occurredAt: string, data = {}): DigestChange => ({
  caseId,
  ople,
  title: `Caso ${caseId}`,
  type,
  data,
  occurredAt,
});
const changes = [
  change('document:GRO:e11', 'GRO', 'DocumentSubmitted', '2024-03-10T17:00:00Z', { oficioNumber: 'IEPC/SE/1/2024' }),
  change('document:GRO:e11', 'GRO', 'DeadlineSet', '2024-03-10T17:00:00Z', { deadline: { dueDate: '2024-03-18' } }),
  change('document:GRO:e16', 'GRO', 'EscalationRaised', '2024-03-09T20:00:00Z', { step: 'OVERDUE' }), // 9 March local: too old
  change('document:GRO:e16', 'GRO', 'EscalationRaised', '2024-03-10T07:00:00Z', { step: 'LEVEL_1' }), // 10 March 01:00 local: yesterday
  change('document:GRO:e15', 'GRO', 'EscalationAcknowledged', '2024-03-11T15:00:00Z', { by: 'ana' }), // today: tomorrow's
  change('document:MEX:e10', 'MEX', 'DocumentSubmitted', '2024-03-10T18:00:00Z', { oficioNumber: 'IEEM/SE/9/2024' }),
];
const gro = {
  email: 'st@example.org',
  name: 'Ana',
  roleLabel: 'Secretaría Técnica de la Comisión',
  institutions: ['GRO'],
};

describe('the daily digest', () => {
  it('an OPLE’s person on a known day: overdue with days late, due within 7 days, what changed yesterday', () => {
    const d = composeDigest(gro, { ...day, changesFrom: '2024-03-10', cases, changes });
    expect(d).toEqual({
      date: '2024-03-11',
      changesFrom: '2024-03-10',
      overdue: [
        { caseId: 'document:GRO:e15', ople: 'GRO', title: 'Caso document:GRO:e15', dueDate: '2024-03-04', daysLate: 7 },
        { caseId: 'document:GRO:e16', ople: 'GRO', title: 'Caso document:GRO:e16', dueDate: '2024-03-10', daysLate: 1 },
      ],
      dueSoon: [
        {
          caseId: 'request:GRO:1221',
          ople: 'GRO',
          title: 'Caso request:GRO:1221',
          dueDate: '2024-03-11',
          party: 'OPLE',
        },
        {
          caseId: 'document:GRO:e11',
          ople: 'GRO',
          title: 'Caso document:GRO:e11',
          dueDate: '2024-03-18',
          party: 'INE',
        },
      ],
      changedYesterday: [
        { caseId: 'document:GRO:e16', ople: 'GRO', title: 'Caso document:GRO:e16', what: 'escalamiento nivel 1' },
        {
          caseId: 'document:GRO:e11',
          ople: 'GRO',
          title: 'Caso document:GRO:e11',
          what: 'el OPLE remitió el documento (oficio IEPC/SE/1/2024); corre un plazo nuevo: vence el 18 de marzo de 2024',
        },
      ],
    });
    const mail = digestMail({ to: gro, ...d! }, 'https://consola.example.org')!;
    expect(mail.subject).toBe('Resumen diario del 11 de marzo de 2024: 2 vencidos, 2 por vencer, 2 cambios');
    expect(mail.text).toContain('[GRO] Caso document:GRO:e15 — venció el 4 de marzo de 2024, 7 días de atraso');
    expect(mail.text).toContain('vence el 11 de marzo de 2024 (hoy)');
    expect(mail.text).toContain('vence el 18 de marzo de 2024 (en 7 días); tiene la pelota el INE (UTSI)');
    expect(mail.text).toContain('Cambios de ayer (2)');
  });

  it('INE’s people see what INE owes and every OPLE’s changes; after a quiet weekend, the changes since Friday', () => {
    const utsi = { email: 'utsi@example.org', name: 'UTSI', roleLabel: 'UTSI (INE)', institutions: ['INE'] };
    const d = composeDigest(utsi, { ...day, changesFrom: '2024-03-08', cases, changes })!;
    expect(d.overdue).toEqual([]);
    expect(d.dueSoon.map((c) => c.caseId)).toEqual(['document:GRO:e11']);
    expect(d.changedYesterday.map((c) => c.caseId)).toEqual([
      'document:GRO:e16',
      'document:GRO:e11',
      'document:MEX:e10',
    ]);
    expect(d.changedYesterday[0].what).toBe('plazo vencido; escalamiento nivel 1');
    const mail = digestMail({ to: utsi, ...d }, 'https://consola.example.org')!;
    expect(mail.text).toContain('Cambios desde el 8 de marzo de 2024 (3)');
  });

  it('nothing to say: no digest, so no mail', () => {
    const quiet = { ...gro, institutions: ['ZAC'] };
    expect(composeDigest(quiet, { ...day, changesFrom: '2024-03-10', cases, changes })).toBeNull();
    expect(composeDigest(gro, { ...day, changesFrom: '2024-03-10', cases: [], changes: [] })).toBeNull();
  });
});
