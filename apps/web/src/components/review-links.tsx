import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { formatBytes } from '../review-mail';
import { OficioSourceFilesQuery, PendingReviewCountQuery } from '../review-operations';
import { useLiveQuery } from '../state';

/** On an OPLE's dashboard: how many oficios wait in the review queue, with a link to it. */
export function PendingReviewLink({ ople }: { ople: string }) {
  const { result } = useLiveQuery(
    PendingReviewCountQuery,
    useMemo(() => ({ ople }), [ople]),
  );
  const count = result.data?.dashboard.pendingReviewCount;
  return (
    <div className="card" data-testid="pending-review">
      <p className="big">{count ?? '…'}</p>
      <p>
        <Link to={`/revision?ople=${encodeURIComponent(ople)}`}>
          {count === 1 ? 'Oficio pendiente de revisión' : 'Oficios pendientes de revisión'}
        </Link>
      </p>
    </div>
  );
}

/** On an oficio's page: a «Descargar original» link per file it was read from, if any. */
export function OriginalFiles({ number }: { number: string }) {
  const { result } = useLiveQuery(
    OficioSourceFilesQuery,
    useMemo(() => ({ number }), [number]),
  );
  const files = result.data?.oficio.sourceFiles ?? [];
  if (!files.length) return null;
  return (
    <section aria-labelledby="originals">
      <h2 id="originals">Originales</h2>
      <ul data-testid="originals">
        {files.map((f) => (
          <li key={f.sha256}>
            <a href={f.downloadUrl} download={f.name}>
              Descargar original
            </a>{' '}
            {f.name} <span className="muted">({formatBytes(f.size)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
