import { type FormEvent, useState } from 'react';
import { useClient } from 'urql';
import { OPLE_OPTIONS, SelectField } from '../components/fields';
import { download } from '../components/download';
import { MarkdownView } from '../components/markdown-view';
import { ApiError } from '../components/layout';
import { dayProblem } from '../calendar';
import { DateField } from '../components/date-field';
import { addDays, dayInMexico, formatDay } from '../format';
import type { ReportFormat } from '../gql/graphql';
import { ReportQuery } from '../operations';
import { useSession } from '../state';

/** The commission's correspondence report: pick OPLE and period, preview, download Markdown or PDF. */
export default function ReportsPage() {
  const { session } = useSession();
  const client = useClient();
  const today = dayInMexico(Date.now());
  const [form, setForm] = useState({ ople: session.ople ?? 'GRO', from: addDays(today, -30), to: today });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ text: string; fileName: string; for: typeof form } | null>(null);
  const [apiError, setApiError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const check = (): boolean => {
    const found: Record<string, string> = {};
    const from = dayProblem(form.from, 'Desde', true);
    const to = dayProblem(form.to, 'Hasta', true);
    if (from) found.from = from;
    if (to) found.to = to;
    if (!found.from && !found.to && form.from > form.to) found.to = 'Hasta: debe ser igual o posterior a «Desde».';
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const fetchReport = async (format: ReportFormat) => {
    setBusy(true);
    const answer = await client
      .query(ReportQuery, { ople: form.ople, from: form.from, to: form.to, format }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    setApiError(answer.error);
    return answer.data?.correspondenceReport ?? null;
  };
  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    const report = await fetchReport('MD');
    if (report) setPreview({ text: report.content, fileName: report.fileName, for: form });
  };
  const save = async (format: ReportFormat) => {
    if (!check()) return;
    const report = await fetchReport(format);
    if (!report) return;
    const bytes =
      report.encoding === 'base64' ? Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)) : report.content;
    download(report.fileName, bytes, report.contentType);
  };
  const field = (name: 'from' | 'to', label: string) => (
    <DateField
      id={`r-${name}`}
      label={label}
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      error={errors[name]}
    />
  );
  return (
    <>
      <h1>Informe de correspondencia</h1>
      <p className="lead">
        El informe que la Secretaría Técnica rinde a la Comisión: los oficios recibidos en el periodo, el estado de cada
        documento tocado, lo vencido al final del periodo y lo que vence en los 14 días siguientes. Elija el OPLE y el
        periodo, revise la vista previa y descárguelo en PDF o en Markdown.
      </p>
      <form className="filters" onSubmit={showPreview} aria-label="Periodo del informe">
        <SelectField
          id="r-ople"
          label="OPLE"
          value={form.ople}
          options={OPLE_OPTIONS}
          disabled={!!session.ople}
          onChange={(ople) => setForm({ ...form, ople })}
        />
        {field('from', 'Desde')}
        {field('to', 'Hasta')}
        <div className="field actions">
          <button type="submit" className="primary" disabled={busy}>
            Vista previa
          </button>
          <button type="button" onClick={() => void save('PDF')} disabled={busy}>
            Descargar PDF
          </button>
          <button type="button" onClick={() => void save('MD')} disabled={busy}>
            Descargar Markdown
          </button>
        </div>
      </form>
      <ApiError error={apiError} />
      {busy ? <p role="status">Preparando el informe…</p> : null}
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">
            Vista previa: {preview.for.ople}, del {formatDay(preview.for.from)} al {formatDay(preview.for.to)}
          </h2>
          <article className="report-preview" data-testid="report-preview" tabIndex={0} aria-labelledby="preview-title">
            <MarkdownView source={preview.text} />
          </article>
        </section>
      ) : null}
    </>
  );
}
