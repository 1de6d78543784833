import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, OpleFence } from '../components/layout';
import { StatusBadge } from '../components/status';
import { OficioLink } from '../components/fields';
import { StoryChart } from '../components/story-chart';
import { findOple } from '../catalogue';
import {
  BALL_LONG,
  DEADLINE_KIND,
  OBSERVATION_STATUS,
  OUTCOME,
  STEP,
  STEPS,
  VERSION,
  countdown,
  dayInMexico,
  duration,
  formatDay,
  formatInstant,
} from '../format';
import type { DocumentDetailFieldsFragment } from '../gql/graphql';
import { DocumentAsOfQuery, DocumentQuery, ExtendDeadlineMutation, WithdrawDocumentMutation } from '../operations';
import { MutationForm } from '../components/mutation-form';
import { useMutation } from 'urql';
import { Freshness, useAsOf, useLiveQuery, useRecentlyChanged, useSession, useTo, useToday } from '../state';
import { observationAcrossRounds, storyOf } from '../timeline';

/** A document's story: timeline of rounds, observations across rounds, deadline ladder, event log. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const ople = id.split(':')[1] ?? '';
  return (
    <OpleFence ople={ople}>
      <DocumentView id={id} ople={ople} />
    </OpleFence>
  );
}

type Live = { running: boolean; nextEscalationStep?: string | null; nextEscalationAt?: string | null } | null;

function DocumentView({ id, ople }: { id: string; ople: string }) {
  const asOf = useAsOf();
  const now = useLiveQuery(
    DocumentQuery,
    useMemo(() => ({ id }), [id]),
    !!asOf,
  );
  const past = useLiveQuery(
    DocumentAsOfQuery,
    useMemo(() => ({ ople, search: id.split(':').slice(2).join(':'), asOf: asOf ?? '' }), [ople, id, asOf]),
    !asOf,
  );
  const source = asOf ? past : now;
  const doc: DocumentDetailFieldsFragment | undefined = asOf
    ? past.result.data?.documents.edges.map((e) => e.node).find((d) => d.id === id)
    : now.result.data?.document;
  const live: Live = asOf ? null : (now.result.data?.document.live ?? null);
  const changed = useRecentlyChanged();
  const to = useTo();
  const missing = asOf && past.result.data && !doc;
  return (
    <>
      <p className="breadcrumb">
        <Link to={to(`/ople/${ople}`)}>Tablero de {findOple(ople)?.acronym ?? ople}</Link> ›{' '}
        <Link to={to('/documentos', { ople })}>Documentos</Link>
      </p>
      {doc ? (
        <Detail
          doc={doc}
          live={live}
          changed={changed(id)}
          fetchedAt={source.fetchedAt}
          fetching={source.result.fetching}
        />
      ) : (
        <>
          <h1>Documento {id}</h1>
          <Freshness fetchedAt={source.fetchedAt} fetching={source.result.fetching} />
          {missing ? (
            <p className="notice">En esa fecha este documento todavía no existía: ningún oficio lo había tocado.</p>
          ) : null}
        </>
      )}
      <ApiError error={source.result.error} />
    </>
  );
}

function Detail({
  doc,
  live,
  changed,
  fetchedAt,
  fetching,
}: {
  doc: DocumentDetailFieldsFragment;
  live: Live;
  changed: boolean;
  fetchedAt: number | null;
  fetching: boolean;
}) {
  const asOf = useAsOf();
  const today = useToday();
  const until = asOf ?? dayInMexico(Date.now());
  // While time travelling, only what had taken effect by then.
  const cutoff = asOf ? Date.parse(`${asOf}T23:59:59.999-06:00`) : Infinity;
  const timeline = doc.timeline.filter((t) => Date.parse(t.effectiveAt) <= cutoff);
  const expectedSince =
    doc.timeline
      .find((t) => t.type === 'DeliverableExpected' || /esperad/i.test(t.summary))
      ?.effectiveAt.slice(0, 10) ?? null;
  const { segments, marks } = useMemo(
    () => storyOf(doc.rounds, until, expectedSince),
    [doc.rounds, until, expectedSince],
  );
  const storyLabel = `Línea de tiempo de ${doc.title}: ${segments
    .map(
      (s) =>
        `${s.party} tuvo la pelota ${duration(s.days)} (${s.what}) del ${formatDay(s.from)} ${s.open ? 'hasta hoy' : `al ${formatDay(s.to)}`}`,
    )
    .join('; ')}.`;
  const rounds = [...doc.rounds].sort((a, b) => a.number - b.number);
  const oficioLink = (n: string | null | undefined) =>
    n ? <OficioLink number={n} /> : <span className="muted">no registrado</span>;

  return (
    <>
      <h1 className={changed ? 'changed' : ''}>
        {doc.title} <span className="muted">— {VERSION[doc.versionKind]}</span>
      </h1>
      <Freshness fetchedAt={fetchedAt} fetching={fetching} />
      {changed ? (
        <p className="notice changed" role="status">
          Este documento acaba de cambiar.
        </p>
      ) : null}
      <dl className="facts" data-testid="document-facts">
        <div>
          <dt>Estado</dt>
          <dd>
            <StatusBadge status={doc.status} />
          </dd>
        </div>
        <div>
          <dt>Quién tiene la pelota</dt>
          <dd>{BALL_LONG[doc.ballInCourt]}</dd>
        </div>
        <div>
          <dt>Plazo en curso</dt>
          <dd>
            {doc.deadline ? (
              <>
                {formatDay(doc.deadline.dueDate)} — {DEADLINE_KIND[doc.deadline.kind]} (
                {countdown(doc.deadline.dueDate, today)})
                {doc.overdue ? <strong className="late"> ⚠ vencido</strong> : null}
              </>
            ) : (
              'ninguno'
            )}
          </dd>
        </div>
        <div>
          <dt>OPLE · entregable</dt>
          <dd>
            {findOple(doc.ople)?.acronym ?? doc.ople} · {doc.deliverable}
          </dd>
        </div>
        <div>
          <dt>Observaciones abiertas</dt>
          <dd>{doc.openObservations}</dd>
        </div>
        <div>
          <dt>Identificador</dt>
          <dd>
            <code>{doc.id}</code>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="story">
        <h2 id="story">Su historia: rondas y quién tuvo la pelota</h2>
        <p>
          Cada barra es el tiempo que una de las partes tuvo la pelota (azul: el INE revisa; ámbar: el OPLE entrega o
          atiende); cada rombo es un oficio. La tabla de abajo dice lo mismo en palabras.
        </p>
        {segments.length || marks.length ? (
          <StoryChart segments={segments} marks={marks} label={storyLabel} />
        ) : (
          <p>Aún no hay rondas.</p>
        )}
        <table className="list" data-testid="rounds">
          <caption>Rondas de revisión</caption>
          <thead>
            <tr>
              <th scope="col">Ronda</th>
              <th scope="col">El OPLE remite</th>
              <th scope="col">El INE responde</th>
              <th scope="col">Lo que dijo el INE</th>
              <th scope="col">El INE tardó</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => {
              const review = segments.find((s) => s.party === 'INE' && s.what === `revisión de la ronda ${r.number}`);
              return (
                <tr key={r.number}>
                  <th scope="row">{r.number}</th>
                  <td>
                    {oficioLink(r.submittedBy)} {r.submittedOn ? `(${formatDay(r.submittedOn)})` : ''}
                  </td>
                  <td>
                    {r.answeredBy ? oficioLink(r.answeredBy) : <span className="muted">pendiente</span>}{' '}
                    {r.answeredOn ? `(${formatDay(r.answeredOn)})` : ''}
                  </td>
                  <td>
                    {r.outcome ? OUTCOME[r.outcome] : '—'}
                    {r.additionalObservations ? ', con observaciones adicionales' : ''}
                  </td>
                  <td>{review ? `${duration(review.days)}${review.open ? ' (sigue)' : ''}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="observations">
        <h2 id="observations">Observaciones y su estado en cada ronda</h2>
        {doc.observations.length === 0 ? (
          <p>El INE no ha remitido observaciones sobre este documento.</p>
        ) : (
          <table className="list" data-testid="observations">
            <thead>
              <tr>
                <th scope="col">Observación</th>
                <th scope="col">Remitida por</th>
                {rounds.map((r) => (
                  <th scope="col" key={r.number}>
                    Ronda {r.number}
                  </th>
                ))}
                <th scope="col">Hoy</th>
              </tr>
            </thead>
            <tbody>
              {doc.observations.map((o) => {
                const across = observationAcrossRounds(o, rounds);
                return (
                  <tr key={o.id}>
                    <td>
                      {o.text}
                      {o.inferred ? <span className="muted"> (deducida de la cadena)</span> : null}
                    </td>
                    <td>{oficioLink(o.raisedBy)}</td>
                    {rounds.map((r) => (
                      <td key={r.number}>
                        {across.get(r.number) ? (
                          <span className={`obs obs-${across.get(r.number)}`}>
                            {OBSERVATION_STATUS[across.get(r.number)!]}
                          </span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    ))}
                    <td>
                      <span className={`obs obs-${o.status}`}>{OBSERVATION_STATUS[o.status]}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="ladder">
        <h2 id="ladder">Escalera de plazos</h2>
        <p>
          Cuando un plazo corre, se disparan en orden: recordatorio, plazo vencido y los niveles 1 a 3. Aquí, lo que se
          ha disparado{live ? ' y lo que sigue' : ''}.
        </p>
        <ol className="ladder" data-testid="ladder">
          {STEPS.map((step) => {
            const fired = doc.escalations.filter((e) => e.step === step);
            const next = live?.nextEscalationStep === step;
            return (
              <li key={step} className={fired.length ? 'fired' : next ? 'next' : 'idle'}>
                <span aria-hidden="true">{fired.length ? '●' : next ? '◌' : '○'}</span> <strong>{STEP[step]}</strong>:{' '}
                {fired.length
                  ? fired
                      .map(
                        (e) =>
                          `disparado el ${formatInstant(e.firedAt)} a ${e.recipient}${
                            e.acknowledgedBy ? `; se hizo cargo ${e.acknowledgedBy}` : '; nadie se ha hecho cargo'
                          }`,
                      )
                      .join(' · ')
                  : next
                    ? `el próximo, programado para el ${formatInstant(live?.nextEscalationAt)}`
                    : 'no disparado'}
              </li>
            );
          })}
        </ol>
      </section>

      <Actions doc={doc} />

      <section aria-labelledby="log">
        <h2 id="log">Bitácora completa</h2>
        <table className="list" data-testid="event-log">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Surtió efecto</th>
              <th scope="col">Qué pasó</th>
              <th scope="col">Oficio</th>
              <th scope="col">Registró</th>
              <th scope="col">Registrado el</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((t) => (
              <tr key={t.position}>
                <td>{t.version}</td>
                <td>{formatInstant(t.effectiveAt)}</td>
                <td>{t.summary}</td>
                <td>{t.oficioNumber ? oficioLink(t.oficioNumber) : '—'}</td>
                <td>{t.actor ?? '—'}</td>
                <td>{formatInstant(t.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** What an operator may record on the document from here: extend its deadline, withdraw it. */
function Actions({ doc }: { doc: DocumentDetailFieldsFragment }) {
  const { session } = useSession();
  const asOf = useAsOf();
  const [, extend] = useMutation(ExtendDeadlineMutation);
  const [, withdraw] = useMutation(WithdrawDocumentMutation);
  if (asOf || (session.role !== 'OPERATOR' && session.role !== 'ADMIN')) return null;
  if (doc.status === 'WITHDRAWN' || doc.status === 'RESOLVED') return null;
  // An empty optional field is left out: the API reads an explicit null oficioNumber as the text "null".
  const optional = (value: string) => (value.trim() ? { oficioNumber: value.trim() } : {});
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">Registrar</h2>
      <div className="two-columns">
        {doc.deadline ? (
          <MutationForm
            id="extend"
            title="Prorrogar el plazo en curso"
            submitLabel="Registrar la prórroga"
            fields={[
              {
                name: 'dueDate',
                label: 'Nuevo último día',
                type: 'date',
                required: true,
                hint: 'Posterior al vigente.',
              },
              { name: 'reason', label: 'Motivo', required: true },
              { name: 'oficioNumber', label: 'Oficio que la concede' },
            ]}
            onSubmit={async (v) => {
              const answer = await extend({
                input: {
                  documentId: doc.id,
                  dueDate: v.dueDate,
                  reason: v.reason,
                  ...optional(v.oficioNumber),
                },
              });
              const due = answer.data?.extendDeadline.document.deadline?.dueDate;
              return { error: answer.error, done: `Prórroga registrada: el plazo vence el ${formatDay(due)}.` };
            }}
          />
        ) : null}
        <MutationForm
          id="withdraw"
          title="Retirar el documento"
          submitLabel="Registrar el retiro"
          fields={[
            { name: 'date', label: 'Fecha del retiro', type: 'date', required: true },
            { name: 'reason', label: 'Motivo', required: true },
            { name: 'oficioNumber', label: 'Oficio del OPLE que lo retira' },
          ]}
          onSubmit={async (v) => {
            const answer = await withdraw({
              input: { documentId: doc.id, date: v.date, reason: v.reason, ...optional(v.oficioNumber) },
            });
            return { error: answer.error, done: 'Retiro registrado: el plazo dejó de correr.' };
          }}
        />
      </div>
    </section>
  );
}
