import { existsSync } from 'node:fs';
import { parse } from '../args';
import { type Connection, connect } from '../connection';
import type { Io } from '../io';
import { EXIT, HELP, ServerError, UsageError } from '../usage';

const SOURCE_FILES = `query($number: String!) {
  oficio(number: $number) { sourceFiles { sha256 name size downloadUrl } }
}`;

interface Listed {
  sha256: string;
  name: string;
  size: number;
  downloadUrl: string;
}

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * `files get <sha256|oficio> [-o PATH]`: downloads a kept original — by its SHA-256, or the
 * (first) file an oficio was read from — to PATH, or to its own name in the current folder
 * (never over an existing file unless -o names it).
 */
export async function files(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') return (io.out(HELP.files), sub ? EXIT.OK : EXIT.USAGE);
  if (sub !== 'get') throw new UsageError(`subcomando desconocido "${sub}" (files get <sha256|oficio> [-o RUTA])`);
  const { values, positionals } = parse(rest, { out: { type: 'string', short: 'o' } }, 1);
  if (values.help) return (io.out(HELP.files), EXIT.OK);
  const which = positionals[0];
  if (!which) throw new UsageError('falta el archivo: su SHA-256 (64 dígitos hexadecimales) o el número de un oficio');
  const connection = connect();
  let target: { url: string; name: string | null };
  if (SHA256.test(which)) {
    target = { url: `/files/${which.toLowerCase()}`, name: null };
  } else {
    const listed = (await connection.request<{ oficio: { sourceFiles: Listed[] } }>(SOURCE_FILES, { number: which }))
      .oficio.sourceFiles;
    if (listed.length === 0)
      throw new UsageError(`el oficio ${which} no tiene archivo original guardado (se registró sin ingest de archivo)`);
    const [first, ...others] = listed;
    for (const o of others) io.err(`también se leyó de ${o.name} (${o.sha256}): seguimiento files get ${o.sha256}`);
    target = { url: first.downloadUrl, name: first.name };
  }
  const file = await download(connection, target.url);
  const out = values.out ?? file.name ?? target.name ?? which;
  if (!values.out && existsSync(out)) throw new UsageError(`ya existe ${out}: indique otra ruta con -o`);
  try {
    io.writeFile(out, file.bytes);
  } catch (error) {
    throw new UsageError(`no se puede escribir ${out}: ${(error as Error).message}`);
  }
  io.err(`${out}: ${file.bytes.length} bytes`);
  return EXIT.OK;
}

/** GET <gateway>/files/<sha256> with the CLI's token; the name from Content-Disposition. */
async function download(connection: Connection, path: string): Promise<{ bytes: Buffer; name: string | null }> {
  const url = new URL(path, connection.url).toString();
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${connection.token}` } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new ServerError(`no se pudo hablar con ${url} (${cause?.code ?? (error as Error).message})`);
  }
  if (response.status === 404) throw new UsageError(`no existe ese archivo, o su usuario no puede verlo (${path})`);
  if (!response.ok) {
    const body = await response.text();
    const message = /"message":\s*"([^"]+)"/.exec(body)?.[1] ?? body.slice(0, 200);
    throw new ServerError(`HTTP ${response.status}: ${message}`);
  }
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    name: fileNameOf(response.headers.get('content-disposition')),
  };
}

/** The name in a Content-Disposition (its UTF-8 filename* first), reduced to a bare file name. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  let name: string | undefined;
  try {
    name = encoded ? decodeURIComponent(encoded) : /filename="([^"]*)"/i.exec(header)?.[1];
  } catch {
    name = /filename="([^"]*)"/i.exec(header)?.[1];
  }
  const bare = name?.split(/[\\/]/).pop()?.trim();
  return bare && bare !== '.' && bare !== '..' ? bare : null;
}
