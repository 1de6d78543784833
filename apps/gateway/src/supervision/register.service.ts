import { DateTime } from 'luxon';
import { Injectable } from '@nestjs/common';
import { endOfLocalDay, isOficioNumber, localDateOf, normalizeOficioNumber, MEXICO_CITY } from '@seguimiento/domain';
import { DataSource } from 'typeorm';
import { userError } from '../errors/graphql-errors';
import { checkedLocalDate } from '../common/query-dates';
import type { CorrespondenceEntry, EscalationEntry, Obligation, Oficio } from './models/register.models';

const LIMIT = 500;

/** Obligations, escalations and the correspondence register, from the read models. */
@Injectable()
export class RegisterService {
  constructor(private readonly dataSource: DataSource) {}

  async obligations(
    filter: { ople?: string; dueBefore?: string; overdue?: boolean },
    now = new Date(),
  ): Promise<Obligation[]> {
    const where = ["status = 'OPEN'"];
    const params: unknown[] = [now];
    if (filter.ople) where.push(`ople = $${params.push(filter.ople)}`);
    if (filter.dueBefore)
      where.push(`due_at <= $${params.push(endOfLocalDay(checkedLocalDate(filter.dueBefore, 'dueBefore')))}`);
    if (filter.overdue === true) where.push('due_at <= $1');
    if (filter.overdue === false) where.push('(due_at IS NULL OR due_at > $1)');
    const rows = await this.dataSource.query(
      `SELECT id, kind, ople, source_oficio, subject, deliverable, due_date, status, closed_by, (due_at IS NOT NULL AND due_at <= $1) AS overdue
         FROM rm_obligations WHERE ${where.join(' AND ')} ORDER BY due_at NULLS LAST, id LIMIT ${LIMIT}`,
      params,
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      kind: r.kind,
      ople: r.ople,
      sourceOficio: r.source_oficio,
      subject: r.subject,
      deliverable: r.deliverable,
      dueDate: r.due_date,
      status: r.status,
      overdue: r.overdue,
      closedBy: r.closed_by,
    }));
  }

  /** With `asOf`: the escalations fired by then (whether they were still open then is not tracked). */
  async escalations(filter: {
    ople?: string;
    open?: boolean;
    asOf?: Date;
    streamId?: string;
    key?: string;
  }): Promise<EscalationEntry[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.streamId) where.push(`e.stream_id = $${params.push(filter.streamId)}`);
    if (filter.key) where.push(`e.key = $${params.push(filter.key)}`);
    if (filter.asOf) where.push(`e.fired_at <= $${params.push(filter.asOf)}`);
    if (filter.ople) where.push(`e.ople = $${params.push(filter.ople)}`);
    // Open: the deadline that fired it is still the case's running deadline.
    const open = `COALESCE(d.due_at, o.due_at) = e.due_at`;
    if (filter.open === true) where.push(open);
    // Parenthesised: each condition is ANDed with the others (the OPLE's among them).
    if (filter.open === false) where.push(`(NOT (${open}) OR COALESCE(d.due_at, o.due_at) IS NULL)`);
    const rows = await this.dataSource.query(
      `SELECT e.stream_id, e.key, e.ople, e.step, e.recipient, e.due_at, e.fired_at, e.acknowledged_by, e.acknowledged_at, COALESCE(${open}, false) AS open
         FROM rm_escalations e
         LEFT JOIN rm_documents d ON d.id = e.stream_id
         LEFT JOIN rm_obligations o ON o.id = e.stream_id AND o.kind = 'REQUEST' AND o.status = 'OPEN'
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY e.fired_at DESC, e.stream_id LIMIT ${LIMIT}`,
      params,
    );
    return rows.map((r: Record<string, never>) => ({
      streamId: r.stream_id,
      key: r.key,
      ople: r.ople,
      step: r.step,
      recipient: r.recipient,
      dueAt: new Date(r.due_at).toISOString(),
      firedAt: new Date(r.fired_at).toISOString(),
      open: r.open,
      acknowledgedBy: r.acknowledged_by,
      acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    }));
  }

  /** With `asOf`: only oficios dated up to that day. */
  async correspondence(filter: {
    ople?: string;
    from?: string;
    to?: string;
    direction?: string;
    asOf?: Date;
  }): Promise<CorrespondenceEntry[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.asOf) where.push(`date <= $${params.push(localDateOf(filter.asOf))}::date`);
    if (filter.ople) where.push(`ople = $${params.push(filter.ople)}`);
    if (filter.from) where.push(`date >= $${params.push(checkedLocalDate(filter.from, 'from'))}::date`);
    if (filter.to) where.push(`date <= $${params.push(checkedLocalDate(filter.to, 'to'))}::date`);
    if (filter.direction) {
      if (filter.direction !== 'IN' && filter.direction !== 'OUT')
        throw userError('BAD_USER_INPUT', 'direction: debe ser IN u OUT', 'direction');
      where.push(`direction = $${params.push(filter.direction)}`);
    }
    const rows = await this.dataSource.query(
      `SELECT * FROM rm_correspondence ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date NULLS FIRST, oficio_number, stream_id LIMIT ${LIMIT}`,
      params,
    );
    return rows.map(entry);
  }

  /** `ople`: for a user confined to one OPLE, only that OPLE's side of the oficio. */
  async oficio(raw: string, ople?: string): Promise<Oficio> {
    if (!isOficioNumber(raw))
      throw userError('BAD_USER_INPUT', `number: "${raw}" no tiene la forma de un número de oficio`, 'number');
    const number = normalizeOficioNumber(raw);
    const entries: CorrespondenceEntry[] = (
      await this.dataSource.query(
        'SELECT * FROM rm_correspondence WHERE oficio_number = $1 AND ($2::text IS NULL OR ople = $2) ORDER BY stream_id',
        [number, ople ?? null],
      )
    ).map(entry);
    if (entries.length === 0) throw userError('NOT_FOUND', `El oficio ${number} no está registrado`, 'number');
    const citedBy: Array<{ oficio_number: string }> = await this.dataSource.query(
      'SELECT DISTINCT oficio_number FROM rm_correspondence WHERE $1 = ANY(cites) AND ($2::text IS NULL OR ople = $2) ORDER BY oficio_number',
      [number, ople ?? null],
    );
    return {
      number,
      entries,
      cites: [...new Set(entries.flatMap((e: CorrespondenceEntry) => e.cites))],
      citedBy: citedBy.map((c) => c.oficio_number),
    };
  }
}

function entry(r: Record<string, never>): CorrespondenceEntry {
  const meetingAt = r.meeting_at as unknown as Date | null;
  return {
    oficioNumber: r.oficio_number,
    streamId: r.stream_id,
    ople: r.ople,
    direction: r.direction,
    date: r.date,
    role: r.role,
    cites: r.cites,
    subject: r.subject ?? null,
    meetingAt: meetingAt
      ? DateTime.fromJSDate(meetingAt).setZone(MEXICO_CITY).toISO({ suppressMilliseconds: true })
      : null,
  };
}
