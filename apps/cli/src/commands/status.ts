import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '@seguimiento/domain';
import { dateArg, opleArg, parse } from '../args';
import { connect } from '../connection';
import type { Io } from '../io';
import { EXIT, HELP } from '../usage';

const STATUS = `query($ople: String, $asOf: String) {
  dashboard(ople: $ople, asOf: $asOf) {
    overdueCount
    byBallInCourt { key count }
    byStatus { key count }
    oldestOverdue { id title dueDate party }
    dueNext7Days { id title dueDate party }
  }
  documents(filter: { ople: $ople }, asOf: $asOf, first: 200) {
    totalCount
    edges { node { id deliverable versionKind title status ballInCourt overdue deadline { dueDate } } }
  }
  obligations(ople: $ople, asOf: $asOf) { id kind subject dueDate overdue }
}`;

interface Due {
  id: string;
  title: string;
  dueDate: string;
  party: string;
}
interface Status {
  dashboard: {
    overdueCount: number;
    byBallInCourt: Array<{ key: string; count: number }>;
    byStatus: Array<{ key: string; count: number }>;
    oldestOverdue: Due | null;
    dueNext7Days: Due[];
  };
  documents: { totalCount: number; edges: Array<{ node: OpenDocument }> };
  obligations: Array<{ id: string; kind: string; subject: string; dueDate: string | null; overdue: boolean }>;
}

interface OpenDocument {
  id: string;
  deliverable: number;
  versionKind: 'PROYECTO' | 'FINAL';
  title: string;
  status: DocumentStatus;
  ballInCourt: string;
  overdue: boolean;
  deadline: { dueDate: string } | null;
}

/** A text cut to `width` columns, with an ellipsis where it was cut. */
const cut = (text: string, width = 90): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** "Entregable 16, versión final — Plan de Seguridad y Plan de Continuidad", cut to 90 columns. */
const named = (d: { deliverable: number; versionKind: string; title: string }): string =>
  cut(`Entregable ${d.deliverable}, ${d.versionKind === 'FINAL' ? 'versión final' : 'proyecto'} — ${d.title}`);

const counts = (list: Array<{ key: string; count: number }>) =>
  list.map((c) => `${c.key} ${c.count}`).join(', ') || 'ninguno';

/** Who holds the ball, what is overdue and what falls due: today, or as things stood on a past day. */
export async function status(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { ople: { type: 'string' }, 'as-of': { type: 'string' } });
  if (values.help) return (io.out(HELP.status), EXIT.OK);
  const ople = opleArg(values.ople, false);
  const asOf = dateArg('as-of', values['as-of'], false);
  const s = await connect().request<Status>(STATUS, { ople: ople ?? null, asOf: asOf ?? null });
  const d = s.dashboard;
  io.out(`${ople ?? 'todos los OPLE'}${asOf ? `, al ${asOf}` : ', hoy'}`);
  io.out(
    `  documentos: ${s.documents.totalCount} (${counts(d.byStatus.map((c) => ({ ...c, key: DOCUMENT_STATUS_LABELS[c.key as DocumentStatus] ?? c.key })))})`,
  );
  io.out(`  la pelota la tiene: ${counts(d.byBallInCourt)}`);
  io.out(
    `  vencidos: ${d.overdueCount}${d.oldestOverdue ? ` (el más antiguo: ${cut(d.oldestOverdue.title, 60)}, vencía el ${d.oldestOverdue.dueDate})` : ''}`,
  );
  const open = s.documents.edges.map((e) => e.node).filter((n) => n.status !== 'RESOLVED' && n.status !== 'WITHDRAWN');
  if (open.length) io.out('  abiertos:');
  for (const n of open) {
    io.out(`    ${named(n)}`);
    const facts = [
      DOCUMENT_STATUS_LABELS[n.status] ?? n.status,
      `la pelota: ${n.ballInCourt}`,
      n.deadline ? `plazo ${n.deadline.dueDate}` : 'sin plazo',
      n.overdue ? 'VENCIDO' : '',
    ];
    io.out(`      ${facts.filter(Boolean).join(' · ')}   (${n.id})`);
  }
  const requests = s.obligations.filter((o) => o.kind === 'REQUEST');
  if (requests.length) io.out('  solicitudes abiertas:');
  for (const o of requests) {
    io.out(`    ${cut(o.subject)}`);
    io.out(
      `      ${[o.dueDate ? `a más tardar ${o.dueDate}` : 'sin plazo', o.overdue ? 'VENCIDA' : ''].filter(Boolean).join(' · ')}   (${o.id})`,
    );
  }
  if (d.dueNext7Days.length) io.out('  vence en los próximos 7 días:');
  for (const due of d.dueNext7Days)
    io.out(`    ${due.dueDate}  ${cut(due.title, 70)} — debe actuar: ${due.party}   (${due.id})`);
  return EXIT.OK;
}
