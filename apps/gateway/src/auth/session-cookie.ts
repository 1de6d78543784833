/** The cookie that carries a signed-in user's token: the same JWT the API accepts as a bearer. */
export const SESSION_COOKIE = 'seguimiento_session';

/** The header a request authenticated by the cookie must carry to change anything (POST /graphql). */
export const CSRF_HEADER = 'x-seguimiento-csrf';

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | string[] | undefined, name: string = SESSION_COOKIE): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** The Set-Cookie of a session: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), the whole site. */
export const sessionCookie = (token: string, maxAgeSeconds: number, secure: boolean): string =>
  `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;

/** The Set-Cookie that removes it. */
export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', 0, secure);

/** The headers a credential may come from. */
export interface CredentialHeaders {
  authorization?: string | string[];
  cookie?: string | string[];
}

/**
 * The request's credential as an Authorization value: the Authorization header when there is one
 * (API clients), else the session cookie as a bearer (the console) — `via` says which, since only
 * the cookie needs the CSRF and Origin checks (a browser sends it by itself; a bearer it never sends).
 */
export function requestAuthorization(headers: CredentialHeaders): {
  authorization: string | undefined;
  via: 'bearer' | 'cookie' | null;
} {
  const header = headers.authorization;
  if (typeof header === 'string' && header !== '') return { authorization: header, via: 'bearer' };
  const token = cookieValue(headers.cookie);
  return token ? { authorization: `Bearer ${token}`, via: 'cookie' } : { authorization: undefined, via: null };
}
