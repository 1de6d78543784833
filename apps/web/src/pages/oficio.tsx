import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../components/layout';
import { CaseLink, OficioLink } from '../components/fields';
import { OriginalFiles } from '../components/review-links';
import { ROLE_IN_CASE, formatDay, formatInstant } from '../format';
import { OficioQuery } from '../operations';
import { Freshness, useLiveQuery } from '../state';

/** An oficio: the cases it touches, the oficios it cites and those that cite it. */
export default function OficioPage() {
  const { number = '' } = useParams();
  const { result, fetchedAt } = useLiveQuery(
    OficioQuery,
    useMemo(() => ({ number }), [number]),
  );
  const oficio = result.data?.oficio;
  const link = (n: string) => (
    <li key={n}>
      <OficioLink number={n} />
    </li>
  );
  return (
    <>
      <h1>Oficio {number}</h1>
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      {oficio ? (
        <>
          <section aria-labelledby="touches">
            <h2 id="touches">Lo que toca</h2>
            {oficio.entries.length === 0 ? (
              <p>Este oficio no está en el registro de correspondencia.</p>
            ) : (
              <table className="list" data-testid="oficio-entries">
                <thead>
                  <tr>
                    <th scope="col">Caso</th>
                    <th scope="col">Papel</th>
                    <th scope="col">Fecha</th>
                    <th scope="col">Sentido</th>
                    <th scope="col">Asunto</th>
                  </tr>
                </thead>
                <tbody>
                  {oficio.entries.map((e) => (
                    <tr key={`${e.streamId}|${e.role}`}>
                      <td>
                        <CaseLink streamId={e.streamId} />
                      </td>
                      <td>{ROLE_IN_CASE[e.role] ?? e.role}</td>
                      <td>{formatDay(e.date)}</td>
                      <td>{e.direction === 'IN' ? 'Del INE al OPLE' : 'Del OPLE al INE'}</td>
                      <td>
                        {e.subject ?? '—'}
                        {e.meetingAt ? ` (reunión: ${formatInstant(e.meetingAt)})` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <div className="two-columns">
            <section aria-labelledby="cites">
              <h2 id="cites">Oficios que cita</h2>
              {oficio.cites.length ? <ul data-testid="cites">{oficio.cites.map(link)}</ul> : <p>Ninguno.</p>}
            </section>
            <section aria-labelledby="cited-by">
              <h2 id="cited-by">Oficios que lo citan</h2>
              {oficio.citedBy.length ? <ul data-testid="cited-by">{oficio.citedBy.map(link)}</ul> : <p>Ninguno.</p>}
            </section>
          </div>
          <OriginalFiles number={number} />
        </>
      ) : null}
    </>
  );
}
