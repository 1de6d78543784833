import { Injectable } from '@nestjs/common';
import { isOficioNumber, normalizeOficioNumber } from '@seguimiento/domain';
import { correspondenceRegister, escalationsFired, obligationsNow, oficioEntries } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { checkedLocalDate } from '../common/query-dates';
import { userError } from '../errors/graphql-errors';
import type { CorrespondenceEntry, EscalationEntry, Obligation, Oficio } from './models/register.models';

/** Obligations, escalations and the correspondence register, from the read models. */
@Injectable()
export class RegisterService {
  constructor(private readonly dataSource: DataSource) {}

  obligations(
    filter: { ople?: string; dueBefore?: string; overdue?: boolean },
    now = new Date(),
  ): Promise<Obligation[]> {
    const dueBefore = filter.dueBefore ? checkedLocalDate(filter.dueBefore, 'dueBefore') : undefined;
    return obligationsNow(this.dataSource, { ...filter, dueBefore }, now);
  }

  /** With `asOf`: the escalations fired by then (whether they were still open then is not tracked). */
  escalations(filter: {
    ople?: string;
    open?: boolean;
    asOf?: Date;
    streamId?: string;
    key?: string;
  }): Promise<EscalationEntry[]> {
    return escalationsFired(this.dataSource, filter);
  }

  /** With `asOf`: only oficios dated up to that day. */
  async correspondence(filter: {
    ople?: string;
    from?: string;
    to?: string;
    direction?: string;
    asOf?: Date;
  }): Promise<CorrespondenceEntry[]> {
    const from = filter.from ? checkedLocalDate(filter.from, 'from') : undefined;
    const to = filter.to ? checkedLocalDate(filter.to, 'to') : undefined;
    const direction = filter.direction || undefined;
    if (direction !== undefined && direction !== 'IN' && direction !== 'OUT')
      throw userError('BAD_USER_INPUT', 'direction: debe ser IN u OUT', 'direction');
    return (await correspondenceRegister(this.dataSource, { ...filter, from, to, direction })) as CorrespondenceEntry[];
  }

  /** `ople`: for a user confined to one OPLE, only that OPLE's side of the oficio. */
  async oficio(raw: string, ople?: string): Promise<Oficio> {
    if (!isOficioNumber(raw))
      throw userError('BAD_USER_INPUT', `number: "${raw}" no tiene la forma de un número de oficio`, 'number');
    const number = normalizeOficioNumber(raw);
    const { entries, citedBy } = await oficioEntries(this.dataSource, number, ople ?? null);
    if (entries.length === 0) throw userError('NOT_FOUND', `El oficio ${number} no está registrado`, 'number');
    return {
      number,
      entries: entries as CorrespondenceEntry[],
      cites: [...new Set(entries.flatMap((e) => e.cites))],
      citedBy,
    };
  }
}
