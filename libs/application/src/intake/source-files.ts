import type { FileText } from '@seguimiento/files';

/** An original file as kept: content-addressed by the SHA-256 of its bytes. */
export interface SourceFile {
  sha256: string;
  /** The name it had when first received (the same bytes under another name are the same file). */
  name: string;
  mediaType: string;
  size: number;
  /** When it was first received (ISO 8601), by whom, for which OPLE. */
  firstSeenAt: string;
  firstSeenBy: string;
  ople: string;
}

/** One oficio a file yielded: its number, the OPLE it was recorded for, and a case it touched. */
export interface SourceFileLink {
  ople: string;
  oficioNumber: string;
  caseId: string;
}

/** Where originals are kept (libs/persistence: PostgreSQL). */
export interface SourceFileStore {
  /** The file with this hash, if it was ever received. */
  find(sha256: string): Promise<SourceFile | null>;
  /**
   * Keeps the file unless its hash is known, and links it to the oficios it yielded, in one
   * transaction; `kept: false` when the bytes were already there (nothing was duplicated).
   */
  keep(
    file: Omit<SourceFile, 'firstSeenAt'> & { bytes: Uint8Array },
    links: readonly SourceFileLink[],
  ): Promise<{ file: SourceFile; kept: boolean }>;
}

/** Reads a file's text (libs/files' readFile); refuses what it cannot read with `FileRefused`. */
export type FileReader = (bytes: Uint8Array, name: string) => Promise<FileText>;
