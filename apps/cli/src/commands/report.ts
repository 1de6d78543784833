import { dateArg, opleArg, parse } from '../args';
import { connect } from '../connection';
import type { Io } from '../io';
import { EXIT, HELP, UsageError } from '../usage';

const REPORT = `query($ople: String!, $from: String!, $to: String!, $format: ReportFormat!) {
  correspondenceReport(ople: $ople, from: $from, to: $to, format: $format) { fileName encoding content }
}`;

const FORMATS = { md: 'MD', txt: 'TXT', pdf: 'PDF' } as const;

/**
 * The commission's report, in its institutional form (config/commissions.json): Markdown or text
 * to stdout (or --out), PDF (PDF/A-2a, tagged, fonts embedded) to a file.
 */
export async function report(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    ople: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) return (io.out(HELP.report), EXIT.OK);
  const ople = opleArg(values.ople, true)!;
  const from = dateArg('from', values.from, true)!;
  const to = dateArg('to', values.to, true)!;
  if (from > to) throw new UsageError(`--from (${from}) es posterior a --to (${to})`);
  const format = (values.format ?? 'md').toLowerCase();
  if (!(format in FORMATS)) throw new UsageError(`--format: "${values.format}" no es md, txt ni pdf`);
  const file = (
    await connect().request<{ correspondenceReport: { fileName: string; encoding: string; content: string } }>(REPORT, {
      ople,
      from,
      to,
      format: FORMATS[format as keyof typeof FORMATS],
    })
  ).correspondenceReport;
  const out = values.out ?? (format === 'pdf' ? file.fileName : undefined);
  if (out) {
    try {
      io.writeFile(out, Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8'));
    } catch (error) {
      throw new UsageError(`no se puede escribir ${out}: ${(error as Error).message}`);
    }
    io.err(
      `informe escrito en ${out}${format === 'pdf' ? ' (PDF/A-2a, etiquetado, con las fuentes incrustadas)' : ''}`,
    );
  } else {
    io.out(file.content);
  }
  return EXIT.OK;
}
