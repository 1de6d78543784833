import { DomainError } from '@seguimiento/domain';
import { type IntakeJson, isPendingNote, parseCorrespondence, planIngest, toIntakeJson } from '@seguimiento/intake';
import { opleArg, parse } from '../args';
import { connect } from '../connection';
import { inferOple } from '../infer-ople';
import type { Io } from '../io';
import { FILE_KIND_LABELS } from '@seguimiento/files';
import { readInput } from '../read-input';
import { EXIT, HELP, UsageError } from '../usage';

const INGEST = `mutation($text: String!, $ople: String!, $dryRun: Boolean!) {
  ingestCorrespondence(text: $text, ople: $ople, dryRun: $dryRun) {
    created alreadyRecorded needsReview failed warnings
    oficios {
      number date kind outcome additionalObservations references deadline deliverable
      items { title deliverable dueDate } meeting confidence needsReview reviewReasons
      result targets message assumptions reviewIds
    }
    foundAtImport { caseId step }
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
  const read = await readInput(file);
  const text = read.text;
  if (!values.json && read.kind !== 'text') {
    io.err(
      `${file}: ${FILE_KIND_LABELS[read.kind]}${read.pages ? `, ${read.pages} páginas` : ''}${read.ocr ? ', leído con OCR' : ''}`,
    );
  }
  if (!values.json) for (const note of read.notes) io.err(`  nota: ${note}`);
  let ople = opleArg(values.ople, false);
  if (!ople) {
    const inferred = inferOple(text);
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
      parsed = parseCorrespondence(text, { ople });
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
    try {
      report = (await connection.request<{ ingestCorrespondence: IngestReport }>(INGEST, { text, ople, dryRun: false }))
        .ingestCorrespondence;
    } finally {
      clearInterval(progress);
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
