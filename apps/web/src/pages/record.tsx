import { type FormEvent, useMemo, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { caseName } from '../cases';
import { CaseLink, OPLE_OPTIONS, OficioLink, SelectField } from '../components/fields';
import { ApiError } from '../components/layout';
import { OUTCOME, formatDay, formatInstant } from '../format';
import type { IngestFileMutation as IngestFileAnswer, IngestMutation as IngestAnswer } from '../gql/graphql';
import { IngestMutation } from '../operations';
import { OFICIO_KIND, RESULT, outcomes, outcomesInOrder, textToRecord } from '../recording';
import { formatBytes } from '../review-mail';
import { useSession, useTo } from '../state';
import { IngestFileMutation } from '../upload-operations';
import { REGISTER_FIELD, UPLOAD_ACCEPT, base64Of, fileFacts, fileProblem, refusalSaid, skipOf } from '../upload';
import { Link } from 'react-router-dom';

type Reading = IngestAnswer['ingestCorrespondence'];
type ReadRow = Reading['oficios'][number] & { reviewIds?: string[] };
type FileRead = IngestFileAnswer['ingestFile']['file'];
/** Where the reading came from: the pasted text, or a file (sent whole, its original kept). */
type Source = { kind: 'text'; text: string } | { kind: 'file'; name: string; contentBase64: string; file: FileRead };

/**
 * «Registrar correspondencia»: paste the text or upload a file, read it without recording anything
 * (dryRun), review each oficio the parser found — skip the ones not to record —, then record, with a
 * result per row. A file goes whole to ingestFile (its original is kept) with the skipped rows' positions.
 */
export default function RecordPage() {
  const { session } = useSession();
  const mayRecord = session.role === 'OPERATOR' || session.role === 'ADMIN';
  const [ople, setOple] = useState(session.ople ?? 'GRO');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [reading, setReading] = useState<{ source: Source; ople: string; answer: Reading } | null>(null);
  const [kept, setKept] = useState<Set<number>>(new Set());
  const [recorded, setRecorded] = useState<{ answer: Reading; file: FileRead | null } | null>(null);
  const [{ fetching: textBusy, error }, ingest] = useMutation(IngestMutation);
  const [{ fetching: fileBusy }, ingestFile] = useMutation(IngestFileMutation);
  const [chosen, setChosen] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [encoding, setEncoding] = useState(false);
  const fetching = textBusy || fileBusy || encoding;

  const start = (answer: Reading, source: Source, forOple: string) => {
    setReading({ source, ople: forOple, answer });
    // What could not be read with certainty is never recorded: such rows start skipped.
    setKept(new Set(answer.oficios.flatMap((o, i) => (o.needsReview ? [] : [i]))));
  };
  const choose = (file: File | null) => {
    setChosen(file);
    setFileError(file ? fileProblem(file) : null);
    if (reading?.source.kind === 'file') {
      setReading(null);
      setRecorded(null);
    }
  };
  /** The API's refusal of the file, beside the picker: its reason in the page's words. */
  const refused = (failure: CombinedError, name: string) =>
    setFileError(refusalSaid(failure.graphQLErrors[0]?.message ?? failure.message, name));

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
    start(answer.data.ingestCorrespondence, { kind: 'text', text }, ople);
  };
  const readFile = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setFileError('Subir archivo: elija el archivo de la correspondencia.');
      return;
    }
    const problem = fileProblem(chosen);
    setFileError(problem);
    if (problem) return;
    setRecorded(null);
    setReading(null);
    setEncoding(true);
    let contentBase64: string;
    try {
      contentBase64 = await base64Of(chosen);
    } catch {
      setFileError(`No se pudo abrir «${chosen.name}» en este navegador: vuelva a elegirlo.`);
      return;
    } finally {
      setEncoding(false);
    }
    const answer = await ingestFile({ input: { ople, fileName: chosen.name, contentBase64, dryRun: true } });
    if (answer.error || !answer.data) {
      if (answer.error) refused(answer.error, chosen.name);
      return;
    }
    const report = answer.data.ingestFile;
    start(report, { kind: 'file', name: chosen.name, contentBase64, file: report.file }, ople);
  };
  const record = async () => {
    if (!reading) return;
    const source = reading.source;
    if (source.kind === 'file') {
      const skip = skipOf(reading.answer.oficios, kept);
      const input = { ople: reading.ople, fileName: source.name, contentBase64: source.contentBase64, skip };
      const answer = await ingestFile({ input: { ...input, dryRun: false } });
      if (answer.error) refused(answer.error, source.name);
      else if (answer.data) setRecorded({ answer: answer.data.ingestFile, file: answer.data.ingestFile.file });
      return;
    }
    const body = textToRecord(source.text, reading.answer.oficios, kept);
    const answer = await ingest({ text: body, ople: reading.ople, dryRun: false });
    if (answer.data) setRecorded({ answer: answer.data.ingestCorrespondence, file: null });
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
        Pegue el texto de la correspondencia (el informe mensual, o el texto de un PDF) o suba el archivo que recibió.
        Primero se lee sin registrar nada: revise cómo se entendió cada oficio, omita los que no deban registrarse y
        después pulse «Registrar». Lo que no se pudo leer con certeza queda marcado para revisión y no se registra. El
        entregable de un oficio no se puede corregir aquí (el API no lo permite): omítalo y regístrelo por separado.
      </p>
      <div className="record-ople">
        <SelectField
          id="rec-ople"
          label="OPLE"
          value={ople}
          options={OPLE_OPTIONS}
          disabled={!!session.ople}
          onChange={(value) => {
            setOple(value);
            setReading(null);
            setRecorded(null);
          }}
        />
      </div>
      <div className="record-sources">
        <form onSubmit={read} className="record-form" aria-label="Texto a registrar" noValidate>
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
        <UploadForm
          chosen={chosen}
          error={fileError}
          busy={fetching}
          onChoose={choose}
          onSubmit={(event) => void readFile(event)}
        />
      </div>
      <ApiError error={error} />
      {fetching ? (
        <p role="status">
          {reading ? 'Registrando…' : fileBusy || encoding ? 'Leyendo el archivo…' : 'Leyendo el texto…'}
        </p>
      ) : null}
      {reading ? (
        <Review
          reading={reading.answer}
          file={reading.source.kind === 'file' ? (recorded?.file ?? reading.source.file) : null}
          kept={kept}
          toggle={toggle}
          recorded={recorded?.answer ?? null}
          busy={fetching}
          onRecord={() => void record()}
        />
      ) : null}
    </>
  );
}

function Review({
  reading,
  file,
  kept,
  toggle,
  recorded,
  busy,
  onRecord,
}: {
  reading: Reading;
  file: FileRead | null;
  kept: Set<number>;
  toggle: (i: number) => void;
  recorded: Reading | null;
  busy: boolean;
  onRecord: () => void;
}) {
  const to = useTo();
  const rows: readonly ReadRow[] = reading.oficios;
  // A file's answer lists the reading's oficios in the same order (the skipped ones as SKIPPED).
  const after = useMemo(
    () => (recorded ? (file ? outcomesInOrder : outcomes)(rows, kept, recorded.oficios) : null),
    [rows, kept, recorded, file],
  );
  const answered: readonly ReadRow[] = recorded?.oficios ?? [];
  // «archivo ya recibido el … por …» is said with the file; the other warnings stay in the list.
  const warnings = (file && recorded ? recorded : reading).warnings;
  const received = file?.alreadyReceived ? warnings.find((w) => w.includes('archivo ya recibido')) : undefined;
  const flagged = rows.filter((o) => o.needsReview).length;
  // Counted row by row, as the table says them (the API counts cases, and never saw the rows left out).
  const count = (result: string) => after?.filter((o) => o.result === result).length ?? 0;
  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">
        {recorded ? 'Resultado del registro' : file ? 'Cómo se leyó el archivo' : 'Cómo se leyó el texto'}
      </h2>
      {file ? <FileFacts file={file} received={received} recorded={!!recorded} /> : null}
      <p role="status" data-testid="reading-summary">
        {recorded
          ? `Oficios registrados ${count('CREATED')}; ya estaban registrados ${count('ALREADY_RECORDED')}; para revisión ${count('NEEDS_REVIEW')}; rechazados ${count('FAILED')}; omitidos ${count('SKIPPED')}.`
          : `Se ${rows.length === 1 ? 'leyó 1 oficio' : `leyeron ${rows.length} oficios`}; ${flagged === 1 ? '1 necesita' : `${flagged} necesitan`} revisión. Se ${kept.size === 1 ? 'registrará 1' : `registrarán ${kept.size}`}.`}
      </p>
      {warnings.some((w) => w !== received) ? (
        <ul className="notice">
          {warnings
            .filter((w) => w !== received)
            .map((w) => (
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
                  <td>
                    {!o.number ? (
                      <span className="muted">sin número</span>
                    ) : outcome && (outcome.result === 'CREATED' || outcome.result === 'ALREADY_RECORDED') ? (
                      <OficioLink number={o.number} />
                    ) : (
                      o.number
                    )}
                  </td>
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
                    <TargetList
                      row={file && answered[i] ? answered[i] : o}
                      linked={!!recorded && outcome?.result !== 'SKIPPED'}
                    />
                    {file && outcome?.result === 'NEEDS_REVIEW' ? <ReviewLinks ids={answered[i]?.reviewIds} /> : null}
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

/** After recording a file: the review queue's items a row left, each a link to its detail. */
function ReviewLinks({ ids }: { ids?: string[] }) {
  const to = useTo();
  if (!ids?.length) return null;
  return (
    <ul className="compact">
      {ids.map((id, k) => (
        <li key={id}>
          <Link to={to(`/revision?id=${encodeURIComponent(id)}`)}>
            En la cola de revisión{ids.length > 1 ? ` (${k + 1})` : ''}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The file picker beside the paste box: a native file input (reachable and usable by keyboard, as
 * every browser makes it) inside a zone a file can also be dropped on; what is wrong with the file
 * (the page's check or the API's refusal) is said beside it, as an alert the input points to.
 */
function UploadForm({
  chosen,
  error,
  busy,
  onChoose,
  onSubmit,
}: {
  chosen: File | null;
  error: string | null;
  busy: boolean;
  onChoose: (file: File | null) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    <form onSubmit={onSubmit} className="upload-form" aria-label="Archivo a registrar" noValidate>
      <div className="field">
        <label htmlFor="rec-file" id="rec-file-label">
          Subir archivo
        </label>
        <p id="rec-file-hint" className="hint">
          PDF, DOCX, XLSX, CSV, EML o TXT, hasta 25 MiB. Se lee sin registrar nada; al registrar se guarda el original
          con los oficios que contiene.
        </p>
        <div
          className={`drop-zone${over ? ' over' : ''}${error ? ' invalid' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            const file = e.dataTransfer.files[0];
            if (file) onChoose(file);
          }}
        >
          {/* The native input keeps the keyboard and the screen readers; its words (the browser's
              language, not always Spanish) are covered by the page's own. */}
          <input
            type="file"
            id="rec-file"
            className="file-input"
            accept={UPLOAD_ACCEPT}
            onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
            aria-labelledby="rec-file-label"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'rec-file-hint rec-file-error' : 'rec-file-hint'}
          />
          <label htmlFor="rec-file" className="file-button" aria-hidden="true">
            Elegir archivo
          </label>
          <span className="file-name" data-testid="chosen-file" aria-hidden="true">
            {chosen ? `${chosen.name} (${formatBytes(chosen.size)})` : 'Ningún archivo elegido'}
          </span>
          <span className="drop-words" aria-hidden="true">
            o arrástrelo aquí
          </span>
        </div>
        {error ? (
          <span id="rec-file-error" className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Leer el archivo
      </button>
    </form>
  );
}

/** What the file reader reported: kind, pages, size, OCR, its notes, a register's columns; and the original. */
function FileFacts({ file, received, recorded }: { file: FileRead; received?: string; recorded: boolean }) {
  return (
    <div className="file-facts" data-testid="file-facts">
      <p>
        <strong>{file.name}</strong>: {fileFacts(file)}.{' '}
        {recorded ? (
          <>
            Original guardado:{' '}
            <a href={file.downloadUrl} download={file.name}>
              Descargar original
            </a>
            .
          </>
        ) : null}
      </p>
      {received ? (
        <p className="notice" data-testid="already-received">
          {received}
        </p>
      ) : null}
      {file.notes.length ? (
        <ul className="compact" aria-label="Notas del lector">
          {file.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {file.registers.map((r) => (
        <table key={r.file} className="list columns" data-testid="register-columns">
          <caption>Columnas del registro {r.file}</caption>
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Columna del archivo</th>
            </tr>
          </thead>
          <tbody>
            {r.mapped.map((m) => (
              <tr key={m.field}>
                <td>{REGISTER_FIELD[m.field] ?? m.field}</td>
                <td>{m.header}</td>
              </tr>
            ))}
            {r.unmapped.map((header) => (
              <tr key={`sin-${header}`}>
                <td className="muted">sin dato (su texto se agrega al oficio)</td>
                <td>{header}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
