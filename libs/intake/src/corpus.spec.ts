import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';
import { ExpectedFile, FileScore, scoreFile, scoreTable } from './testing/corpus-score';

/**
 * The labelled corpus (test/corpus): texts in the layouts OPLE staff really keep, each with what
 * a person reads in it. Every field of `--json` is scored; the test fails under 99 %, and when
 * what is reported with confidence 1.0 is right less than 99.5 % of the time.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'test', 'corpus');
const names = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

describe('the labelled corpus (test/corpus)', () => {
  const rows = names.map((name) => {
    const text = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as ExpectedFile;
    const result = parseCorrespondence(text, { ople: expected.ople });
    return {
      name,
      text,
      expected,
      result,
      layout: expected.layout,
      score: scoreFile(expected, result.oficios.map(toIntakeJson)),
    };
  });
  const sum = (f: (s: FileScore) => number) => rows.reduce((n, r) => n + f(r.score), 0);

  afterAll(() => {
    process.stdout.write(`\n${scoreTable(rows)}\n`);
    const misses = rows.flatMap((r) =>
      r.score.misses.map(
        (m) =>
          `  ${r.name} ${m.oficio} ${m.field}: se esperaba ${JSON.stringify(m.expected)}, se leyó ${JSON.stringify(m.actual)}`,
      ),
    );
    if (misses.length) process.stdout.write(`\nCampos mal leídos:\n${misses.join('\n')}\n`);
  });

  it('holds at least 15 labelled texts', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it('reads at least 99 % of the fields right', () => {
    expect(sum((s) => s.right) / sum((s) => s.total)).toBeGreaterThanOrEqual(0.99);
  });

  it('is right at least 99.5 % of the time when it says confidence 1.0', () => {
    expect(
      sum((s) => s.certainRight) /
        Math.max(
          1,
          sum((s) => s.certain),
        ),
    ).toBeGreaterThanOrEqual(0.995);
  });

  it('gives every oficio less than certain its reason', () => {
    const silent = rows.flatMap((r) =>
      r.result.oficios
        .filter(
          (o) => o.confidence < 1 && o.reviewReasons.length + o.itemsForReview.length + o.confidenceNotes.length === 0,
        )
        .map((o) => `${r.name} ${o.number} (${o.confidence})`),
    );
    expect(silent).toEqual([]);
  });

  it('reports what the person noted about the text as a whole', () => {
    for (const r of rows) for (const w of r.expected.warnings ?? []) expect(r.result.warnings.join('\n')).toContain(w);
  });

  it('reports a gap in the numbering only where the person noted one (a lettered list with "c)" has none)', () => {
    const gaps = (warnings: readonly string[]) =>
      warnings.filter((w) => w.startsWith('La numeración de las entradas')).map((w) => w.replace(/:.*$/, ''));
    const seen = rows.map((r) => [r.name, gaps(r.result.warnings)]);
    expect(seen).toEqual(rows.map((r) => [r.name, gaps(r.expected.warnings ?? [])]));
    expect(seen.filter(([, g]) => g.length > 0).length).toBeGreaterThan(0);
  });

  it('keeps each oficio’s exact source span', () => {
    for (const r of rows)
      for (const o of r.result.oficios) {
        const source = r.text.slice(o.span.start, o.span.end);
        // A table's columns interleave: the number's parts are in the span, maybe on two lines.
        for (const part of o.number?.split('/') ?? []) expect(source.toUpperCase()).toContain(part);
        expect(
          r.text
            .split('\n')
            .slice(0, o.span.startLine! - 1)
            .join('\n').length,
        ).toBeLessThanOrEqual(o.span.start);
      }
  });
});
