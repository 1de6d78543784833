import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '@seguimiento/files';
import { inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';
import { checkedName, linksOf } from './ingest-file';

const SEED = readFileSync(join(__dirname, '../../../intake/src/testing/seed-report.txt'), 'utf8');
const seedBytes = Buffer.from(SEED, 'utf8');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const REGISTER = Buffer.from(
  [
    'Fecha;Número de oficio;Asunto;Notas',
    '22 de febrero de 2024;INE/UTSI/1121/2024;mediante el cual informó que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024 al proyecto de prototipo navegable y sitio de publicación y formato de base de datos que se utilizará para la operación del PREP, además se generan observaciones adicionales.;',
  ].join('\r\n') + '\r\n',
  'latin1',
);

describe('ingesting a file and keeping its original', () => {
  it('given a file, then its oficios are recorded and the original is kept once, linked to each recorded oficio', async () => {
    const { app, sourceFiles } = inMemoryApplication();
    const report = await app.files.ingestFile(
      { ople: 'GRO', fileName: 'informe-marzo.txt', bytes: seedBytes, dryRun: false },
      'op',
    );
    expect(report.created).toBeGreaterThan(10);
    expect(report.file).toMatchObject({
      sha256: sha256(seedBytes),
      name: 'informe-marzo.txt',
      mediaType: 'text/plain',
      size: seedBytes.length,
      alreadyReceived: false,
      firstSeenBy: 'op',
      ople: 'GRO',
    });
    expect([...sourceFiles.files.keys()]).toEqual([sha256(seedBytes)]);
    expect(Buffer.from(sourceFiles.files.get(sha256(seedBytes))!.bytes).equals(seedBytes)).toBe(true);
    const recorded = report.oficios.filter((o) => o.result === 'CREATED');
    expect(recorded.length).toBe(report.created);
    for (const o of recorded)
      for (const caseId of o.targets)
        expect(sourceFiles.links).toContainEqual({
          sha256: report.file.sha256,
          ople: 'GRO',
          oficioNumber: o.number,
          caseId,
        });
    // Only recorded oficios are linked: those left for review yielded nothing to download from.
    const linkedNumbers = new Set(sourceFiles.links.map((l) => l.oficioNumber));
    for (const o of report.oficios.filter((x) => x.result === 'NEEDS_REVIEW' && x.number))
      expect(linkedNumbers.has(o.number!)).toBe(false);
  });

  it('given the same bytes twice (under another name), then the second is recognised, nothing is kept or recorded twice', async () => {
    const { app, sourceFiles, cases } = inMemoryApplication();
    const first = await app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: false }, 'op');
    const links = sourceFiles.links.length;
    const appended = cases.appended.length;
    const again = await app.files.ingestFile(
      { ople: 'GRO', fileName: 'otra-copia.txt', bytes: Buffer.from(seedBytes), dryRun: false },
      'otro',
    );
    expect(again.file).toMatchObject({ alreadyReceived: true, name: 'a.txt', firstSeenBy: 'op' });
    expect(again.file.firstSeenAt).toBe(first.file.firstSeenAt);
    expect(again.created).toBe(0);
    expect(again.alreadyRecorded).toBe(first.created + first.alreadyRecorded);
    expect(again.warnings[0]).toMatch(
      /^a\.txt: archivo ya recibido el 15 de marzo de 2024, 12:00 \(tiempo del centro\) por op/,
    );
    expect(sourceFiles.files.size).toBe(1);
    expect(sourceFiles.links.length).toBe(links);
    expect(cases.appended.length).toBe(appended);
  });

  it('given a dry run, then nothing is kept, and a dry run of known bytes says they were received', async () => {
    const { app, sourceFiles, cases } = inMemoryApplication();
    const dry = await app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: true }, 'op');
    expect(dry.file.alreadyReceived).toBe(false);
    expect(sourceFiles.files.size).toBe(0);
    expect(cases.sent).toEqual([]);
    await app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: false }, 'op');
    const known = await app.files.ingestFile({ ople: 'GRO', fileName: 'b.txt', bytes: seedBytes, dryRun: true }, 'op');
    expect(known.file).toMatchObject({ alreadyReceived: true, name: 'a.txt' });
  });

  it('given positions to skip, then those oficios are neither recorded nor queued, the rest are, and the file is kept', async () => {
    const { app, sourceFiles, cases } = inMemoryApplication();
    const dry = await app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: true }, 'op');
    // A notice nobody cites, and 1312, which would wait in the review queue.
    const skipped = ['INE/UTSI/0923/2024', 'INE/UTSI/1312/2024'];
    const skip = skipped.map((n) => dry.oficios.findIndex((o) => o.number === n));
    expect(skip.every((i) => i >= 0)).toBe(true);
    const report = await app.files.ingestFile(
      { ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: false, skip },
      'op',
    );
    expect(report.oficios.map((o) => o.number)).toEqual(dry.oficios.map((o) => o.number));
    expect(report.skipped).toBe(2);
    for (const i of skip) expect(report.oficios[i]).toMatchObject({ result: 'SKIPPED', targets: [], reviewIds: [] });
    const others = report.oficios.filter((_, i) => !skip.includes(i));
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((o) => o.result === 'CREATED' || o.result === 'NEEDS_REVIEW')).toBe(true);
    expect(report.created).toBeGreaterThan(10);
    const written = JSON.stringify([...cases.streams.entries()]);
    for (const n of skipped) expect(written).not.toContain(n);
    expect(written).toContain('INE/UTSI/1638/2024');
    expect(sourceFiles.files.size).toBe(1);
    expect(sourceFiles.links.some((l) => skipped.includes(l.oficioNumber))).toBe(false);
  });

  it.each([
    [
      'one past the last',
      (n: number) => [n],
      /^skip: no hay oficio en la posición (\d+): se leyeron \1 oficios \(posiciones 0 a \d+, en el orden de la lectura\)$/,
    ],
    ['negative', () => [-1], /^skip: no hay oficio en la posición -1/],
    ['not whole', () => [0, 1.5], /^skip: no hay oficio en la posición 1\.5/],
  ])(
    'given a position to skip %s, then it is refused naming skip, and nothing is recorded or kept',
    async (_, skipOf, reason) => {
      const { app, sourceFiles, cases } = inMemoryApplication();
      const dry = await app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: true }, 'op');
      const skip = skipOf(dry.oficios.length);
      const error = await refusal(
        app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: false, skip }, 'op'),
      );
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'skip' });
      expect(error.message).toMatch(reason);
      expect(sourceFiles.files.size).toBe(0);
      expect(cases.appended).toEqual([]);
    },
  );

  it('given a register, then how its columns were mapped is reported', async () => {
    const { app } = inMemoryApplication();
    const report = await app.files.ingestFile(
      { ople: 'GRO', fileName: 'control.csv', bytes: REGISTER, dryRun: true },
      'op',
    );
    expect(report.file.kind).toBe('csv');
    expect(report.file.mediaType).toBe('text/csv');
    expect(report.oficios.map((o) => o.number)).toEqual(['INE/UTSI/1121/2024']);
    expect(report.file.registers).toHaveLength(1);
    const [register] = report.file.registers;
    expect(register.file).toBe('control.csv');
    expect(register.mapped).toContainEqual({ field: 'number', header: 'Número de oficio' });
    expect(register.unmapped).toEqual(['Notas']);
  });

  it.each([
    [
      'too large',
      { bytes: new Uint8Array(MAX_FILE_BYTES + 1) },
      'contentBase64',
      /^contentBase64: el archivo pesa 26214401 bytes; el máximo es 25 MiB \(26214400 bytes\)$/,
    ],
    ['empty', { bytes: new Uint8Array(0) }, 'contentBase64', /vacío/],
    ['binary', { bytes: Uint8Array.from({ length: 200 }, (_, i) => i % 32) }, 'contentBase64', /no es un archivo/],
    ['nameless', { fileName: '  ' }, 'fileName', /falta el nombre/],
    ['a directory', { fileName: 'carpeta/' }, 'fileName', /falta el nombre/],
    ['a name with a line break', { fileName: 'a\r\nb.txt' }, 'fileName', /control/],
    ['an unknown OPLE', { ople: 'XYZ' }, 'ople', /XYZ/],
  ])('given a file %s, then it is refused naming the field, and nothing is kept', async (_, change, field, reason) => {
    const { app, sourceFiles, cases } = inMemoryApplication();
    const error = await refusal(
      app.files.ingestFile({ ople: 'GRO', fileName: 'a.txt', bytes: seedBytes, dryRun: false, ...change }, 'op'),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(reason);
    expect(sourceFiles.files.size).toBe(0);
    expect(cases.sent).toEqual([]);
  });

  it('keeps the last segment of a path as the name', () => {
    expect(checkedName('C:\\Users\\op\\informe marzo.pdf')).toBe('informe marzo.pdf');
    expect(checkedName('/tmp/x/informe.docx')).toBe('informe.docx');
  });

  it('links an oficio once per case, and never one left for review or refused', () => {
    const base = { targets: [] as string[] };
    const links = linksOf(
      {
        oficios: [
          { ...base, number: 'A', result: 'CREATED', targets: ['document:GRO:x', 'document:GRO:x'] },
          { ...base, number: 'B', result: 'ALREADY_RECORDED', targets: ['request:GRO:B'] },
          { ...base, number: 'C', result: 'NEEDS_REVIEW' },
          { ...base, number: 'D', result: 'FAILED' },
          { ...base, number: null, result: 'CREATED', targets: ['notice:GRO:x'] },
        ],
      } as never,
      'GRO',
    );
    expect(links).toEqual([
      { ople: 'GRO', oficioNumber: 'A', caseId: 'document:GRO:x' },
      { ople: 'GRO', oficioNumber: 'B', caseId: 'request:GRO:B' },
    ]);
  });
});
