import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { DELIVERABLES } from '../catalogue';
import { dayProblem } from '../calendar';
import { DateField } from '../components/date-field';
import { SavedViews } from '../components/saved-views';
import { OPLE_OPTIONS, OficioLink, SelectField } from '../components/fields';
import { lastOficio } from '../cases';
import { download } from '../components/download';
import { ApiError, OpleFence } from '../components/layout';
import { StatusBadge } from '../components/status';
import { BALL, STATUS, STATUSES, VERSION, countdown, formatDay, toCsv, type Status } from '../format';
import type { DocumentOrder, DocumentsFilter } from '../gql/graphql';
import type { DocumentRow } from '../all-documents';
import { DocumentsQuery } from '../operations';
import { Freshness, useAsOf, useLiveQuery, useRecentlyChanged, useSession, useTo, useToday } from '../state';

const ORDERS: Record<DocumentOrder, string> = {
  DUE_SOONEST: 'Primero lo que vence antes',
  RECENTLY_CHANGED: 'Primero lo que cambió más recientemente',
  ID: 'Por identificador',
};
const SIZES = ['25', '50', '100', '200'];
/** The URL's parameters this page reads (the filters, the order, the page size and the pages walked). */
const FILTER_KEYS = ['ople', 'status', 'ballInCourt', 'deliverable', 'dueBefore', 'overdue', 'search'] as const;

const features = tableFeatures({});
const column = createColumnHelper<typeof features, DocumentRow>();

/** Every filter and order of `documents(…)`, paging by cursor, the state in the URL, CSV of what is shown. */
export default function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const asOf = useAsOf();
  const today = useToday();
  const to = useTo();
  const changed = useRecentlyChanged();
  const ople = session.ople ?? params.get('ople') ?? '';
  const orderBy = (params.get('orden') as DocumentOrder | null) ?? 'DUE_SOONEST';
  const first = Number(SIZES.includes(params.get('tamano') ?? '') ? params.get('tamano') : '50');
  const trail = (params.get('paginas') ?? '').split(',').filter(Boolean);
  const after = trail.at(-1) ?? null;
  const filter = useMemo(() => {
    const f: DocumentsFilter = {};
    if (ople) f.ople = ople;
    const status = params.get('status');
    if (status && status in STATUS) f.status = status as Status;
    const ball = params.get('ballInCourt');
    if (ball === 'INE' || ball === 'OPLE' || ball === 'NONE') f.ballInCourt = ball;
    const deliverable = Number(params.get('deliverable'));
    if (Number.isInteger(deliverable) && deliverable >= 1 && deliverable <= 34) f.deliverable = deliverable;
    const dueBefore = params.get('dueBefore');
    if (dueBefore) f.dueBefore = dueBefore;
    const overdue = params.get('overdue');
    if (overdue === 'si') f.overdue = true;
    if (overdue === 'no') f.overdue = false;
    const search = params.get('search');
    if (search) f.search = search;
    return f;
  }, [params, ople]);
  const variables = useMemo(() => ({ filter, orderBy, first, after, asOf }), [filter, orderBy, first, after, asOf]);
  const { result, fetchedAt } = useLiveQuery(DocumentsQuery, variables);
  const page = result.data?.documents;
  const rows = useMemo(() => page?.edges.map((e) => e.node) ?? [], [page]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('ople', { header: 'OPLE' }),
        column.accessor('deliverable', { header: 'Entregable' }),
        column.accessor('versionKind', { header: 'Versión', cell: (c) => VERSION[c.getValue()] }),
        column.accessor('title', {
          header: 'Documento',
          cell: (c) => (
            <>
              <Link to={to(`/documentos/${encodeURIComponent(c.row.original.id)}`)}>{c.getValue()}</Link>
              {changed(c.row.original.id) ? <span className="change-note"> · cambió hace un momento</span> : null}
            </>
          ),
        }),
        column.accessor('status', { header: 'Estado', cell: (c) => <StatusBadge status={c.getValue()} /> }),
        column.accessor('ballInCourt', { header: 'Debe actuar', cell: (c) => BALL[c.getValue()] }),
        column.accessor((d) => d.deadline?.dueDate ?? '', {
          id: 'dueDate',
          header: 'Plazo',
          cell: (c) => {
            const d = c.row.original;
            if (!d.deadline) return '—';
            return (
              <>
                {formatDay(d.deadline.dueDate)}{' '}
                <span className={d.overdue ? 'countdown late' : 'countdown'}>
                  {d.overdue ? <span aria-hidden="true">⚠ </span> : null}({countdown(d.deadline.dueDate, today)})
                </span>
              </>
            );
          },
        }),
        column.accessor('openObservations', { header: 'Observ. abiertas' }),
        column.accessor('escalationLevel', {
          header: 'Escalamiento',
          cell: (c) => (c.getValue() ? `Nivel ${c.getValue()}` : '—'),
        }),
        column.accessor((d) => lastOficio(d) ?? '', {
          id: 'lastOficio',
          header: 'Último oficio',
          cell: (c) => (c.getValue() ? <OficioLink number={c.getValue()} /> : '—'),
        }),
      ]),
    [to, today, changed],
  );
  const table = useTable({ features, columns, data: rows });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('paginas' in changes)) next.delete('paginas');
    setParams(next);
  };

  const exportCsv = () => {
    const header = [
      'Identificador',
      'OPLE',
      'Entregable',
      'Versión',
      'Documento',
      'Estado',
      'Debe actuar',
      'Plazo',
      'Vencido',
      'Observaciones abiertas',
      'Nivel de escalamiento',
      'Último oficio',
    ];
    const lines = rows.map((d) => [
      d.id,
      d.ople,
      d.deliverable,
      VERSION[d.versionKind],
      d.title,
      STATUS[d.status].label,
      BALL[d.ballInCourt],
      d.deadline?.dueDate ?? '',
      d.overdue ? 'sí' : 'no',
      d.openObservations,
      d.escalationLevel,
      lastOficio(d) ?? '',
    ]);
    download(`documentos${asOf ? `-al-${asOf}` : ''}.csv`, toCsv(header, lines), 'text/csv;charset=utf-8');
  };

  return (
    <OpleFence ople={params.get('ople')}>
      <h1>Documentos</h1>
      <p className="lead">
        Todos los documentos que siguen los OPLE y el INE, con filtros. La dirección de esta página guarda los filtros:
        puede compartirla. «Exportar CSV» descarga exactamente las filas que se ven.
      </p>
      <Filters key={params.toString()} params={params} confinedTo={session.ople} onApply={update} />
      <SavedViews page="/documentos" />
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      <div className="table-tools">
        <p role="status" data-testid="documents-count">
          {page
            ? `${page.totalCount} documentos cumplen los filtros; se muestran ${rows.length} (página ${trail.length + 1}).`
            : 'Cargando…'}
        </p>
        <label className="inline">
          Orden{' '}
          <select value={orderBy} onChange={(e) => update({ orden: e.target.value })}>
            {Object.entries(ORDERS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Por página{' '}
          <select value={String(first)} onChange={(e) => update({ tamano: e.target.value })}>
            {SIZES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Exportar CSV
        </button>
      </div>
      <div className="table-scroll">
        <table className="list" data-testid="documents-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-doc={row.original.id}
                className={`${row.original.overdue ? 'row-overdue' : ''}${changed(row.original.id) ? ' changed' : ''}`}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Páginas" className="pager">
        <button
          type="button"
          disabled={trail.length === 0}
          onClick={() => update({ paginas: trail.slice(0, -1).join(',') || null })}
        >
          ← Página anterior
        </button>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => update({ paginas: [...trail, page!.pageInfo.endCursor!].join(',') })}
        >
          Página siguiente →
        </button>
      </nav>
    </OpleFence>
  );
}

function Filters({
  params,
  confinedTo,
  onApply,
}: {
  params: URLSearchParams;
  confinedTo: string | null;
  onApply: (changes: Record<string, string | null>) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])),
  );
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const [dueError, setDueError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = dayProblem(values.dueBefore, 'Vence a más tardar');
    setDueError(problem);
    if (problem) return;
    onApply(Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k] || null])));
  };
  const clear = () => onApply(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  return (
    <form className="filters" onSubmit={submit} aria-label="Filtros">
      <SelectField
        id="f-ople"
        label="OPLE"
        value={confinedTo ?? values.ople}
        options={OPLE_OPTIONS}
        empty="Todos"
        disabled={!!confinedTo}
        onChange={set('ople')}
      />
      <SelectField
        id="f-status"
        label="Estado"
        value={values.status}
        options={STATUSES.map((s) => [s, STATUS[s].label])}
        empty="Todos"
        onChange={set('status')}
      />
      <SelectField
        id="f-ball"
        label="Debe actuar"
        value={values.ballInCourt}
        options={[
          ['INE', 'El INE'],
          ['OPLE', 'El OPLE'],
          ['NONE', 'Nadie'],
        ]}
        empty="Cualquiera"
        onChange={set('ballInCourt')}
      />
      <SelectField
        id="f-deliverable"
        label="Entregable"
        value={values.deliverable}
        options={DELIVERABLES.map((d) => [String(d.number), `${d.number}. ${d.title}`])}
        empty="Todos"
        onChange={set('deliverable')}
      />
      <DateField
        id="f-due"
        label="Vence a más tardar"
        value={values.dueBefore}
        onChange={set('dueBefore')}
        error={dueError}
      />
      <SelectField
        id="f-overdue"
        label="Vencidos"
        value={values.overdue}
        options={[
          ['si', 'Solo vencidos'],
          ['no', 'Solo no vencidos'],
        ]}
        empty="Todos"
        onChange={set('overdue')}
      />
      <div className="field grow">
        <label htmlFor="f-search">Buscar (título, identificador u oficio)</label>
        <input id="f-search" type="search" value={values.search} onChange={(e) => set('search')(e.target.value)} />
      </div>
      <div className="field actions">
        <button type="submit" className="primary">
          Filtrar
        </button>
        <button type="button" onClick={clear}>
          Quitar filtros
        </button>
      </div>
    </form>
  );
}
