/** Where a command writes: its result to `out` (stdout), progress and notes to `err` (stderr). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Binary output (a PDF) to a file. */
  writeFile(path: string, bytes: Buffer): void;
}
