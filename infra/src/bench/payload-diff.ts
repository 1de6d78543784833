/** One place where two payloads disagree: its path (`$.edges[3].node.status`) and both values there. */
export interface PayloadDifference {
  path: string;
  figure: unknown;
  baseline: unknown;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where the figure's payload and its baseline's differ, at most `limit` places, in document
 * order: an empty list when they are the same JSON value (keys in any order; array order counts;
 * a key that is absent differs from one that is null). A figure is compared with its baseline only
 * when this is empty: otherwise the baseline did other work than the figure.
 */
export function payloadDifferences(figure: unknown, baseline: unknown, limit = 10): PayloadDifference[] {
  const found: PayloadDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (found.length >= limit) return;
    const [ka, kb] = [kind(a), kind(b)];
    if (ka !== kb) {
      found.push({ path, figure: a, baseline: b });
      return;
    }
    if (ka === 'array') {
      const [xa, xb] = [a as unknown[], b as unknown[]];
      if (xa.length !== xb.length) found.push({ path: `${path}.length`, figure: xa.length, baseline: xb.length });
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) walk(xa[i], xb[i], `${path}[${i}]`);
      return;
    }
    if (ka === 'object') {
      const [oa, ob] = [a as Record<string, unknown>, b as Record<string, unknown>];
      for (const key of [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort()) {
        if (!(key in oa) || !(key in ob)) {
          found.push({ path: `${path}.${key}`, figure: key in oa ? oa[key] : '(absent)', baseline: key in ob ? ob[key] : '(absent)' });
          if (found.length >= limit) return;
        } else walk(oa[key], ob[key], `${path}.${key}`);
      }
      return;
    }
    if (!Object.is(a, b)) found.push({ path, figure: a, baseline: b });
  };
  walk(figure, baseline, '$');
  return found;
}

/** The differences as one line each, for a figure's failure and the log. */
export function describeDifferences(differences: readonly PayloadDifference[]): string[] {
  const show = (v: unknown) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };
  return differences.map((d) => `${d.path}: figure ${show(d.figure)}, baseline ${show(d.baseline)}`);
}
