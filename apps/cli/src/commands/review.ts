import { opleArg, parse } from '../args';
import { connect } from '../connection';
import type { Io } from '../io';
import { EXIT, HELP, UsageError } from '../usage';

interface Item {
  id: string;
  ople: string;
  oficioNumber: string | null;
  oficioDate: string | null;
  status: string;
  reasons: string[];
  text: string;
  span: { start: number; end: number };
  read: string;
  queuedBy: string;
  queuedAt: string;
  actor: string | null;
  at: string | null;
  resolution: { target: string; recordedOn: string[]; note: string | null } | null;
}
const FIELDS =
  'id ople oficioNumber oficioDate status reasons text span { start end } read queuedBy queuedAt actor at resolution { target recordedOn note }';

const STATUS: Record<string, string> = { PENDING: 'pendiente', RESOLVED: 'resuelta', DISMISSED: 'descartada' };
const STATUS_ARG: Record<string, string> = {
  pendiente: 'PENDING',
  pending: 'PENDING',
  resuelta: 'RESOLVED',
  resolved: 'RESOLVED',
  descartada: 'DISMISSED',
  dismissed: 'DISMISSED',
};

/** `seguimiento review list|show|resolve|dismiss`: the review queue (what the intake left for a person). */
export async function review(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h') {
    io.out(HELP.review);
    return action ? EXIT.OK : EXIT.USAGE;
  }
  if (action === 'list') {
    const { values } = parse(rest, { ople: { type: 'string' }, estado: { type: 'string' } });
    if (values.help) return help(io);
    const status = statusArg(values.estado ?? 'pendiente');
    const { reviewQueue } = await connect().request<{ reviewQueue: Item[] }>(
      `query($ople: String, $status: ReviewStatus) { reviewQueue(ople: $ople, status: $status) { ${FIELDS} } }`,
      { ople: opleArg(values.ople, false) ?? null, status },
    );
    if (reviewQueue.length === 0) io.out('La cola de revisión está vacía.');
    for (const i of reviewQueue)
      io.out(
        [
          i.id,
          i.oficioDate ?? 'sin fecha',
          i.oficioNumber ?? 'sin número',
          STATUS[i.status],
          i.reasons.join('; '),
        ].join('\t'),
      );
    return EXIT.OK;
  }
  if (action === 'show') {
    const { values, positionals } = parse(rest, {}, 1);
    if (values.help) return help(io);
    const id = required(positionals[0], 'ID', 'el identificador review:<OPLE>:<clave> que muestra list');
    const { reviewItem: i } = await connect().request<{ reviewItem: Item }>(
      `query($id: ID!) { reviewItem(id: $id) { ${FIELDS} } }`,
      { id },
    );
    io.out(describe(i));
    return EXIT.OK;
  }
  if (action === 'resolve') {
    const { values, positionals } = parse(
      rest,
      {
        entregable: { type: 'string' },
        version: { type: 'string' },
        documento: { type: 'string' },
        plazo: { type: 'string' },
        nota: { type: 'string' },
      },
      1,
    );
    if (values.help) return help(io);
    const id = required(positionals[0], 'ID', 'el identificador review:<OPLE>:<clave> que muestra list');
    const raw = required(values.entregable, '--entregable', 'el número de entregable del lineamiento 33 (1 a 34)');
    const deliverable = Number(raw);
    if (!Number.isInteger(deliverable)) throw new UsageError(`--entregable: "${raw}" no es un número de entregable`);
    const input = {
      id,
      deliverable,
      version: versionArg(values.version),
      documentId: values.documento,
      dueDate: values.plazo,
      note: values.nota,
    };
    const { resolveReview: i } = await connect().request<{ resolveReview: Item }>(
      `mutation($input: ResolveReviewInput!) { resolveReview(input: $input) { ${FIELDS} } }`,
      { input },
    );
    io.out(`resuelta: ${i.id} → ${i.resolution?.recordedOn.join(', ') ?? ''} (por ${i.actor})`);
    return EXIT.OK;
  }
  if (action === 'dismiss') {
    const { values, positionals } = parse(rest, { motivo: { type: 'string' } }, 1);
    if (values.help) return help(io);
    const id = required(positionals[0], 'ID', 'el identificador review:<OPLE>:<clave> que muestra list');
    const reason = required(values.motivo, '--motivo', 'por qué se descarta');
    const { dismissReview: i } = await connect().request<{ dismissReview: Item }>(
      `mutation($input: DismissReviewInput!) { dismissReview(input: $input) { ${FIELDS} } }`,
      { input: { id, reason } },
    );
    io.out(`descartada: ${i.id} (por ${i.actor}): ${i.resolution?.note ?? ''}`);
    return EXIT.OK;
  }
  throw new UsageError(`acción desconocida "${action}" (list, show, resolve o dismiss; seguimiento review --help)`);
}

function describe(i: Item): string {
  const lines = [
    `${i.id} (${STATUS[i.status]})`,
    `oficio:     ${i.oficioNumber ?? 'sin número'} del ${i.oficioDate ?? 'sin fecha'} (${i.ople})`,
    `motivo:     ${i.reasons.join('; ')}`,
    `tramo:      caracteres ${i.span.start} a ${i.span.end}`,
    `en cola:    ${i.queuedAt} por ${i.queuedBy}`,
  ];
  if (i.resolution)
    lines.push(
      `resolución: ${i.resolution.target}${i.resolution.recordedOn.length ? ` → ${i.resolution.recordedOn.join(', ')}` : ''}${i.resolution.note ? ` (${i.resolution.note})` : ''}, por ${i.actor} el ${i.at}`,
    );
  lines.push('', 'texto:', i.text, '', 'se leyó:', JSON.stringify(JSON.parse(i.read), null, 2));
  return lines.join('\n');
}

function statusArg(value: string): string {
  const status = STATUS_ARG[value.trim().toLowerCase()];
  if (!status) throw new UsageError(`--estado: "${value}" debe ser pendiente, resuelta o descartada`);
  return status;
}

function versionArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'proyecto') return 'PROYECTO';
  if (v === 'final' || v === 'versión final' || v === 'version final') return 'FINAL';
  throw new UsageError(`--version: "${value}" debe ser proyecto o final`);
}

function help(io: Io): number {
  io.out(HELP.review);
  return EXIT.OK;
}

function required(value: string | undefined, name: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`falta ${name}: ${what}`);
  return value;
}
