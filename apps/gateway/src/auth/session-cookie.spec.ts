import { sameOrigin } from '../live/socket-server';
import { sessionSettings } from '../session/session-settings';
import { clearedSessionCookie, cookieValue, requestAuthorization, sessionCookie } from './session-cookie';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, as long as the token; Secure over https', () => {
    expect(sessionCookie('abc.def.ghi', 43200, false)).toBe(
      'seguimiento_session=abc.def.ghi; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200',
    );
    expect(sessionCookie('t', 60, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toBe('seguimiento_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });

  it('is read from a Cookie header among others, and only by its exact name', () => {
    expect(cookieValue('a=1; seguimiento_session=tok.en.x; b=2')).toBe('tok.en.x');
    expect(cookieValue('xseguimiento_session=no; seguimiento_session_old=no')).toBeUndefined();
    expect(cookieValue('seguimiento_session=')).toBeUndefined();
    expect(cookieValue(undefined)).toBeUndefined();
  });

  it('stands for the bearer only when there is no Authorization header, and says which it was', () => {
    expect(requestAuthorization({ authorization: 'Bearer api', cookie: 'seguimiento_session=c' })).toEqual({
      authorization: 'Bearer api',
      via: 'bearer',
    });
    expect(requestAuthorization({ cookie: 'seguimiento_session=c' })).toEqual({
      authorization: 'Bearer c',
      via: 'cookie',
    });
    expect(requestAuthorization({ cookie: 'other=1' })).toEqual({ authorization: undefined, via: null });
  });
});

describe('the same-origin check of a WebSocket upgrade', () => {
  it('admits an Origin naming the Host the request was sent to', () => {
    expect(sameOrigin({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' })).toBe(true);
    expect(sameOrigin({ origin: 'https://seguimiento.ine.mx', host: 'seguimiento.ine.mx' })).toBe(true);
  });

  it.each([
    ['another site', { origin: 'https://evil.example', host: '127.0.0.1:4000' }],
    ['another port of the same host', { origin: 'http://127.0.0.1:5173', host: '127.0.0.1:4000' }],
    ['no Origin', { host: '127.0.0.1:4000' }],
    ['Origin "null" (a sandboxed page)', { origin: 'null', host: '127.0.0.1:4000' }],
    ['a host that only ends like ours', { origin: 'https://evil-seguimiento.ine.mx', host: 'seguimiento.ine.mx' }],
  ])('refuses %s', (_what, headers) => {
    expect(sameOrigin(headers)).toBe(false);
  });
});

describe('the session settings', () => {
  it('default to 12 hours, 5 failures and 15 minutes', () => {
    expect(sessionSettings({})).toEqual({ lifetimeSeconds: 43200, lockout: { maxFailures: 5, lockMs: 900_000 } });
  });

  it('are read from SESSION_HOURS, SIGN_IN_MAX_FAILURES and SIGN_IN_LOCKOUT_MINUTES', () => {
    expect(sessionSettings({ SESSION_HOURS: '8', SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCKOUT_MINUTES: '30' })).toEqual({
      lifetimeSeconds: 28800,
      lockout: { maxFailures: 3, lockMs: 1_800_000 },
    });
  });

  it.each(['0', '-1', '1.5', 'diez'])('refuses SIGN_IN_MAX_FAILURES=%s, naming the variable', (value) => {
    expect(() => sessionSettings({ SIGN_IN_MAX_FAILURES: value })).toThrow(/SIGN_IN_MAX_FAILURES/);
  });
});
