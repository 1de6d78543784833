/** A foreign key: rows of `child` name rows of `parent`. */
export interface ForeignKey {
  child: string;
  parent: string;
}

/**
 * The order to fill `tables` in so that every row's foreign keys find their parent already there
 * (parents first; otherwise alphabetical, as dumped). A table referring to itself is no obstacle.
 * Throws on a cycle between tables, which loading row by row cannot satisfy.
 */
export function loadOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const present = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of keys)
    if (child !== parent && present.has(child) && present.has(parent)) parents.get(child)!.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !placed.has(t));
      throw new Error(`las tablas ${stuck.join(', ')} se refieren unas a otras en ciclo: no se pueden cargar en orden`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}
