import type { Principal } from '@seguimiento/auth';

/** The little of Express's request the edge middleware reads. */
export interface EdgeRequest {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
  /** Set by the GraphQL gate once the token is verified; the plugin and the guards reuse it. */
  principal?: Principal;
  /** Express's content negotiation. */
  accepts(types: string[]): string | false;
}

/** The little of Express's response the edge middleware writes. */
export interface EdgeResponse {
  statusCode: number;
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  end(body?: string): void;
}

export type Next = (error?: unknown) => void;

/** Answers JSON (no stack, no paths) with this status. */
export function sendJson(res: EdgeResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(body));
}

/** Whether the request carries a body (which a refusal leaves unread). */
export const hasBody = (req: EdgeRequest): boolean =>
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
  req.headers['transfer-encoding'] !== undefined;
