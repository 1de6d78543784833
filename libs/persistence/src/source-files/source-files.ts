import type { DataSource } from 'typeorm';

/** An original as described (without its bytes). */
export interface StoredSourceFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  firstSeenAt: string;
  firstSeenBy: string;
  ople: string;
}

export interface StoredSourceFileLink {
  ople: string;
  oficioNumber: string;
  caseId: string;
}

const COLUMNS = `sha256, name, media_type AS "mediaType", size, first_seen_at AS "firstSeenAt",
  first_seen_by AS "firstSeenBy", ople`;

interface Row extends Omit<StoredSourceFile, 'firstSeenAt'> {
  firstSeenAt: Date;
}
const described = (row: Row): StoredSourceFile => ({ ...row, firstSeenAt: row.firstSeenAt.toISOString() });

/**
 * The originals kept in PostgreSQL (`source_files`, bytea) and the oficios each yielded
 * (`source_file_oficios`). The same bytes are one row, whoever sends them and under whatever name.
 */
export class SourceFiles {
  constructor(private readonly dataSource: DataSource) {}

  async find(sha256: string): Promise<StoredSourceFile | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM source_files WHERE sha256 = $1`, [sha256]);
    return rows[0] ? described(rows[0]) : null;
  }

  /** Keeps the file unless its hash is known, and its links, in one transaction. */
  async keep(
    file: Omit<StoredSourceFile, 'firstSeenAt'> & { bytes: Uint8Array },
    links: readonly StoredSourceFileLink[],
  ): Promise<{ file: StoredSourceFile; kept: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO source_files (sha256, name, media_type, size, bytes, first_seen_by, ople)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [file.sha256, file.name, file.mediaType, file.size, Buffer.from(file.bytes), file.firstSeenBy, file.ople],
      );
      if (links.length) {
        await tx.query(
          `INSERT INTO source_file_oficios (sha256, ople, oficio_number, case_id)
           SELECT $1, l.ople, l.number, l.case_id
           FROM unnest($2::text[], $3::text[], $4::text[]) AS l (ople, number, case_id)
           ON CONFLICT DO NOTHING`,
          [file.sha256, links.map((l) => l.ople), links.map((l) => l.oficioNumber), links.map((l) => l.caseId)],
        );
      }
      const [row]: Row[] = await tx.query(`SELECT ${COLUMNS} FROM source_files WHERE sha256 = $1`, [file.sha256]);
      return { file: described(row), kept: inserted.length > 0 };
    });
  }

  /**
   * The file and its bytes, if `ople` may see it: INE's users (`ople` null) every file, an
   * OPLE's user a file received for their OPLE or that yielded one of its oficios.
   */
  async content(
    sha256: string,
    ople: string | null | undefined,
  ): Promise<(StoredSourceFile & { bytes: Buffer }) | null> {
    const rows: Array<Row & { bytes: Buffer }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, bytes FROM source_files f
       WHERE sha256 = $1 AND ($2::text IS NULL OR f.ople = $2
         OR EXISTS (SELECT 1 FROM source_file_oficios l WHERE l.sha256 = f.sha256 AND l.ople = $2))`,
      [sha256, ople ?? null],
    );
    return rows[0] ? { ...described(rows[0]), bytes: rows[0].bytes } : null;
  }

  /** The files an oficio came from (of `ople`'s cases only, when given), the first linked first. */
  async ofOficio(oficioNumber: string, ople: string | null | undefined): Promise<StoredSourceFile[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM source_files
       JOIN (SELECT sha256, min(linked_at) AS linked_at FROM source_file_oficios
             WHERE oficio_number = $1 AND ($2::text IS NULL OR ople = $2) GROUP BY sha256) l USING (sha256)
       ORDER BY l.linked_at, sha256`,
      [oficioNumber, ople ?? null],
    );
    return rows.map(described);
  }
}
