import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { type Principal, type Tokens, userKey } from '@seguimiento/auth';
import { type ExecutionArgs, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode, type Context, type SubscribePayload, handleProtocols, makeServer } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import type { Counter } from 'prom-client';
import { type WebSocket, WebSocketServer } from 'ws';
import { authenticate } from '../auth/authenticate';
import type { RateLimits } from '../auth/rate-limit';
import { socketAuthorization } from '../auth/subscription-admission';
import { tooManySubscriptionsError } from '../errors/graphql-errors';

export interface SocketServerOptions {
  path: string;
  tokens: Tokens;
  limits: RateLimits;
  schema: () => GraphQLSchema;
  /** What each operation passes before it runs (`subscriptionAdmission`: token, rate limit, rules, cost). */
  admission: (ctx: Context, id: string, payload: SubscribePayload) => Promise<ExecutionArgs | readonly GraphQLError[]>;
  /** How a query or mutation sent over the socket runs (default: graphql-js' execute). */
  execute?: (args: ExecutionArgs) => Promise<ExecutionResult> | ExecutionResult;
  /** Off: validation errors lose graphql-js' "Did you mean …?" (it would reveal the schema). */
  introspection: boolean;
  /** The largest message accepted, in bytes (the HTTP body limit); a larger one closes the socket (1009). */
  maxPayload: number;
  perConnection: number;
  perUser: number;
  /** seguimiento_anonymous_requests_total. */
  anonymous: Counter<'transport' | 'outcome'>;
}

/** graphql-ws close codes: the token is missing, invalid or has expired; the session cookie from another origin; too many attempts without one. */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;
const CLOSE_TOO_MANY = 4429;

/** What the server keeps of each acknowledged connection. */
interface Connection {
  principal: Principal;
  user: string;
  expiry: NodeJS.Timeout | null;
  /** The credential it was opened with (as a bearer), checked again when a user's tokens are withdrawn. */
  authorization: string | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often an idle socket is pinged; one that has not answered by the next ping is dropped. */
const KEEP_ALIVE_MS = 12_000;

type Extra = { socket: WebSocket; request: IncomingMessage };
type Ctx = Context<Record<string, unknown> | undefined, Extra>;

/**
 * The gateway's graphql-ws endpoint (GET /graphql upgraded to a WebSocket), run by the gateway
 * itself rather than by @nestjs/graphql, whose WebSocketServer cannot be given `maxPayload` (ws
 * then accepts messages of up to 100 MiB). Here:
 * - a message larger than the HTTP body limit closes the socket (1009) before it is buffered whole;
 * - the token is checked at `connection_init`: none, or not valid, and the socket is closed with
 *   4401 and the reason — no acknowledgement (those attempts count per address, like HTTP's);
 * - the console's session cookie stands for the token only when the upgrade came from this
 *   gateway's own origin (its Origin header names the Host it was sent to): a page of another site
 *   opening a socket here gets the browser's cookie sent along, and is closed with 4403
 *   (cross-site WebSocket hijacking);
 * - the socket is closed with 4401 when its token expires;
 * - at most `perConnection` operations open at once on a socket and `perUser` over all of a
 *   user's sockets; one more is refused with TOO_MANY_SUBSCRIPTIONS, naming the limit;
 * - every operation then passes `subscriptionAdmission` (token, rate limit, rules, cost).
 */
export class SocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private wss: WebSocketServer | null = null;
  private keepAlive: NodeJS.Timeout | null = null;
  private readonly connections = new WeakMap<Ctx, Connection>();
  private readonly logger = new Logger('live');
  /** The acknowledged connections of each user. */
  private readonly byUser = new Map<string, Set<Ctx>>();
  private readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if ((req.url ?? '').split('?')[0] !== this.options.path || !this.wss) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const wss = this.wss;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly options: SocketServerOptions,
  ) {}

  onApplicationBootstrap(): void {
    const { schema, admission, execute, maxPayload } = this.options;
    const wss = (this.wss = new WebSocketServer({
      noServer: true,
      maxPayload,
      handleProtocols: (protocols) => handleProtocols(protocols),
    }));
    const server = makeServer<Record<string, unknown> | undefined, Extra>({
      schema: () => schema(),
      ...(execute ? { execute } : {}),
      context: (ctx) => ({
        req: {
          headers: { authorization: socketAuthorization(ctx).authorization },
          principal: this.connections.get(ctx)?.principal,
        },
      }),
      onConnect: (ctx) => this.connect(ctx),
      onSubscribe: async (ctx, id, payload) => {
        const tooMany = this.tooMany(ctx);
        if (tooMany) return [tooMany];
        const admitted = await admission(ctx, id, payload);
        if (Array.isArray(admitted) && !this.options.introspection)
          for (const error of admitted) error.message = withoutSuggestions(error.message);
        return admitted;
      },
      onClose: (ctx) => this.disconnect(ctx),
    });
    // What graphql-ws' own `useServer` does for ws, minus its console logging: a message over
    // maxPayload is a client's fault (ws closes the socket with 1009), not an internal error.
    const alive = new WeakSet<WebSocket>();
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
      socket.on('error', () => socket.terminate());
      const closed = server.opened(
        {
          protocol: socket.protocol,
          send: (data) =>
            new Promise((resolve, reject) =>
              socket.readyState === socket.OPEN
                ? socket.send(data, (error) => (error ? reject(error) : resolve()))
                : resolve(),
            ),
          close: (code, reason) => socket.close(code, reason),
          onMessage: (handle) =>
            socket.on('message', (data: Buffer) => {
              handle(data.toString()).catch(() =>
                socket.close(CloseCode.InternalServerError, 'Error interno del servidor'),
              );
            }),
        },
        { socket, request },
      );
      // Fire-and-forget: ws does not wait for a 'close' listener. graphql-ws then ends the socket's
      // subscriptions, whose cleanup may fail: logged, never an unhandled rejection.
      socket.once(
        'close',
        (code, reason) =>
          void closed(code, reason.toString()).catch((error: unknown) =>
            this.logger.error(
              JSON.stringify({
                msg: 'closing subscriptions failed',
                error: error instanceof Error ? error.message : String(error),
              }),
            ),
          ),
      );
    });
    this.keepAlive = setInterval(() => {
      for (const socket of wss.clients) {
        if (!alive.has(socket)) socket.terminate();
        else {
          alive.delete(socket);
          socket.ping();
        }
      }
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
    this.host.httpAdapter.getHttpServer().on('upgrade', this.upgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.host.httpAdapter?.getHttpServer()?.off('upgrade', this.upgrade);
    if (this.keepAlive) clearInterval(this.keepAlive);
    const wss = this.wss;
    this.wss = null;
    if (!wss) return;
    for (const socket of wss.clients) socket.close(1001, 'El servidor se está deteniendo');
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  /** connection_init: a valid token, or the socket is closed without acknowledgement. */
  private async connect(ctx: Ctx): Promise<boolean> {
    const { authorization, via } = socketAuthorization(ctx);
    if (via === 'cookie' && !sameOrigin(ctx.extra.request.headers)) {
      ctx.extra.socket.close(
        CLOSE_FORBIDDEN,
        closeReason(
          'Conexión rechazada: la cookie de sesión solo vale desde la consola de este mismo servidor (Origin)',
        ),
      );
      return false;
    }
    let principal: Principal;
    try {
      principal = authenticate(this.options.tokens, authorization);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const limited = await this.options.limits.perAddress?.refusal(ctx.extra.request.socket.remoteAddress);
      this.options.anonymous.inc({ transport: 'ws', outcome: limited ? 'rate_limited' : 'unauthenticated' });
      ctx.extra.socket.close(limited ? CLOSE_TOO_MANY : CLOSE_UNAUTHORIZED, closeReason((limited ?? error).message));
      return false;
    }
    const user = userKey(principal);
    const connection: Connection = { principal, user, expiry: null, authorization };
    this.connections.set(ctx, connection);
    let sockets = this.byUser.get(user);
    if (!sockets) this.byUser.set(user, (sockets = new Set()));
    sockets.add(ctx);
    const expiresAt = (jwt.decode(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '') as jwt.JwtPayload | null)
      ?.exp;
    if (expiresAt) this.closeAt(ctx, connection, expiresAt * 1000);
    return true;
  }

  /**
   * Closes (4401, with the reason) the sockets of these users whose token is no longer valid —
   * `users disable` withdrew it — as it closes one whose token expires.
   */
  closeWithdrawn(usernames: string[]): void {
    const users = new Set(usernames);
    for (const ctx of [...this.byUser.values()].flatMap((sockets) => [...sockets])) {
      const connection = this.connections.get(ctx);
      if (!connection || !users.has(connection.principal.subject)) continue;
      try {
        authenticate(this.options.tokens, connection.authorization);
      } catch (error) {
        ctx.extra.socket.close(CLOSE_UNAUTHORIZED, closeReason((error as Error).message));
      }
    }
  }

  /** Closes the socket when its token expires (in steps: a timer cannot wait more than ~24 days). */
  private closeAt(ctx: Ctx, connection: Connection, at: number): void {
    const wait = at - Date.now();
    if (wait <= 0) {
      ctx.extra.socket.close(
        CLOSE_UNAUTHORIZED,
        closeReason('Token no válido: el token expiró; vuelva a conectarse con uno nuevo'),
      );
      return;
    }
    connection.expiry = setTimeout(() => this.closeAt(ctx, connection, at), Math.min(wait, MAX_TIMER_MS));
    connection.expiry.unref();
  }

  private disconnect(ctx: Ctx): void {
    const connection = this.connections.get(ctx);
    if (!connection) return;
    this.connections.delete(ctx);
    if (connection.expiry) clearTimeout(connection.expiry);
    const sockets = this.byUser.get(connection.user);
    sockets?.delete(ctx);
    if (sockets?.size === 0) this.byUser.delete(connection.user);
  }

  /** The error for an operation past a cap (graphql-ws has already registered it in ctx.subscriptions), or null. */
  private tooMany(ctx: Ctx): GraphQLError | null {
    const { perConnection, perUser } = this.options;
    const open = (c: Ctx) => Object.keys(c.subscriptions).length;
    if (open(ctx) > perConnection) {
      return tooManySubscriptionsError(
        `Demasiadas suscripciones abiertas en esta conexión: el límite es ${perConnection} (SUBSCRIPTIONS_PER_CONNECTION); cierre alguna antes de abrir otra`,
      );
    }
    const connection = this.connections.get(ctx);
    const sockets = connection ? this.byUser.get(connection.user) : undefined;
    const total = sockets ? [...sockets].reduce((sum, c) => sum + open(c), 0) : 0;
    if (total > perUser) {
      return tooManySubscriptionsError(
        `Demasiadas suscripciones abiertas por este usuario: el límite es ${perUser} entre todas sus conexiones (SUBSCRIPTIONS_PER_USER); cierre alguna antes de abrir otra`,
      );
    }
    return null;
  }
}

/** Whether a browser's Origin header names the host the request was sent to (same scheme-less host and port). */
export function sameOrigin(headers: IncomingMessage['headers']): boolean {
  const { origin, host } = headers;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** graphql-js' suggestions, which name fields and types of the schema: what Apollo's hideSchemaDetailsFromClientErrors strips. */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean(.+?)\?$/, '');

/** A WebSocket close reason: at most 123 bytes of UTF-8 (ws throws past that), cut at a character. */
export function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/** The body limit ('1mb', as body-parser reads it) in bytes, for ws' maxPayload. */
export function bytesOf(limit: string): number {
  const match = /^(\d+)\s*(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`not a size: ${limit}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as 'b' | 'kb' | 'mb'];
}
