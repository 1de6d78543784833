/**
 * Who is signed in. The console's session is the HttpOnly cookie the gateway sets at
 * POST /auth/sign-in (the page never sees the token); GET /auth/me says who it belongs to.
 * A bearer token in sessionStorage (`seguimiento.token`) is honoured too, for API clients that
 * open the console with a token they already hold (the browser tests use it as well).
 */
export interface Session {
  username: string;
  displayName: string;
  role: string;
  /** The OPLE the user is confined to; null for INE users (they see all 32). */
  ople: string | null;
  institution: string;
  expiresAt: string | null;
  /** Set when the session is a bearer token rather than the cookie. */
  bearer: string | null;
}

export const TOKEN_KEY = 'seguimiento.token';

/** The header every request of the console carries (the gateway asks for it with the cookie). */
export const CSRF_HEADER = { 'x-seguimiento-csrf': '1' } as const;

function fromToken(token: string): Session | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub?: string;
      role?: string;
      institution?: string;
      exp?: number;
    };
    if (!payload.sub || !payload.role || !payload.institution) return null;
    if (payload.exp && payload.exp * 1000 < Date.now()) return null;
    return {
      username: payload.sub,
      displayName: payload.sub,
      role: payload.role,
      ople: payload.institution === 'INE' ? null : payload.institution,
      institution: payload.institution,
      expiresAt: payload.exp ? new Date(payload.exp * 1000).toISOString() : null,
      bearer: token,
    };
  } catch {
    return null;
  }
}

/** The current session, or null (then the console shows the sign-in page). */
export async function loadSession(): Promise<Session | null> {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored) {
    const session = fromToken(stored);
    if (session) return session;
    sessionStorage.removeItem(TOKEN_KEY);
  }
  try {
    const response = await fetch('/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status !== 200) return null;
    const me = (await response.json()) as Omit<Session, 'bearer'>;
    return { ...me, ople: me.ople ?? null, bearer: null };
  } catch {
    return null;
  }
}

export type SignInResult =
  { ok: true } | { ok: false; message: string; field?: 'username' | 'password'; retryAfterSeconds?: number };

/** POST /auth/sign-in; the gateway answers with the session cookie. */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/auth/sign-in', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...CSRF_HEADER },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, message: 'No hay conexión con el servidor. Revise la red e intente de nuevo.' };
  }
  if (response.status === 204 || response.status === 200) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    field?: 'username' | 'password';
    retryAfterSeconds?: number;
  };
  if (response.status === 404)
    return { ok: false, message: 'Este servidor no ofrece el ingreso con usuario y contraseña.' };
  return {
    ok: false,
    message: body.message ?? `El servidor no aceptó el ingreso (HTTP ${response.status}).`,
    field: body.field,
    retryAfterSeconds: body.retryAfterSeconds,
  };
}

/** Ends the session: the cookie (POST /auth/sign-out) and any stored token. */
export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
  await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { ...CSRF_HEADER } }).catch(
    () => undefined,
  );
}
