import { Kind, parse } from 'graphql';
import { MAX_BASE64_CHARS } from '../intake/dto/ingest-file.input';
import { MAX_BODY, MAX_TOKENS } from '../errors/query-limits';
import { bytesOf } from '../live/socket-server';
import { type EdgeRequest, type EdgeResponse, type Next, sendJson } from './http-types';

/** The largest body of an ingestFile request: a file at 25 MiB in base64, and room for the rest. */
export const MAX_UPLOAD_BODY = MAX_BASE64_CHARS + 64 * 1024;

/**
 * Whether a JSON body is one ingestFile mutation and nothing else: the one operation whose
 * body may exceed MAX_BODY. A batch, a second field or operation, a fragment: no.
 */
export function isSoleIngestFile(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const query = (body as { query?: unknown }).query;
  if (typeof query !== 'string') return false;
  let document;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch {
    return false;
  }
  if (document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return false;
  const fields = operation.selectionSet.selections;
  return fields.length === 1 && fields[0].kind === Kind.FIELD && fields[0].name.value === 'ingestFile';
}

type UploadRequest = EdgeRequest & AsyncIterable<Buffer> & { body?: unknown; _body?: boolean };

/**
 * Express middleware for /graphql, between the edge's gate and the JSON body parser: a body
 * larger than MAX_BODY is read here, up to MAX_UPLOAD_BODY, only from a user who may write, and
 * kept only when it is a sole ingestFile mutation (base64 keeps the upload inside the JSON and
 * CSRF setup every other operation uses); anything else that large is refused (413) as before.
 * Smaller bodies go on to the ordinary parser untouched.
 */
export function uploadBody() {
  const ordinary = bytesOf(MAX_BODY);
  return (req: UploadRequest, res: EdgeResponse, next: Next): void => {
    const length = Number(req.headers['content-length'] ?? NaN);
    const writer = req.principal?.role === 'OPERATOR' || req.principal?.role === 'ADMIN';
    const json = /^application\/json\b/i.test(String(req.headers['content-type'] ?? ''));
    if (req.method !== 'POST' || !writer || !json || !(length > ordinary)) return next();
    if (length > MAX_UPLOAD_BODY) return tooLarge(res);
    read(req, length).then((text) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(res, 400, 'La solicitud no es JSON válido');
      }
      if (!isSoleIngestFile(body)) return tooLarge(res);
      req.body = body;
      req._body = true;
      next();
    }, next);
  };
}

async function read(req: AsyncIterable<Buffer>, length: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += chunk.length;
    if (total > length) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(res: EdgeResponse): void {
  refuse(
    res,
    413,
    `La solicitud excede el tamaño permitido (${MAX_BODY}); solo ingestFile admite más, hasta un archivo de 25 MiB en base64`,
    { connection: 'close' },
  );
}

function refuse(res: EdgeResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }, headers);
}
