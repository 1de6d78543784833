import type { SoakResult } from './soak';

/**
 * The soak's outcome as `npm run test:reliability` prints its scenarios — the same table row
 * (faults, oficios checked, events, losses, duplicates, escalations, running workflows inspected,
 * errors from faults, violations, seconds) — then the load's figures, the kills, and each violation.
 */
export function soakReport(result: SoakResult): string[] {
  const r = result.report;
  const lines = [
    '| scenario | faults | oficios checked | events | losses | duplicates | escalations (twice) | running workflows inspected | errors from faults | violations | s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| soak ${result.minutes} min, seed ${result.seed} | ${result.kills.length} | ${r.oficiosChecked} | ${r.events} | ${r.losses} | ${r.duplicates} | ${r.escalations} (${r.escalationsFiredTwice}) | ${r.runningWorkflowsChecked} | ${r.errorsFromFaults} | ${result.violations.length} | ${Math.round(result.seconds)} |`,
    '',
    `soak: ${result.kills.length} caídas (${countBy(result.kills.map((k) => k.victim))}), ${result.oficios} oficios (${result.documents} documentos, ${result.openCases} solicitudes y recordatorios), ${result.queries} consultas (${result.queriesRetried} repetidas en el otro gateway), ${result.subscriptionEvents.documentChanged + result.subscriptionEvents.escalationRaised} eventos de suscripción (${result.subscriptionEvents.documentChanged} documentChanged, ${result.subscriptionEvents.escalationRaised} escalationRaised; ${result.reconnections} reconexiones)`,
    `invariantes: ${r.oficiosChecked} oficios revisados, ${r.losses} perdidos, ${r.duplicates} duplicados, ${r.escalationsFiredTwice} escalamientos disparados dos veces, ${r.runningWorkflowsChecked} workflows en curso inspeccionados (${r.stillRunning} casos abiertos, ${r.resolved} documentos resueltos)`,
  ];
  if (result.violations.length) {
    lines.push('', `${result.violations.length} violaciones:`);
    for (const v of result.violations) lines.push(`  - ${v}`);
  }
  return lines;
}

/** "worker 1 ×2, Temporal ×1", in order of first appearance. */
export function countBy(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => `${n} ×${c}`).join(', ') || 'ninguna';
}
