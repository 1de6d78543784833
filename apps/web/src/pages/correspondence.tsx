import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dayProblem } from '../calendar';
import { DateField } from '../components/date-field';
import { SavedViews } from '../components/saved-views';
import { download } from '../components/download';
import { caseName } from '../cases';
import { useCaseSubjects } from '../case-subjects';
import { CaseLink, OPLE_OPTIONS, OficioLink, SelectField } from '../components/fields';
import { ApiError, OpleFence } from '../components/layout';
import { ROLE_IN_CASE, formatDay, formatInstant, toCsv } from '../format';
import { CorrespondenceQuery } from '../operations';
import { Freshness, useAsOf, useLiveQuery, useRecentlyChanged, useSession } from '../state';

const DIRECTION: Record<string, string> = { IN: 'Recibido del INE', OUT: 'Enviado por el OPLE' };

/** The correspondence register: every oficio received or sent, with what it cites. */
export default function CorrespondencePage() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const asOf = useAsOf();
  const changed = useRecentlyChanged();
  const ople = session.ople ?? params.get('ople') ?? '';
  const variables = useMemo(
    () => ({
      ople: ople || null,
      direction: params.get('direccion') || null,
      from: params.get('desde') || null,
      to: params.get('hasta') || null,
      asOf,
    }),
    [ople, params, asOf],
  );
  const { result, fetchedAt } = useLiveQuery(CorrespondenceQuery, variables);
  const rows = useMemo(
    () => [...(result.data?.correspondence ?? [])].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')),
    [result.data],
  );
  const notices = useMemo(
    () =>
      new Map(
        rows
          .filter((r) => r.subject && !r.streamId.startsWith('document:'))
          .map((r) => [r.streamId, { subject: r.subject!, kind: r.role }]),
      ),
    [rows],
  );
  const streamIds = useMemo(() => rows.map((r) => r.streamId), [rows]);
  const subjects = useCaseSubjects(streamIds, notices);
  const fromUrl = useMemo(
    () => ({
      ople: params.get('ople') ?? '',
      direccion: params.get('direccion') ?? '',
      desde: params.get('desde') ?? '',
      hasta: params.get('hasta') ?? '',
    }),
    [params],
  );
  const [form, setForm] = useState(fromUrl);
  // A saved view or a shared link changes the address: the fields follow it.
  useEffect(() => setForm(fromUrl), [fromUrl]);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { desde: dayProblem(form.desde, 'Desde'), hasta: dayProblem(form.hasta, 'Hasta') };
    setErrors(found);
    if (found.desde || found.hasta) return;
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(form)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const exportCsv = () =>
    download(
      'correspondencia.csv',
      toCsv(
        ['Fecha', 'Oficio', 'OPLE', 'Sentido', 'Papel', 'Caso', 'Identificador del caso', 'Asunto', 'Cita'],
        rows.map((r) => [
          r.date,
          r.oficioNumber,
          r.ople,
          DIRECTION[r.direction] ?? r.direction,
          ROLE_IN_CASE[r.role] ?? r.role,
          caseName(r.streamId, subjects).name,
          r.streamId,
          r.subject,
          r.cites.join(' '),
        ]),
      ),
      'text/csv;charset=utf-8',
    );
  return (
    <OpleFence ople={params.get('ople')}>
      <h1>Registro de correspondencia</h1>
      <p className="lead">
        Cada oficio recibido del INE o enviado por el OPLE, el caso que toca (un documento, una solicitud o un aviso) y
        los oficios que cita. Un oficio que toca varios casos aparece una vez por caso.
      </p>
      <form className="filters" onSubmit={submit} aria-label="Filtros de la correspondencia">
        <SelectField
          id="c-ople"
          label="OPLE"
          value={session.ople ?? form.ople}
          options={OPLE_OPTIONS}
          empty="Todos"
          disabled={!!session.ople}
          onChange={(ople) => setForm({ ...form, ople })}
        />
        <SelectField
          id="c-dir"
          label="Sentido"
          value={form.direccion}
          options={[
            ['IN', 'Recibidos del INE'],
            ['OUT', 'Enviados por el OPLE'],
          ]}
          empty="Ambos"
          onChange={(direccion) => setForm({ ...form, direccion })}
        />
        <DateField
          id="c-from"
          label="Desde"
          value={form.desde}
          onChange={(desde) => setForm({ ...form, desde })}
          error={errors.desde}
        />
        <DateField
          id="c-to"
          label="Hasta"
          value={form.hasta}
          onChange={(hasta) => setForm({ ...form, hasta })}
          error={errors.hasta}
        />
        <div className="field actions">
          <button type="submit" className="primary">
            Filtrar
          </button>
          <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
            Exportar CSV
          </button>
        </div>
      </form>
      <SavedViews page="/correspondencia" />
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      <p role="status">{result.data ? `${rows.length} entradas.` : 'Cargando…'}</p>
      <div className="table-scroll">
        <table className="list" data-testid="correspondence">
          <thead>
            <tr>
              <th scope="col">Fecha</th>
              <th scope="col">Oficio</th>
              <th scope="col">OPLE</th>
              <th scope="col">Sentido</th>
              <th scope="col">Papel en el caso</th>
              <th scope="col">Caso</th>
              <th scope="col">Cita</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.oficioNumber}|${r.streamId}|${r.role}`} className={changed(r.streamId) ? 'changed' : ''}>
                <td>{formatDay(r.date)}</td>
                <td>
                  <OficioLink number={r.oficioNumber} />
                </td>
                <td>{r.ople}</td>
                <td>
                  <span aria-hidden="true">{r.direction === 'IN' ? '↓ ' : '↑ '}</span>
                  {DIRECTION[r.direction] ?? r.direction}
                </td>
                <td>
                  {ROLE_IN_CASE[r.role] ?? r.role}
                  {r.meetingAt ? ` (reunión: ${formatInstant(r.meetingAt)})` : ''}
                  {r.subject ? <span className="muted"> — {r.subject}</span> : null}
                </td>
                <td>
                  <CaseLink streamId={r.streamId} subjects={subjects} />
                </td>
                <td>
                  {r.cites.length
                    ? r.cites.map((c, i) => (
                        <span key={c}>
                          {i ? ', ' : ''}
                          <OficioLink number={c} />
                        </span>
                      ))
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </OpleFence>
  );
}
