import { Link } from 'react-router-dom';
import { useMemo } from 'react';
import { OPLES } from '../catalogue';
import { ApiError } from '../components/layout';
import { StatusLegend } from '../components/status';
import { STATUS } from '../format';
import { MATRIX_COLUMNS, type MatrixCell, buildMatrix, cellKey } from '../matrix';
import { DocumentMatrixQuery } from '../operations';
import { Freshness, useAsOf, useLiveQuery, useRecentlyChanged, useTo } from '../state';

/** INE's view of the 32 OPLEs × the entregables of lineamiento 33. */
export default function NationalPage() {
  // One request for the whole matrix: the server groups the documents (32 OPLEs × 300 documents
  // once took 48 pages of 200 documents, one after another, before anything was painted).
  const asOf = useAsOf();
  const variables = useMemo(() => ({ asOf }), [asOf]);
  const { result, fetchedAt } = useLiveQuery(DocumentMatrixQuery, variables);
  const groups = result.data?.documentMatrix;
  const matrix = useMemo(() => buildMatrix(groups ?? []), [groups]);
  const to = useTo();
  const changed = useRecentlyChanged();
  return (
    <>
      <h1>Vista nacional</h1>
      <p className="lead">
        Los 32 OPLE (filas) por los entregables del lineamiento 33 del Anexo 13 (columnas; «P» es el proyecto y «F» la
        versión final cuando el entregable tiene ambas). Cada celda dice en qué estado está el documento; haga clic en
        ella para abrirlo. Haga clic en un OPLE para ver su tablero.
      </p>
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      <p className="summary" data-testid="national-summary">
        {groups ? `${matrix.total} documentos registrados; ${matrix.overdue} vencidos.` : 'Cargando documentos…'}
      </p>
      <StatusLegend />
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Tabla nacional (se desplaza a lo ancho)">
        <table className="matrix" data-testid="national-matrix">
          <caption className="sr-only">
            Estado de cada entregable por OPLE, con totales por OPLE (última columna) y por entregable (última fila).
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky">
                OPLE
              </th>
              {MATRIX_COLUMNS.map((c) => (
                <th scope="col" key={c.key} title={c.title}>
                  <abbr title={c.title}>{c.label}</abbr>
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {OPLES.map((ople) => (
              <tr key={ople.id}>
                <th scope="row" className="sticky">
                  <Link to={to(`/ople/${ople.id}`)} title={`${ople.acronym}, ${ople.state}`}>
                    {ople.id}
                  </Link>
                </th>
                {MATRIX_COLUMNS.map((c) => (
                  <Cell
                    key={c.key}
                    cell={matrix.cells.get(cellKey(ople.id, c.key))}
                    ople={ople.id}
                    column={c}
                    changed={changed}
                  />
                ))}
                <td className="total">
                  {matrix.rowTotals.get(ople.id) ?? 0}
                  {matrix.rowOverdue.get(ople.id) ? (
                    <span className="overdue-count"> ({matrix.rowOverdue.get(ople.id)} venc.)</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="sticky">
                Total
              </th>
              {MATRIX_COLUMNS.map((c) => (
                <td key={c.key} className="total">
                  {matrix.columnTotals.get(c.key) ?? 0}
                </td>
              ))}
              <td className="total">{matrix.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Cell({
  cell,
  ople,
  column,
  changed,
}: {
  cell: MatrixCell | undefined;
  ople: string;
  column: (typeof MATRIX_COLUMNS)[number];
  changed: (id: string) => boolean;
}) {
  const to = useTo();
  if (!cell)
    return (
      <td className="cell empty">
        <span aria-hidden="true">·</span>
        <span className="sr-only">sin registro</span>
      </td>
    );
  const s = STATUS[cell.status];
  const words = [
    `${ople}, entregable ${column.label}: ${s.label}`,
    cell.documents > 1 ? `${cell.documents} documentos` : '',
    cell.overdue ? 'vencido' : '',
    cell.escalationLevel > 0 ? `escalamiento nivel ${cell.escalationLevel}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const href = cell.documentId
    ? to(`/documentos/${encodeURIComponent(cell.documentId)}`)
    : to('/documentos', { ople, deliverable: String(column.deliverable) });
  const isChanged = (cell.documentId !== null && changed(cell.documentId)) || cell.groups.some(changed);
  return (
    <td
      className={`cell status-${cell.status}${cell.overdue ? ' overdue' : ''}${isChanged ? ' changed' : ''}`}
      data-cell={`${ople}-${column.key}`}
      data-status={cell.status}
    >
      <Link to={href} aria-label={words} title={words}>
        <span aria-hidden="true">
          {s.symbol}
          {cell.overdue ? '⚠' : ''}
          {cell.escalationLevel > 0 ? `▲${cell.escalationLevel}` : ''}
          {cell.documents > 1 ? <sub>{cell.documents}</sub> : null}
        </span>
      </Link>
    </td>
  );
}
