import type { IntakeJson } from '../intake-json';

/**
 * Scores what the parser reads from a labelled text against what a person wrote down for it
 * (test/corpus/<name>.expected.json). Every field of the `--json` contract is scored, except the
 * confidence, which is judged by calibration instead: what is reported with confidence 1 must be
 * entirely right.
 */
export type ExpectedOficio = Omit<IntakeJson, 'confidence'>;

export interface ExpectedFile {
  /** The layout, in a few Spanish words ("tabla extraída de PDF"). */
  layout: string;
  /** The OPLE the correspondence concerns (ISO 3166-2:MX code). */
  ople: string;
  oficios: ExpectedOficio[];
  /** Substrings that must appear among the parse's warnings (a gap in the numbering…). */
  warnings?: string[];
}

export interface FieldMiss {
  oficio: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface FileScore {
  right: number;
  total: number;
  /** Oficios reported with confidence 1, and how many of them are entirely right. */
  certain: number;
  certainRight: number;
  misses: FieldMiss[];
}

const SCALAR_FIELDS = [
  'date',
  'kind',
  'outcome',
  'additionalObservations',
  'deadline',
  'deliverable',
  'meeting',
  'needsReview',
] as const;

/** Titles are compared as people read them: spacing, case, a leading article and end punctuation aside. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
      .replace(/^(?:el|la|los|las)\s+/, '')
      .replace(/[\s.;,:]+$/, '');
  return norm(a) === norm(b);
}

/** Pairs each expected oficio with the parsed one of the same number (else the same position, if unnumbered). */
function pair(expected: ExpectedOficio[], actual: IntakeJson[]): (IntakeJson | null)[] {
  const used = new Set<number>();
  return expected.map((e, i) => {
    let j = e.number === null ? -1 : actual.findIndex((a, k) => !used.has(k) && a.number === e.number);
    if (j < 0 && e.number === null && i < actual.length && !used.has(i) && actual[i].number === null) j = i;
    if (j < 0) return null;
    used.add(j);
    return actual[j];
  });
}

export function scoreFile(expected: ExpectedFile, actual: IntakeJson[]): FileScore {
  const score: FileScore = { right: 0, total: 0, certain: 0, certainRight: 0, misses: [] };
  const paired = pair(expected.oficios, actual);
  const check = (who: string, field: string, want: unknown, got: unknown, same = Object.is(want, got)) => {
    score.total++;
    if (same) score.right++;
    else score.misses.push({ oficio: who, field, expected: want, actual: got });
    return same;
  };
  expected.oficios.forEach((e, i) => {
    const a = paired[i];
    const who = e.number ?? `#${i + 1}`;
    let allRight = check(who, 'number', e.number, a ? a.number : '(no encontrado)', a !== null);
    for (const f of SCALAR_FIELDS)
      allRight = check(who, f, e[f], a ? a[f] : undefined, a !== null && Object.is(e[f], a[f])) && allRight;
    allRight =
      check(
        who,
        'references',
        e.references,
        a?.references,
        a !== null && e.references.join() === a.references.join(),
      ) && allRight;
    allRight =
      check(who, 'items.length', e.items.length, a?.items.length, a?.items.length === e.items.length) && allRight;
    e.items.forEach((item, k) => {
      const got = a?.items[k];
      const label = `items[${k}]`;
      allRight =
        check(who, `${label}.title`, item.title, got?.title, got !== undefined && sameTitle(item.title, got.title)) &&
        allRight;
      allRight =
        check(who, `${label}.deliverable`, item.deliverable, got?.deliverable, got?.deliverable === item.deliverable) &&
        allRight;
      allRight = check(who, `${label}.dueDate`, item.dueDate, got?.dueDate, got?.dueDate === item.dueDate) && allRight;
    });
    if (a && a.confidence === 1) {
      score.certain++;
      if (allRight) score.certainRight++;
    }
  });
  // An oficio read where the person saw none (a heading, a signature, half of a split entry) is wrong.
  const extra = actual.filter((a) => !paired.includes(a));
  for (const a of extra) {
    check(a.number ?? '(sin número)', 'oficio de más', null, a.number ?? a.kind);
    if (a.confidence === 1) score.certain++;
  }
  return score;
}

const pct = (right: number, total: number) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)} %`);

/** The table the corpus test prints: one line per file, its layout, field score and calibration. */
export function scoreTable(rows: { name: string; layout: string; score: FileScore }[]): string {
  const lines = [
    'archivo                               formato                                              campos          confianza 1.0',
  ];
  const total = { right: 0, total: 0, certain: 0, certainRight: 0 };
  for (const { name, layout, score } of rows) {
    total.right += score.right;
    total.total += score.total;
    total.certain += score.certain;
    total.certainRight += score.certainRight;
    lines.push(
      `${name.padEnd(38)}${layout.slice(0, 52).padEnd(53)}${`${score.right}/${score.total}`.padStart(8)} ${pct(score.right, score.total).padStart(7)}  ${`${score.certainRight}/${score.certain}`.padStart(6)} ${pct(score.certainRight, score.certain).padStart(7)}`,
    );
  }
  lines.push(
    `${'TOTAL'.padEnd(91)}${`${total.right}/${total.total}`.padStart(8)} ${pct(total.right, total.total).padStart(7)}  ${`${total.certainRight}/${total.certain}`.padStart(6)} ${pct(total.certainRight, total.certain).padStart(7)}`,
  );
  return lines.join('\n');
}
