import { DomainError } from '../shared/domain-error';
import { type NoticeData, noticeStreamId, validateNotice } from './notice';

const invitation: NoticeData = {
  ople: 'GRO',
  oficioNumber: 'ine/utsi/1500/2024',
  date: '2024-03-05',
  kind: 'INVITATION',
  subject: 'Reunión de trabajo sobre el simulacro',
  meetingAt: '2024-03-12T10:00:00-06:00',
  references: ['IEPC/GRO/SE/0100/2024'],
  deliverable: 21,
};

function refusal(change: Partial<NoticeData>): { field?: string; message: string } {
  try {
    validateNotice({ ...invitation, ...change } as NoticeData);
  } catch (error) {
    if (error instanceof DomainError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('notices and invitations', () => {
  it('normalises the oficio numbers and keeps the meeting with its offset', () => {
    expect(validateNotice(invitation)).toEqual({
      ...invitation,
      oficioNumber: 'INE/UTSI/1500/2024',
      meetingAt: '2024-03-12T10:00:00-06:00',
    });
  });

  it('keys the stream by OPLE and oficio', () => {
    expect(noticeStreamId('GRO', 'INE/UTSI/1500/2024')).toBe('notice:GRO:ine-utsi-1500-2024');
  });

  it.each<[Partial<NoticeData>, string, RegExp]>([
    [{ ople: 'XXX' }, 'ople', /no es un OPLE/],
    [{ oficioNumber: 'oficio 12' }, 'oficioNumber', /número de oficio/],
    [{ date: '2024-02-30' }, 'date', /fecha válida/],
    [{ kind: 'MEMO' as never }, 'kind', /INVITATION o NOTICE/],
    [{ subject: '  ' }, 'subject', /obligatorio/],
    [{ meetingAt: '2024-03-12 10:00' }, 'meetingAt', /ISO 8601/],
    [{ meetingAt: '2024-03-12T10:00:00' }, 'meetingAt', /con su zona/],
    [{ kind: 'NOTICE' }, 'meetingAt', /solo una invitación/],
    [{ references: ['no es oficio'] }, 'references[0]', /número de oficio/],
    [{ deliverable: 99 }, 'deliverable', /1 a 34/],
  ])('refuses %j naming %s', (change, field, reason) => {
    const r = refusal(change);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(reason);
  });
});
