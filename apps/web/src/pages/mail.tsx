import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SelectField } from '../components/fields';
import { ApiError } from '../components/layout';
import { formatInstant } from '../format';
import { MailDeliveriesQuery } from '../mail-operations';
import { MAIL_KIND, MAIL_STATUS } from '../review-mail';
import { Freshness, useLiveQuery, useSession } from '../state';

/** Sent mail: the outbox's last messages, their delivery and what the mail server answered. */
export default function MailPage() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const estado = params.get('estado') ?? '';
  const status = estado in MAIL_STATUS ? estado : '';
  const variables = useMemo(() => ({ ople: session.ople ?? null, status: status || null }), [session.ople, status]);
  const { result, fetchedAt } = useLiveQuery(MailDeliveriesQuery, variables);
  const rows = result.data?.mailDeliveries ?? [];
  return (
    <>
      <h1>Correo enviado</h1>
      <p className="lead">
        Los últimos correos del buzón de salida: a quién, de qué, por qué causa, si se entregaron al servidor de correo
        y cuántos intentos llevaron. {session.ople ? 'Se muestran los de su OPLE.' : 'Se muestran los de todos.'}
      </p>
      <form className="filters" aria-label="Filtros del correo" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="m-status"
          label="Estado"
          value={status}
          options={Object.entries(MAIL_STATUS)}
          empty="Todos"
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('estado', value);
            else next.delete('estado');
            setParams(next);
          }}
        />
      </form>
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      <p role="status" data-testid="mail-count">
        {result.data
          ? rows.length === 0
            ? status
              ? `No hay correos en estado «${MAIL_STATUS[status]}».`
              : 'Todavía no se ha generado ningún correo.'
            : `${rows.length} ${rows.length === 1 ? 'correo' : 'correos'}.`
          : 'Cargando…'}
      </p>
      {rows.length ? (
        <div className="table-scroll">
          <table className="list" data-testid="mail-deliveries">
            <thead>
              <tr>
                <th scope="col">Destinatario</th>
                <th scope="col">Asunto</th>
                <th scope="col">Causa</th>
                <th scope="col">Estado</th>
                <th scope="col">Intentos</th>
                <th scope="col">Generado</th>
                <th scope="col">Entregado</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={`${m.messageId}|${m.recipient}`}>
                  <td>{m.recipient}</td>
                  <td>{m.subject}</td>
                  <td>{MAIL_KIND[m.kind] ?? m.kind}</td>
                  <td>
                    {MAIL_STATUS[m.status] ?? m.status}
                    {m.lastError ? <span className="muted"> — {m.lastError}</span> : null}
                  </td>
                  <td>{m.attempts}</td>
                  <td>{formatInstant(m.createdAt)}</td>
                  <td>{m.sentAt ? formatInstant(m.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
