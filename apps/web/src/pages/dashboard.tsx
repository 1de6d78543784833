import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAllDocuments, type DocumentRow } from '../all-documents';
import { findOple } from '../catalogue';
import { CaseLink, OPLE_OPTIONS, OficioLink } from '../components/fields';
import { ApiError, OpleFence } from '../components/layout';
import { StatusBadge, TrackBadge } from '../components/status';
import { BALL_LONG, STATUSES, STEP, countdown, formatDay, formatInstant } from '../format';
import { caseName } from '../cases';
import { useCaseSubjects } from '../case-subjects';
import { TRACK, type Track, dueWithin, trackOf } from '../matrix';
import { AcknowledgeMutation, DashboardQuery } from '../operations';
import { PendingReviewLink } from '../components/review-links';
import { Freshness, useAsOf, useLiveQuery, useRecentlyChanged, useSession, useTo, useToday } from '../state';
import { useNavigate } from 'react-router-dom';

const TRACKS: Track[] = ['OVERDUE', 'AT_RISK', 'ON_TRACK'];

/** One OPLE: on track / at risk / overdue, who holds the ball, what is due, requests, open escalations. */
export default function DashboardPage() {
  const { ople = '' } = useParams();
  return (
    <OpleFence ople={ople}>
      {findOple(ople) ? <Dashboard ople={ople} key={ople} /> : <UnknownOple ople={ople} />}
    </OpleFence>
  );
}

function UnknownOple({ ople }: { ople: string }) {
  return (
    <>
      <h1>OPLE desconocido</h1>
      <p role="alert" className="notice error">
        «{ople}» no es la clave de ninguno de los 32 OPLE.
      </p>
    </>
  );
}

function Dashboard({ ople }: { ople: string }) {
  const info = findOple(ople)!;
  const { session } = useSession();
  const today = useToday();
  const asOf = useAsOf();
  const to = useTo();
  const navigate = useNavigate();
  const changed = useRecentlyChanged();
  const variables = useMemo(() => ({ ople, asOf }), [ople, asOf]);
  const { result, fetchedAt } = useLiveQuery(DashboardQuery, variables);
  const all = useAllDocuments({ ople });
  const docs = all.docs ?? [];
  const open = docs.filter((d) => d.deadline);
  const byTrack = (t: Track) => open.filter((d) => trackOf(d, today) === t);
  const requests = (result.data?.obligations ?? []).filter((o) => o.kind === 'REQUEST' && o.status === 'OPEN');
  const dueItems = [
    ...open.map((d) => ({
      id: d.id,
      title: d.title,
      dueDate: d.deadline!.dueDate,
      party: d.deadline!.party,
      kind: 'Documento',
    })),
    ...requests.map((r) => ({
      id: r.id,
      title: r.subject,
      dueDate: r.dueDate ?? '',
      party: 'OPLE',
      kind: 'Solicitud',
    })),
  ];
  const due7 = dueWithin(dueItems, today, 0, 7);
  const due14 = dueWithin(dueItems, today, 8, 14);
  const ball = (key: string) => open.filter((d) => d.ballInCourt === key);

  return (
    <>
      <div className="page-head">
        <h1>
          Tablero de {info.acronym} <span className="muted">({info.state})</span>
        </h1>
        {session.ople ? null : (
          <label className="inline">
            Otro OPLE:{' '}
            <select value={ople} onChange={(e) => void navigate(to(`/ople/${e.target.value}`))}>
              {OPLE_OPTIONS.map(([id, words]) => (
                <option key={id} value={id}>
                  {words}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="lead">
        Lo pendiente de este OPLE {asOf ? `al ${formatDay(asOf)}` : 'hoy'}: qué va en tiempo, qué está en riesgo (vence
        en 2 días o menos) y qué ya venció; quién tiene la pelota; lo que vence pronto; las solicitudes del INE con
        fecha límite; los escalamientos abiertos.
      </p>
      <Freshness
        fetchedAt={fetchedAt && all.fetchedAt ? Math.min(fetchedAt, all.fetchedAt) : null}
        fetching={result.fetching || all.fetching}
      />
      <ApiError error={result.error ?? all.error ?? undefined} />

      <section aria-labelledby="tracks" className="cards" data-testid="tracks">
        <h2 id="tracks" className="sr-only">
          Plazos de los documentos
        </h2>
        {TRACKS.map((t) => (
          <div key={t} className={`card track-${t}`}>
            <p className="big" data-testid={`track-${t}`}>
              {byTrack(t).length}
            </p>
            <p>
              <TrackBadge track={t} /> <span className="muted">{TRACK[t].hint}</span>
            </p>
          </div>
        ))}
        <div className="card">
          <p className="big">{result.data?.dashboard.overdueCount ?? '…'}</p>
          <p>Pendientes vencidos en total (documentos y solicitudes)</p>
        </div>
        {asOf ? null : <PendingReviewLink ople={ople} />}
      </section>

      <section aria-labelledby="by-status">
        <h2 id="by-status">Documentos por estado</h2>
        <ul className="status-bars">
          {STATUSES.map((s) => {
            const count = docs.filter((d) => d.status === s).length;
            return (
              <li key={s}>
                <Link to={to('/documentos', { ople, status: s })}>
                  <StatusBadge status={s} /> <strong data-testid={`status-${s}`}>{count}</strong>
                </Link>
                <span className="bar" aria-hidden="true">
                  <span
                    className={`fill status-${s}`}
                    style={{ width: `${docs.length ? (100 * count) / docs.length : 0}%` }}
                  />
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="ball">
        <h2 id="ball">Quién tiene la pelota</h2>
        <div className="two-columns">
          {(['OPLE', 'INE'] as const).map((party) => (
            <div key={party}>
              <h3>
                {BALL_LONG[party]}: {ball(party).length}
              </h3>
              <DocList docs={ball(party)} today={today} changed={changed} />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="due">
        <h2 id="due">Lo que vence pronto</h2>
        <div className="two-columns">
          <DueList title="En los próximos 7 días" items={due7} today={today} />
          <DueList title="Del día 8 al 14" items={due14} today={today} />
        </div>
      </section>

      <section aria-labelledby="requests">
        <h2 id="requests">Solicitudes del INE «a más tardar»</h2>
        {requests.length === 0 ? (
          <p>No hay solicitudes abiertas.</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Solicitud</th>
                <th scope="col">Qué pide</th>
                <th scope="col">A más tardar</th>
                <th scope="col">Cuenta regresiva</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className={r.overdue ? 'row-overdue' : ''}>
                  <td>{r.sourceOficio ? <OficioLink number={r.sourceOficio} /> : r.id}</td>
                  <td>{r.subject}</td>
                  <td>{formatDay(r.dueDate)}</td>
                  <td>
                    {r.dueDate ? (
                      <span className={r.overdue ? 'countdown late' : 'countdown'}>
                        <span aria-hidden="true">{r.overdue ? '⚠ ' : '⏳ '}</span>
                        {countdown(r.dueDate, today)}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Escalations escalations={result.data?.escalations ?? []} requests={result.data?.obligations ?? []} />
    </>
  );
}

function DocList({ docs, today, changed }: { docs: DocumentRow[]; today: string; changed: (id: string) => boolean }) {
  const to = useTo();
  if (docs.length === 0) return <p>Ninguno.</p>;
  return (
    <ul className="doc-list">
      {[...docs]
        .sort((a, b) => (a.deadline?.dueDate ?? '9').localeCompare(b.deadline?.dueDate ?? '9'))
        .map((d) => (
          <li key={d.id} className={changed(d.id) ? 'changed' : ''} data-doc={d.id}>
            <Link to={to(`/documentos/${encodeURIComponent(d.id)}`)}>
              {d.deliverable} {d.versionKind === 'FINAL' ? 'F' : 'P'} · {d.title}
            </Link>{' '}
            <StatusBadge status={d.status} /> <TrackBadge track={trackOf(d, today)} />{' '}
            {d.deadline ? <span className="muted">{countdown(d.deadline.dueDate, today)}</span> : null}
            {changed(d.id) ? <span className="change-note"> · cambió hace un momento</span> : null}
          </li>
        ))}
    </ul>
  );
}

function DueList({
  title,
  items,
  today,
}: {
  title: string;
  items: Array<{ id: string; title: string; dueDate: string; party: string; kind: string }>;
  today: string;
}) {
  const to = useTo();
  return (
    <div>
      <h3>
        {title}: {items.length}
      </h3>
      {items.length === 0 ? (
        <p>Nada.</p>
      ) : (
        <ul className="doc-list">
          {items.map((i) => (
            <li key={i.id}>
              <strong>{formatDay(i.dueDate)}</strong> ({countdown(i.dueDate, today)}) · {i.kind}:{' '}
              {i.id.startsWith('document:') ? (
                <Link to={to(`/documentos/${encodeURIComponent(i.id)}`)}>{i.title}</Link>
              ) : (
                i.title
              )}{' '}
              <span className="muted">— debe actuar: {i.party}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type EscalationRow = {
  key: string;
  streamId: string;
  step: string;
  recipient: string;
  firedAt: string;
  dueAt: string;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
};

function Escalations({
  escalations,
  requests,
}: {
  escalations: EscalationRow[];
  requests: ReadonlyArray<{ id: string; subject: string }>;
}) {
  const asOf = useAsOf();
  const given = useMemo(() => new Map(requests.map((r) => [r.id, { subject: r.subject }])), [requests]);
  const streamIds = useMemo(() => escalations.map((e) => e.streamId), [escalations]);
  const subjects = useCaseSubjects(streamIds, given);
  const [{ fetching }, acknowledge] = useMutation(AcknowledgeMutation);
  const [messages, setMessages] = useState<Record<string, string>>({});
  const take = async (e: EscalationRow) => {
    const answer = await acknowledge({ input: { key: e.key, streamId: e.streamId } });
    setMessages((m) => ({
      ...m,
      [`${e.streamId}|${e.key}`]: answer.error
        ? `No se registró: ${answer.error.graphQLErrors[0]?.message ?? answer.error.message}`
        : `Registrado: ${answer.data!.acknowledgeEscalation.acknowledgedBy} se hizo cargo.`,
    }));
  };
  return (
    <section aria-labelledby="escalations">
      <h2 id="escalations">Escalamientos abiertos</h2>
      {escalations.length === 0 ? (
        <p>No hay escalamientos abiertos.</p>
      ) : (
        <table className="list" data-testid="escalations">
          <thead>
            <tr>
              <th scope="col">Caso</th>
              <th scope="col">Peldaño</th>
              <th scope="col">Destinatario</th>
              <th scope="col">Se disparó</th>
              <th scope="col">Quién se hizo cargo</th>
            </tr>
          </thead>
          <tbody>
            {escalations.map((e) => (
              <tr key={`${e.streamId}|${e.key}`}>
                <td>
                  <CaseLink streamId={e.streamId} subjects={subjects} />
                </td>
                <td>{STEP[e.step] ?? e.step}</td>
                <td>{e.recipient}</td>
                <td>{formatInstant(e.firedAt)}</td>
                <td>
                  {e.acknowledgedBy ? (
                    <>
                      {e.acknowledgedBy} ({formatInstant(e.acknowledgedAt)})
                    </>
                  ) : asOf ? (
                    <span className="muted">nadie (en esa fecha)</span>
                  ) : (
                    <button type="button" onClick={() => void take(e)} disabled={fetching}>
                      Me hago cargo
                      <span className="sr-only">
                        {' '}
                        de {STEP[e.step] ?? e.step} en {caseName(e.streamId, subjects).name}
                      </span>
                    </button>
                  )}
                  {messages[`${e.streamId}|${e.key}`] ? (
                    <span role="status" className="ack-message">
                      {' '}
                      {messages[`${e.streamId}|${e.key}`]}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
