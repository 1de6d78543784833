import { type FormEvent, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { caseName } from '../cases';
import { CaseLink, OPLE_OPTIONS, SelectField } from '../components/fields';
import { ApiError } from '../components/layout';
import { OUTCOME, formatDay, formatInstant } from '../format';
import type { IngestMutation as IngestAnswer } from '../gql/graphql';
import { IngestMutation } from '../operations';
import { OFICIO_KIND, RESULT, outcomes, textToRecord } from '../recording';
import { useSession, useTo } from '../state';
import { Link } from 'react-router-dom';

type Reading = IngestAnswer['ingestCorrespondence'];
type ReadRow = Reading['oficios'][number];

/**
 * «Registrar correspondencia»: paste the text, read it without recording anything (dryRun), review
 * each oficio the parser found — skip the ones not to record —, then record, with a result per row.
 */
export default function RecordPage() {
  const { session } = useSession();
  const mayRecord = session.role === 'OPERATOR' || session.role === 'ADMIN';
  const [ople, setOple] = useState(session.ople ?? 'GRO');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [reading, setReading] = useState<{ text: string; ople: string; answer: Reading } | null>(null);
  const [kept, setKept] = useState<Set<number>>(new Set());
  const [recorded, setRecorded] = useState<Reading | null>(null);
  const [{ fetching, error }, ingest] = useMutation(IngestMutation);

  const read = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setTextError('Texto de la correspondencia: pegue el texto de los oficios.');
      return;
    }
    setTextError(null);
    setRecorded(null);
    const answer = await ingest({ text, ople, dryRun: true });
    if (!answer.data) return;
    const oficios = answer.data.ingestCorrespondence.oficios;
    setReading({ text, ople, answer: answer.data.ingestCorrespondence });
    // What could not be read with certainty is never recorded: such rows start skipped.
    setKept(new Set(oficios.flatMap((o, i) => (o.needsReview ? [] : [i]))));
  };
  const record = async () => {
    if (!reading) return;
    const body = textToRecord(reading.text, reading.answer.oficios, kept);
    const answer = await ingest({ text: body, ople: reading.ople, dryRun: false });
    if (answer.data) setRecorded(answer.data.ingestCorrespondence);
  };
  const toggle = (i: number) =>
    setKept((previous) => {
      const next = new Set(previous);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  if (!mayRecord)
    return (
      <>
        <h1>Registrar correspondencia</h1>
        <p role="alert" className="notice error">
          Su cuenta es de consulta: registrar oficios corresponde a quien opera (OPERATOR o ADMIN).
        </p>
      </>
    );
  return (
    <>
      <h1>Registrar correspondencia</h1>
      <p className="lead">
        Pegue el texto de la correspondencia (el informe mensual, o el texto de un PDF). Primero se lee sin registrar
        nada: revise cómo se entendió cada oficio, omita los que no deban registrarse y después pulse «Registrar». Lo
        que no se pudo leer con certeza queda marcado para revisión y no se registra. El entregable de un oficio no se
        puede corregir aquí (el API no lo permite): omítalo y regístrelo por separado.
      </p>
      <form onSubmit={read} className="record-form" aria-label="Texto a registrar" noValidate>
        <SelectField
          id="rec-ople"
          label="OPLE"
          value={ople}
          options={OPLE_OPTIONS}
          disabled={!!session.ople}
          onChange={(value) => {
            setOple(value);
            setReading(null);
          }}
        />
        <div className="field">
          <label htmlFor="rec-text">Texto de la correspondencia</label>
          <textarea
            id="rec-text"
            rows={12}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setReading(null);
              setRecorded(null);
            }}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? 'rec-text-error' : undefined}
          />
          {textError ? (
            <span id="rec-text-error" className="field-error" role="alert">
              {textError}
            </span>
          ) : null}
        </div>
        <button type="submit" className="primary" disabled={fetching}>
          Leer el texto
        </button>
      </form>
      <ApiError error={error} />
      {fetching ? <p role="status">{reading ? 'Registrando…' : 'Leyendo el texto…'}</p> : null}
      {reading ? (
        <Review
          reading={reading.answer}
          kept={kept}
          toggle={toggle}
          recorded={recorded}
          busy={fetching}
          onRecord={() => void record()}
        />
      ) : null}
    </>
  );
}

function Review({
  reading,
  kept,
  toggle,
  recorded,
  busy,
  onRecord,
}: {
  reading: Reading;
  kept: Set<number>;
  toggle: (i: number) => void;
  recorded: Reading | null;
  busy: boolean;
  onRecord: () => void;
}) {
  const to = useTo();
  const rows = reading.oficios;
  const after = useMemo(() => (recorded ? outcomes(rows, kept, recorded.oficios) : null), [rows, kept, recorded]);
  const flagged = rows.filter((o) => o.needsReview).length;
  // Counted row by row, as the table says them (the API counts cases, and never saw the rows left out).
  const count = (result: string) => after?.filter((o) => o.result === result).length ?? 0;
  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">{recorded ? 'Resultado del registro' : 'Cómo se leyó el texto'}</h2>
      <p role="status" data-testid="reading-summary">
        {recorded
          ? `Oficios registrados ${count('CREATED')}; ya estaban registrados ${count('ALREADY_RECORDED')}; para revisión ${count('NEEDS_REVIEW')}; rechazados ${count('FAILED')}; omitidos ${count('SKIPPED')}.`
          : `Se ${rows.length === 1 ? 'leyó 1 oficio' : `leyeron ${rows.length} oficios`}; ${flagged === 1 ? '1 necesita' : `${flagged} necesitan`} revisión. Se ${kept.size === 1 ? 'registrará 1' : `registrarán ${kept.size}`}.`}
      </p>
      {reading.warnings.length ? (
        <ul className="notice">
          {reading.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="table-scroll">
        <table className="list reading" data-testid="reading">
          <thead>
            <tr>
              <th scope="col">Registrar</th>
              <th scope="col">Oficio</th>
              <th scope="col">Fecha</th>
              <th scope="col">Tipo</th>
              <th scope="col">Resultado</th>
              <th scope="col">Cita</th>
              <th scope="col">Plazo</th>
              <th scope="col">{recorded ? 'Qué pasó' : 'Qué pasaría'}</th>
              <th scope="col">Revisión</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o, i) => {
              const outcome = after?.[i];
              return (
                <tr
                  key={`${o.spanStart}-${i}`}
                  data-oficio={o.number ?? ''}
                  className={`${o.needsReview ? 'row-review' : ''}${kept.has(i) ? '' : ' row-skipped'}`}
                >
                  <td>
                    <input
                      type="checkbox"
                      id={`keep-${i}`}
                      checked={kept.has(i)}
                      disabled={!!recorded || o.needsReview}
                      onChange={() => toggle(i)}
                      aria-label={`Registrar el oficio ${o.number ?? `sin número (fila ${i + 1})`}`}
                    />
                  </td>
                  <td>{o.number ?? <span className="muted">sin número</span>}</td>
                  <td>{formatDay(o.date)}</td>
                  <td>{o.kind ? (OFICIO_KIND[o.kind] ?? o.kind) : '—'}</td>
                  <td>
                    {o.outcome ? (OUTCOME[o.outcome] ?? o.outcome) : '—'}
                    {o.additionalObservations ? '; con observaciones adicionales' : ''}
                    {o.deliverable ? <span className="muted"> · entregable {o.deliverable}</span> : null}
                  </td>
                  <td>
                    {o.references.length
                      ? o.references.map((r, j) => (
                          <span key={r}>
                            {j ? ', ' : ''}
                            {r}
                          </span>
                        ))
                      : '—'}
                  </td>
                  <td>
                    {o.deadline ? formatDay(o.deadline) : null}
                    {o.items.length ? (
                      <ul className="compact">
                        {o.items.map((item) => (
                          <li key={`${item.deliverable}-${item.title}`}>
                            {item.deliverable ? `${item.deliverable}: ` : ''}
                            {formatDay(item.dueDate)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {o.meeting ? `reunión: ${formatInstant(o.meeting)}` : null}
                    {!o.deadline && !o.items.length && !o.meeting ? '—' : null}
                  </td>
                  <td data-testid="row-result">
                    <strong>{RESULT[outcome?.result ?? o.result] ?? o.result}</strong>
                    {outcome?.message ? <span className="muted"> — {outcome.message}</span> : null}
                    <TargetList row={o} linked={!!recorded && outcome?.result !== 'SKIPPED'} />
                    <span className="muted summary">{o.summary}</span>
                  </td>
                  <td>
                    {o.needsReview ? (
                      <span className="review-flag">
                        <span aria-hidden="true">⚠ </span>
                        {o.reviewReasons.join('; ')}
                      </span>
                    ) : o.assumptions.length ? (
                      <span className="muted">Supuesto: {o.assumptions.join('; ')}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {recorded ? (
        <p>
          Vea lo registrado en el <Link to={to('/correspondencia')}>registro de correspondencia</Link> o en el{' '}
          <Link to={to('/documentos')}>listado de documentos</Link>.
        </p>
      ) : (
        <button type="button" className="primary" onClick={onRecord} disabled={busy || kept.size === 0}>
          Registrar {kept.size} {kept.size === 1 ? 'oficio' : 'oficios'}
        </button>
      )}
    </section>
  );
}

/** The cases an oficio touches (or would touch): linked once recorded. */
function TargetList({ row, linked }: { row: ReadRow; linked: boolean }) {
  if (!row.targets.length) return null;
  return (
    <ul className="compact">
      {row.targets.map((t) => (
        <li key={t}>{linked ? <CaseLink streamId={t} /> : caseName(t).name}</li>
      ))}
    </ul>
  );
}
