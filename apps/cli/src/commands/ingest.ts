import { DomainError } from '@seguimiento/domain';
import { type IntakeJson, isPendingNote, parseCorrespondence, planIngest, toIntakeJson } from '@seguimiento/intake';
import { opleArg, parse } from '../args';
import { connect } from '../connection';
import { inferOple } from '../infer-ople';
import type { Io } from '../io';
import { FILE_KIND_LABELS } from '@seguimiento/files';
import { readBytes, readInput } from '../read-input';
import { EXIT, HELP, UsageError } from '../usage';

const REPORT_FIELDS = `
    created alreadyRecorded needsReview failed warnings
    oficios {
      number date kind outcome additionalObservations references deadline deliverable
      items { title deliverable dueDate } meeting confidence needsReview reviewReasons
      result targets message assumptions reviewIds
    }
    foundAtImport { caseId step }`;

/** The file itself goes to the server, which reads it and keeps the original (issue 16). */
const INGEST_FILE = `mutation($input: IngestFileInput!) {
  ingestFile(input: $input) {${REPORT_FIELDS}
    file {
      sha256 name size mediaType kind alreadyReceived firstSeenAt firstSeenBy pages ocr notes
      registers { file mapped { field header } unmapped }
    }
  }
}`;

interface Ingested extends IntakeJson {
  reviewReasons: string[];
  result: 'PLANNED' | 'CREATED' | 'ALREADY_RECORDED' | 'NEEDS_REVIEW' | 'FAILED';
  targets: string[];
  message: string | null;
  assumptions: string[];
  /** The review queue's items it left (none in a dry run). */
  reviewIds?: string[];
}
interface IngestReport {
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  warnings: string[];
  oficios: Ingested[];
  /** Cases still overdue when the import ended: one notice each, at its highest rung. */
  foundAtImport: Array<{ caseId: string; step: string }>;
}
/** The original as the server kept it, and how it read it. */
interface KeptFile {
  sha256: string;
  name: string;
  size: number;
  kind: keyof typeof FILE_KIND_LABELS;
  alreadyReceived: boolean;
  pages: number | null;
  ocr: boolean;
  notes: string[];
  registers: Array<{ file: string; mapped: Array<{ field: string; header: string }>; unmapped: string[] }>;
}

const STEP: Record<string, string> = {
  REMINDER: 'recordatorio',
  OVERDUE: 'vencido',
  LEVEL_1: 'nivel 1',
  LEVEL_2: 'nivel 2',
  LEVEL_3: 'nivel 3',
};

const KIND: Record<string, string> = {
  REVIEW: 'revisión',
  REQUEST: 'solicitud',
  REMINDER: 'recordatorio',
  INVITATION: 'invitación',
  NOTICE: 'aviso',
};
const OUTCOME: Record<string, string> = {
  OBSERVATIONS: 'observaciones',
  PARTIALLY_ADDRESSED: 'atendidas parcialmente',
  ADDRESSED: 'atendidas',
  ACCEPTED: 'recibido',
};
const RESULT: Record<Ingested['result'], string> = {
  PLANNED: 'se registraría',
  CREATED: 'registrado',
  ALREADY_RECORDED: 'ya estaba registrado',
  NEEDS_REVIEW: 'REVISAR',
  FAILED: 'RECHAZADO',
};

/** The 12 fields of the --json contract, in its order, null where absent. */
const jsonOf = (o: IntakeJson): IntakeJson => ({
  number: o.number,
  date: o.date,
  kind: o.kind,
  outcome: o.outcome,
  additionalObservations: o.additionalObservations,
  references: o.references,
  deadline: o.deadline,
  deliverable: o.deliverable,
  items: o.items,
  meeting: o.meeting,
  confidence: o.confidence,
  needsReview: o.needsReview,
});

function what(o: IntakeJson): string {
  const kind = o.kind ? KIND[o.kind] : '¿tipo?';
  const outcome = o.outcome ? `: ${OUTCOME[o.outcome]}${o.additionalObservations ? ' (+adicionales)' : ''}` : '';
  const extra = o.deadline
    ? `, a más tardar ${o.deadline}`
    : o.meeting
      ? `, reunión ${o.meeting}`
      : o.items.length
        ? `, ${o.items.length} entregables`
        : '';
  const deliverable = o.deliverable ? `, entregable ${o.deliverable}` : '';
  return `${kind}${outcome}${deliverable}${extra}`;
}

function line(o: Ingested, index: number, total: number): string[] {
  const head = `  [${String(index + 1).padStart(String(total).length)}/${total}] ${(o.number ?? '(sin número)').padEnd(22)} ${o.date ?? '(sin fecha)'}  ${what(o)}`;
  const where = o.targets.length ? ` → ${o.targets.join(', ')}` : '';
  const lines = [`${head}\n      ${RESULT[o.result]}${where}`];
  for (const reason of o.reviewReasons) lines.push(`      motivo: ${reason}`);
  if (o.message) lines.push(`      ${o.message}`);
  // A reminder recorded in part: the item left for a person is said as such, not as an assumption.
  for (const a of o.assumptions) lines.push(`      ${isPendingNote(a) ? 'revisar' : 'supuesto'}: ${a}`);
  for (const id of o.reviewIds ?? []) lines.push(`      en la cola de revisión: ${id} (seguimiento review show ${id})`);
  return lines;
}

export async function ingest(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ople: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    1,
  );
  if (values.help) return (io.out(HELP.ingest), EXIT.OK);
  const file = positionals[0];
  if (!file) throw new UsageError('falta FILE: el texto de la correspondencia ("-" para la entrada estándar)');
  const { bytes, name } = readBytes(file);
  let ople = opleArg(values.ople, false);
  // Read here only what the server will not read for us: a dry run, or the text that names the OPLE.
  const read = values['dry-run'] || !ople ? await readInput(file, { bytes }) : null;
  if (read && !values.json) describeRead(io, file, read);
  if (!ople) {
    const inferred = inferOple(read!.text);
    if (inferred) {
      ople = inferred.ople;
      if (!values.json) io.err(`OPLE ${ople} (${inferred.because}; use --ople para indicar otro)`);
    } else if (!values['dry-run']) {
      throw new UsageError('falta --ople: el texto no nombra un solo estado, indique el OPLE (p. ej. --ople GRO)');
    }
  }

  let report: IngestReport;
  if (values['dry-run']) {
    let parsed: ReturnType<typeof parseCorrespondence>;
    try {
      parsed = parseCorrespondence(read!.text, { ople });
    } catch (error) {
      if (error instanceof DomainError) throw new UsageError(`${file}: ${error.message}`);
      throw error;
    }
    // The same plan the server follows: what it could not record is flagged here too.
    const oficios = [...parsed.oficios]
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
      .map((o) => {
        const step = planIngest(o, ople ?? '');
        const review = step.door === 'NONE';
        return {
          ...toIntakeJson(o),
          needsReview: review,
          reviewReasons: review ? step.reasons : [],
          result: review ? 'NEEDS_REVIEW' : 'PLANNED',
          targets: [],
          message: null,
          assumptions: review ? [] : step.assumptions,
        } as Ingested;
      });
    report = {
      created: 0,
      alreadyRecorded: 0,
      needsReview: oficios.filter((o) => o.needsReview).length,
      failed: 0,
      warnings: parsed.warnings,
      oficios,
      foundAtImport: [],
    };
  } else {
    const connection = connect();
    if (!values.json) io.err(`registrando la correspondencia de ${file} en ${connection.url}…`);
    const started = Date.now();
    const progress = setInterval(
      () => !values.json && io.err(`  … ${Math.round((Date.now() - started) / 1000)} s`),
      5000,
    );
    let kept: KeptFile;
    try {
      ({ file: kept, ...report } = (
        await connection.request<{ ingestFile: IngestReport & { file: KeptFile } }>(INGEST_FILE, {
          input: { ople, fileName: name, contentBase64: bytes.toString('base64'), dryRun: false },
        })
      ).ingestFile);
    } finally {
      clearInterval(progress);
    }
    if (!values.json) {
      if (!read) describeRead(io, file, kept);
      describeKept(io, kept);
    }
  }

  const pendingItems = report.oficios.reduce((n, o) => n + o.assumptions.filter(isPendingNote).length, 0);
  const attention =
    report.oficios.filter((o) => o.result === 'NEEDS_REVIEW' || o.result === 'FAILED').length + pendingItems;
  if (values.json) {
    io.out(JSON.stringify(report.oficios.map(jsonOf), null, 2));
  } else {
    io.out(`${file}: ${report.oficios.length} oficios${ople ? ` (OPLE ${ople})` : ''}`);
    report.oficios.forEach((o, i) => line(o, i, report.oficios.length).forEach((l) => io.out(l)));
    for (const w of report.warnings) io.out(`aviso: ${w}`);
    if (report.foundAtImport.length) {
      io.out(
        `hallados vencidos al importar (un aviso cada uno, en su peldaño más alto): ${report.foundAtImport.length}`,
      );
      for (const f of report.foundAtImport) io.out(`  ${f.caseId} · ${STEP[f.step] ?? f.step}`);
    }
    if (pendingItems > 0)
      io.out(
        `${pendingItems} ${pendingItems === 1 ? 'elemento de recordatorio queda' : 'elementos de recordatorio quedan'} para revisión (los demás elementos de esos recordatorios sí se registran)`,
      );
    io.out(
      values['dry-run']
        ? `prueba: ${report.oficios.length - report.needsReview} se registrarían, ${report.needsReview} para revisión (no se registró nada)`
        : `resumen: ${report.created} registrados, ${report.alreadyRecorded} ya estaban, ${report.needsReview} para revisión, ${report.failed} rechazados`,
    );
  }
  return attention > 0 ? EXIT.NEEDS_REVIEW : EXIT.OK;
}

/** What kind of file it was and what the reader noted, on stderr. */
function describeRead(
  io: Io,
  file: string,
  read: Pick<KeptFile, 'kind' | 'notes'> & { pages?: number | null; ocr?: boolean },
): void {
  if (read.kind !== 'text')
    io.err(
      `${file}: ${FILE_KIND_LABELS[read.kind]}${read.pages ? `, ${read.pages} páginas` : ''}${read.ocr ? ', leído con OCR' : ''}`,
    );
  for (const note of read.notes) io.err(`  nota: ${note}`);
}

/** Where the original was kept, and how a register's columns were read, on stderr. */
function describeKept(io: Io, kept: KeptFile): void {
  for (const r of kept.registers) {
    const columns = r.mapped.map((m) => `${m.header} → ${m.field}`).join(', ');
    io.err(`  columnas de ${r.file}: ${columns}${r.unmapped.length ? `; sin usar: ${r.unmapped.join(', ')}` : ''}`);
  }
  io.err(
    `original ${kept.alreadyReceived ? 'ya guardado' : 'guardado'}: ${kept.name}, ${kept.size} bytes (descargar: seguimiento files get ${kept.sha256})`,
  );
}
