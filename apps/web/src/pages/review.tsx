import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type CombinedError, useMutation } from 'urql';
import { OPLE_OPTIONS, OficioLink, SelectField } from '../components/fields';
import { ApiError, OpleFence } from '../components/layout';
import { fieldOf } from '../components/mutation-form';
import { USER_ROLE, formatDay, formatInstant } from '../format';
import type { ReviewItemFieldsFragment } from '../gql/graphql';
import { REVIEW_STATUS, type ResolveValues, readFields, resolveInput, snippet } from '../review-mail';
import { DismissReviewMutation, ResolveReviewMutation, ReviewItemQuery, ReviewQueueQuery } from '../review-operations';
import { Freshness, useLiveQuery, useSession } from '../state';
import { DateField } from '../components/date-field';

type ReviewStatus = 'PENDING' | 'RESOLVED' | 'DISMISSED';
const isStatus = (s: string | null): s is ReviewStatus => s === 'PENDING' || s === 'RESOLVED' || s === 'DISMISSED';

/** The review queue: what the ingest left to a person, an item's text and what was read, resolve or dismiss. */
export default function ReviewPage() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const ople = session.ople ?? params.get('ople') ?? '';
  const estado = params.get('estado');
  const status: ReviewStatus | null = estado === 'todas' ? null : isStatus(estado) ? estado : 'PENDING';
  const selected = params.get('id');
  const variables = useMemo(() => ({ ople: ople || null, status }), [ople, status]);
  const { result, fetchedAt, refetch } = useLiveQuery(ReviewQueueQuery, variables);
  const items = result.data?.reviewQueue ?? [];
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const link = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('id', id);
    return `/revision?${next.toString()}`;
  };
  return (
    <OpleFence ople={params.get('ople')}>
      <h1>Cola de revisión</h1>
      <p className="lead">
        Lo que la ingesta no pudo registrar sin adivinar: cada oficio (o elemento de un recordatorio) espera a que una
        persona lo registre en el entregable o documento que corresponde, o lo descarte con su motivo.
      </p>
      <form className="filters" aria-label="Filtros de la cola de revisión" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="r-ople"
          label="OPLE"
          value={ople}
          options={OPLE_OPTIONS}
          empty="Todos"
          disabled={!!session.ople}
          onChange={(value) => set({ ople: value || null, id: null })}
        />
        <SelectField
          id="r-status"
          label="Estado"
          value={status ?? 'todas'}
          options={[
            ['PENDING', 'Pendientes'],
            ['RESOLVED', 'Resueltas'],
            ['DISMISSED', 'Descartadas'],
            ['todas', 'Todas'],
          ]}
          onChange={(value) => set({ estado: value === 'PENDING' ? null : value, id: null })}
        />
      </form>
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      <p role="status" data-testid="review-count">
        {result.data
          ? items.length === 0
            ? status === 'PENDING'
              ? 'No hay oficios pendientes de revisión.'
              : 'No hay elementos con este estado.'
            : `${items.length} ${items.length === 1 ? 'elemento' : 'elementos'}.`
          : 'Cargando…'}
      </p>
      {items.length ? (
        <div className="table-scroll">
          <table className="list" data-testid="review-queue">
            <thead>
              <tr>
                <th scope="col">Oficio</th>
                <th scope="col">Fecha</th>
                <th scope="col">OPLE</th>
                <th scope="col">Estado</th>
                <th scope="col">Motivo</th>
                <th scope="col">Texto</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} aria-current={item.id === selected ? 'true' : undefined}>
                  <td>
                    <Link to={link(item.id)}>{item.oficioNumber ?? 'Sin número leído'}</Link>
                  </td>
                  <td>{formatDay(item.oficioDate)}</td>
                  <td>{item.ople}</td>
                  <td>{REVIEW_STATUS[item.status] ?? item.status}</td>
                  <td>{item.reasons.join('; ')}</td>
                  <td className="muted">{snippet(item.text)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected ? <ReviewDetail id={selected} onChanged={refetch} /> : null}
    </OpleFence>
  );
}

function ReviewDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { result, fetchedAt, refetch } = useLiveQuery(
    ReviewItemQuery,
    useMemo(() => ({ id }), [id]),
  );
  const item = result.data?.reviewItem;
  const { session } = useSession();
  // What the API allows (resolveReview and dismissReview require OPERATOR or ADMIN).
  const canDecide = session.role === 'OPERATOR' || session.role === 'ADMIN';
  // What was just done, said after the forms are gone (a decided item has none).
  const [outcome, setOutcome] = useState<string | null>(null);
  const changed = (words: string) => {
    setOutcome(words);
    refetch();
    onChanged();
  };
  return (
    <section aria-labelledby="review-detail" data-testid="review-detail">
      <h2 id="review-detail">
        Revisión {item?.oficioNumber ? `del oficio ${item.oficioNumber}` : ''}
        {item ? <span className="muted"> ({REVIEW_STATUS[item.status] ?? item.status})</span> : null}
      </h2>
      <Freshness fetchedAt={fetchedAt} fetching={result.fetching} />
      <ApiError error={result.error} />
      {outcome ? (
        <p role="status" className="ack-message" data-testid="review-outcome">
          {outcome}
        </p>
      ) : null}
      {item ? (
        <>
          <dl className="facts">
            <div>
              <dt>Identificador</dt>
              <dd>
                <code style={{ overflowWrap: 'anywhere' }}>{item.id}</code>
              </dd>
            </div>
            <div>
              <dt>Motivo</dt>
              <dd>{item.reasons.join('; ')}</dd>
            </div>
            <div>
              <dt>Entró a la cola</dt>
              <dd>
                {formatInstant(item.queuedAt)} por {item.queuedBy}
              </dd>
            </div>
            {item.oficioNumber ? (
              <div>
                <dt>Oficio</dt>
                <dd>
                  <OficioLink number={item.oficioNumber} /> del {formatDay(item.oficioDate)}
                </dd>
              </div>
            ) : null}
            {item.resolution ? (
              <div>
                <dt>{item.status === 'DISMISSED' ? 'Descartada' : 'Resuelta'}</dt>
                <dd data-testid="review-resolution">
                  {item.resolution.target}
                  {item.resolution.note ? ` — ${item.resolution.note}` : ''} ({item.actor ?? '—'},{' '}
                  {formatInstant(item.at)})
                  {item.resolution.recordedOn.length ? `; registrado en ${item.resolution.recordedOn.join(', ')}` : ''}
                </dd>
              </div>
            ) : null}
          </dl>
          <h3>Texto del oficio</h3>
          <p className="muted">
            Caracteres {item.span.start} a {item.span.end} del texto ingresado.
          </p>
          <pre className="report-preview" data-testid="review-text">
            {item.text}
          </pre>
          <h3>Lo que se leyó</h3>
          <ReadTable read={item.read} />
          {item.status === 'PENDING' && !canDecide ? (
            <p className="notice" data-testid="review-role">
              Solo un operador o un administrador puede resolver o descartar una revisión; su rol es{' '}
              {USER_ROLE[session.role] ?? session.role}.
            </p>
          ) : null}
          {item.status === 'PENDING' && canDecide ? (
            <div className="two-columns">
              <ResolveForm item={item} onDone={changed} />
              <DismissForm item={item} onDone={changed} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ReadTable({ read }: { read: string }) {
  const rows = readFields(read);
  if (!rows.length) return <p>No se leyó nada.</p>;
  return (
    <table className="list" data-testid="review-read">
      <thead>
        <tr>
          <th scope="col">Campo</th>
          <th scope="col">Valor leído</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const FIELD_LABEL: Record<string, string> = {
  deliverable: 'Entregable',
  version: 'Versión',
  documentId: 'Documento',
  dueDate: 'Plazo máximo',
  note: 'Nota',
  reason: 'Motivo',
  id: 'Revisión',
};

/** «version: …» (the API names its input field) → «Versión: …», as the form labels it. */
function inLabel(message: string, field: string | null): string {
  const label = field ? FIELD_LABEL[field] : undefined;
  return label && message.startsWith(`${field}: `) ? `${label}: ${message.slice(field!.length + 2)}` : message;
}

/** Where an API refusal goes: beside the field it names, or above the form. */
function placeError(error: CombinedError, fields: string[]): { field: string | null; message: string } {
  const field = fieldOf(error);
  const message = inLabel(error.graphQLErrors[0]?.message ?? error.message, field);
  return { field: field && fields.includes(field) ? field : null, message };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

const RESOLVE_FIELDS: Array<keyof ResolveValues> = ['deliverable', 'version', 'documentId', 'dueDate', 'note'];

function ResolveForm({ item, onDone }: { item: ReviewItemFieldsFragment; onDone: (words: string) => void }) {
  const [values, setValues] = useState<ResolveValues>({
    deliverable: '',
    version: '',
    documentId: '',
    dueDate: '',
    note: '',
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [state, resolve] = useMutation(ResolveReviewMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const checked = resolveInput(item.id, values);
    if ('field' in checked) {
      setErrors({ [checked.field]: checked.message });
      return;
    }
    const answer = await resolve({ input: checked.input });
    if (answer.error) {
      const { field, message } = placeError(answer.error, [...RESOLVE_FIELDS, 'id']);
      if (field && field !== 'id') setErrors({ [field]: message });
      else {
        setErrors({});
        setGeneral(message);
      }
      return;
    }
    setErrors({});
    onDone(`Resuelta: ${answer.data?.resolveReview.resolution?.target ?? 'registrada'}.`);
  };
  const input = (name: keyof ResolveValues, label: string, type = 'text', hint?: string) => {
    const id = `resolve-${name}`;
    const described = [errors[name] ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type={type}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={described || undefined}
        />
        {hint ? (
          <span id={`${id}-hint`} className="muted">
            {hint}
          </span>
        ) : null}
        <FieldError id={`${id}-error`} message={errors[name]} />
      </div>
    );
  };
  return (
    <form onSubmit={submit} className="mutation-form" aria-labelledby="resolve-title" noValidate>
      <h3 id="resolve-title">Registrar donde corresponde</h3>
      {general ? (
        <p role="alert" className="notice error">
          {general}
        </p>
      ) : null}
      {input('deliverable', 'Entregable (obligatorio)', 'text', 'Número del lineamiento 33, de 1 a 34.')}
      <div className="field">
        <label htmlFor="resolve-version">Versión</label>
        <select
          id="resolve-version"
          value={values.version}
          onChange={(e) => setValues((v) => ({ ...v, version: e.target.value }))}
          aria-invalid={errors.version ? true : undefined}
          aria-describedby={errors.version ? 'resolve-version-error' : undefined}
        >
          <option value="">Sin elegir</option>
          <option value="PROYECTO">Proyecto</option>
          <option value="FINAL">Versión final</option>
        </select>
        <FieldError id="resolve-version-error" message={errors.version} />
      </div>
      {input('documentId', 'Documento', 'text', 'Si ya existe: document:<OPLE>:<clave>.')}
      <DateField
        id="resolve-dueDate"
        label="Plazo máximo"
        value={values.dueDate}
        onChange={(dueDate) => setValues((v) => ({ ...v, dueDate }))}
        error={errors.dueDate}
        hint="Solo para un elemento de recordatorio que no lo decía."
      />
      {input('note', 'Nota')}
      <button type="submit" className="primary" disabled={state.fetching}>
        {state.fetching ? 'Registrando…' : 'Resolver'}
      </button>
    </form>
  );
}

function DismissForm({ item, onDone }: { item: ReviewItemFieldsFragment; onDone: (words: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [state, dismiss] = useMutation(DismissReviewMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    if (!reason.trim()) {
      setError('Motivo: es obligatorio; diga por qué se descarta.');
      return;
    }
    const answer = await dismiss({ input: { id: item.id, reason: reason.trim() } });
    if (answer.error) {
      const { field, message } = placeError(answer.error, ['reason', 'id']);
      if (field === 'reason') setError(message);
      else {
        setError(null);
        setGeneral(message);
      }
      return;
    }
    setError(null);
    onDone(`Descartada: ${reason.trim()}.`);
  };
  return (
    <form onSubmit={submit} className="mutation-form" aria-labelledby="dismiss-title" noValidate>
      <h3 id="dismiss-title">Descartar</h3>
      {general ? (
        <p role="alert" className="notice error">
          {general}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="dismiss-reason">Motivo (obligatorio)</label>
        <input
          id="dismiss-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'dismiss-reason-error' : undefined}
        />
        <FieldError id="dismiss-reason-error" message={error ?? undefined} />
      </div>
      <button type="submit" disabled={state.fetching}>
        {state.fetching ? 'Descartando…' : 'Descartar'}
      </button>
    </form>
  );
}
