import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, type Principal, Tokens } from '@seguimiento/auth';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate';
import { clearedSessionCookie, requestAuthorization, sessionCookie } from '../auth/session-cookie';
import { SessionService, lockedMessage } from './session.service';

/** The little of Express's request these routes read. */
interface Request {
  body?: unknown;
  secure?: boolean;
  headers: Record<string, string | string[] | undefined>;
}

/** The little of Express's response they write. */
interface Response {
  status(code: number): Response;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  end(): void;
}

/** The one answer to an unknown user, a wrong password and a disabled account. */
export const REFUSED = 'Usuario o contraseña incorrectos.';

/**
 * The console's sign-in (see /work/prompts/console-contract.md and the README's "Sesiones"):
 * POST /auth/sign-in sets the session cookie, POST /auth/sign-out clears it and withdraws its token, GET /auth/me says who
 * the session is. Requests to sign in are counted per client address before their body is read
 * (edge/sign-in-gate.ts).
 */
@Controller('auth')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: Tokens,
  ) {}

  @Post('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const bad = badBody(req.body);
    if (bad) return void res.status(400).json(bad);
    const { username, password } = req.body as { username: string; password: string };
    const result = await this.sessions.signIn(username, password);
    if (result.outcome === 'refused') return void res.status(401).json({ message: REFUSED });
    if (result.outcome === 'locked') {
      res.setHeader('retry-after', String(result.retryAfterSeconds));
      return void res
        .status(423)
        .json({ message: lockedMessage(result.retryAfterSeconds), retryAfterSeconds: result.retryAfterSeconds });
    }
    res.setHeader('set-cookie', sessionCookie(result.token, this.sessions.settings.lifetimeSeconds, isHttps(req)));
    res.setHeader('cache-control', 'no-store');
    res.status(204).end();
  }

  /**
   * Clears the cookie and withdraws the token it (or an Authorization header) carried, so that a
   * copy of it taken before is refused too; other sessions of the same user are not touched.
   */
  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { authorization } = requestAuthorization(req.headers);
    if (authorization) await this.sessions.signOut(authorization.replace(/^Bearer\s+/i, ''));
    res.setHeader('set-cookie', clearedSessionCookie(isHttps(req)));
    res.status(204).end();
  }

  @Get('me')
  async me(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    const { authorization } = requestAuthorization(req.headers);
    let principal: Principal;
    try {
      principal = authenticate(this.tokens, authorization);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return void res.status(401).json({ message: 'No ha iniciado sesión (o la sesión expiró).' });
    }
    const user = await this.sessions.describe(principal, authorization!.replace(/^Bearer\s+/i, ''));
    if (!user) return void res.status(401).json({ message: 'No ha iniciado sesión (o la sesión expiró).' });
    res.status(200).json(user);
  }
}

/** What is wrong with a sign-in body, naming the field, or null. */
function badBody(body: unknown): { message: string; field: 'username' | 'password' } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      message: 'La solicitud debe ser JSON (Content-Type: application/json) con "username" y "password".',
      field: 'username',
    };
  const { username, password } = body as Record<string, unknown>;
  if (typeof username !== 'string' || username.trim() === '')
    return { message: 'Falta el usuario.', field: 'username' };
  if (username.length > 64) return { message: 'El usuario tiene a lo más 64 caracteres.', field: 'username' };
  if (typeof password !== 'string' || password === '') return { message: 'Falta la contraseña.', field: 'password' };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { message: `La contraseña tiene a lo más ${PASSWORD_MAX_LENGTH} caracteres.`, field: 'password' };
  return null;
}

/**
 * Whether the browser reached us over https: directly, or through a proxy that says so. A client
 * lying about it only gets a cookie marked Secure, which its browser then keeps off plain http.
 */
const isHttps = (req: Request): boolean => req.secure === true || req.headers['x-forwarded-proto'] === 'https';
