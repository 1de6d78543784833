import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { localDateOf } from '@seguimiento/domain';
import { ensureDemoUsers } from '@seguimiento/infra/demo-tokens';
import { graphql } from '@seguimiento/infra/graphql-client';
import { type UsersInput, users } from '../../apps/cli/src/commands/users';
import { EXIT, ServerError, UsageError } from '../../apps/cli/src/usage';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The console's users and sessions against the real stack: the `users` command on the test
 * PostgreSQL, sign-in and its cookie (HttpOnly, SameSite=Strict), the cookie as a credential over
 * HTTP and WebSocket, CSRF and cross-site WebSocket refusals, the lockout, expiry and sign-out,
 * and an OPLE user's cookie confined to its OPLE.
 */
const PASSWORDS = {
  'supervisor.ine': 'clave-supervisor-ine-2024',
  'operador.gro': 'clave-operador-gro-2024',
  'bloqueo.gro': 'clave-bloqueo-gro-2024',
  'baja.gro': 'clave-baja-gro-2024',
  'revocada.gro': 'clave-revocada-gro-2024',
  'salida.gro': 'clave-salida-gro-2024',
  'cambio.gro': 'clave-cambio-gro-2024',
} as const;
type Name = keyof typeof PASSWORDS;

describe('console users and sessions', () => {
  let stack: TestStack;
  let base: string;
  const clients: Client[] = [];
  const today = localDateOf(new Date());

  /** `seguimiento users …` as the CLI runs it, on the test PostgreSQL, the password (if any) on standard input. */
  async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const input: UsersInput = {
      env: { DATABASE_URL: stack.databaseUrl },
      interactive: false,
      stdin: async () => stdin ?? '',
      askHidden: async () => {
        throw new Error('no terminal in tests');
      },
    };
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), writeFile: () => undefined };
    try {
      return { code: await users(args, io, input), out, err };
    } catch (error) {
      // What main() does with them.
      if (error instanceof UsageError) return { code: EXIT.USAGE, out, err: [...err, error.message] };
      if (error instanceof ServerError) return { code: EXIT.SERVER, out, err: [...err, error.message] };
      throw error;
    }
  }

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const signIn = (username: string, password: string, at = base) => post(`${at}/auth/sign-in`, { username, password });
  /** The Cookie header a browser would send back after this answer. */
  const cookieFrom = (response: Response): string => {
    const setCookie = response.headers.get('set-cookie');
    expect(setCookie).toMatch(/^seguimiento_session=[^;]+;/);
    return setCookie!.split(';')[0];
  };
  const sessionOf = async (name: Name, at = base) => {
    const response = await signIn(name, PASSWORDS[name], at);
    expect(response.status).toBe(204);
    return cookieFrom(response);
  };
  /** A GraphQL request as the console sends it: the cookie and the CSRF header. */
  const gqlWithCookie = <T = Record<string, unknown>>(cookie: string, query: string, variables = {}, at = base) =>
    graphql<T>(`${at}/graphql`, query, variables, { cookie, 'x-seguimiento-csrf': '1' });

  beforeAll(async () => {
    stack = await startTestStack();
    base = stack.graphqlUrl.replace(/\/graphql$/, '');
    const accounts: Array<[Name, string, string]> = [
      ['supervisor.ine', 'SUPERVISOR', 'INE'],
      ['operador.gro', 'OPERATOR', 'GRO'],
      ['bloqueo.gro', 'OPERATOR', 'GRO'],
      ['baja.gro', 'SUPERVISOR', 'GRO'],
      ['revocada.gro', 'OPERATOR', 'GRO'],
      ['salida.gro', 'OPERATOR', 'GRO'],
      ['cambio.gro', 'OPERATOR', 'GRO'],
    ];
    for (const [name, role, ople] of accounts) {
      const added = await cli(
        ['add', name, '--role', role, '--ople', ople, '--name', `Persona ${name}`, '--password-stdin'],
        `${PASSWORDS[name]}\n`,
      );
      expect(added).toMatchObject({ code: EXIT.OK, err: [] });
    }
    for (const [ople, n] of [
      ['GRO', 1],
      ['MEX', 2],
    ] as const) {
      const answer = await stack.gql(
        `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`,
        {
          input: {
            ople,
            deliverable: 6,
            versionKind: 'PROYECTO',
            oficioNumber: `OF/${ople}/SE/${100 + n}/2024`,
            submittedOn: today,
          },
        },
      );
      expect(answer.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
  });

  describe('the users command', () => {
    it('adds users (the password from standard input) and lists them without their hashes', async () => {
      const listed = await cli(['list']);
      expect(listed.code).toBe(EXIT.OK);
      expect(listed.out[0]).toMatch(/^USUARIO\s+NOMBRE\s+ROL\s+OPLE\s+INSTITUCIÓN\s+ESTADO\s+ALTA$/);
      expect(listed.out.find((l) => l.startsWith('supervisor.ine'))).toMatch(
        /^supervisor\.ine\s+Persona supervisor\.ine\s+SUPERVISOR\s+INE\s+INE\s+activo\s+\d{4}-\d{2}-\d{2}$/,
      );
      expect(listed.out.find((l) => l.startsWith('operador.gro'))).toMatch(/OPERATOR\s+GRO\s+IEPC Guerrero\s+activo/);
      expect(listed.out.join('\n')).not.toMatch(/argon2|clave-/);
      const [row] = await stack.db.query(`SELECT password_hash FROM users WHERE username = 'operador.gro'`);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      [
        'an existing user',
        ['add', 'operador.gro', '--role', 'OPERATOR', '--ople', 'GRO', '--name', 'Otra', '--password-stdin'],
        /USUARIO: "operador\.gro" ya existe/,
      ],
      [
        'an unknown role',
        ['add', 'ana.gro', '--role', 'JEFE', '--ople', 'GRO', '--name', 'Ana', '--password-stdin'],
        /--role: "JEFE" no es un rol \(SUPERVISOR, OPERATOR, ADMIN\)/,
      ],
      [
        'an unknown OPLE',
        ['add', 'ana.gro', '--role', 'OPERATOR', '--ople', 'XYZ', '--name', 'Ana', '--password-stdin'],
        /--ople: "XYZ" no es un OPLE conocido/,
      ],
      ['no --name', ['add', 'ana.gro', '--role', 'OPERATOR', '--ople', 'GRO', '--password-stdin'], /falta --name/],
      [
        'a bad user name',
        ['add', 'Ana López', '--role', 'OPERATOR', '--ople', 'GRO', '--name', 'Ana', '--password-stdin'],
        /usuario: "ana lópez" no es válido/,
      ],
      [
        'a short password',
        ['add', 'ana.gro', '--role', 'OPERATOR', '--ople', 'GRO', '--name', 'Ana', '--password-stdin'],
        /contraseña: debe tener al menos 12 caracteres \(tiene 5\)/,
        'corta',
      ],
      [
        'a password asked for without a terminal nor --password-stdin',
        ['add', 'ana.gro', '--role', 'OPERATOR', '--ople', 'GRO', '--name', 'Ana'],
        /sin terminal, envíela por la entrada estándar con --password-stdin/,
      ],
      ['the password as an argument', ['passwd', 'operador.gro', '--password', 'x'], /opción desconocida: --password/],
      ['passwd of nobody', ['passwd', 'nadie.gro', '--password-stdin'], /USUARIO: no existe "nadie\.gro"/],
      ['an option that does not apply', ['disable', 'operador.gro', '--role', 'ADMIN'], /--role no aplica/],
    ])(
      'refuses %s with exit 2 and the reason, changing nothing',
      async (_what, args, reason, stdin = 'una-clave-valida-123') => {
        const before = await stack.db.query('SELECT * FROM users ORDER BY username');
        const result = await cli(args, stdin);
        expect(result.code).toBe(EXIT.USAGE);
        expect(result.err.join('\n')).toMatch(reason);
        expect(await stack.db.query('SELECT * FROM users ORDER BY username')).toEqual(before);
      },
    );

    it('says which database it could not open (exit 3)', async () => {
      const result = await users(
        ['list'],
        { out: () => undefined, err: () => undefined, writeFile: () => undefined },
        {
          env: { DATABASE_URL: 'postgres://x:y@127.0.0.1:1/nada' },
          interactive: false,
          stdin: async () => '',
          askHidden: async () => '',
        },
      ).catch((error: Error) => error);
      expect(result).toBeInstanceOf(ServerError);
      expect((result as Error).message).toMatch(/no se pudo abrir PostgreSQL en postgres:\/\/x:\*\*\*@127\.0\.0\.1:1/);
    });
  });

  it('npm start’s demo users: created once, the same passwords on every start (kept 0600), a change said', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-demo-users-'));
    try {
      // supervisor.ine and operador.gro exist already (made by this file with other passwords): left as they are, and said so.
      const changed = 'its password was changed since (npx seguimiento users passwd)';
      const first = await ensureDemoUsers(stack.db, dataDir);
      expect(first.map((u) => [u.username, u.what, u.note])).toEqual([
        ['supervisor.ine', 'SUPERVISOR, all OPLEs', changed],
        ['operador.ine', 'OPERATOR, all OPLEs', null],
        ['comision.gro', 'SUPERVISOR, GRO only', null],
        ['operador.gro', 'OPERATOR, GRO only', changed],
      ]);
      expect((await signIn('supervisor.ine', PASSWORDS['supervisor.ine'])).status).toBe(204);
      const file = join(dataDir, 'demo-users.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8'))['comision.gro']).toBe(first[2].password);
      expect(first[2].password).toMatch(/^[\w-]{20}$/);
      const cookie = cookieFrom(await signIn('comision.gro', first[2].password));
      const me = await (await fetch(`${base}/auth/me`, { headers: { cookie } })).json();
      expect(me).toMatchObject({
        username: 'comision.gro',
        role: 'SUPERVISOR',
        ople: 'GRO',
        institution: 'IEPC Guerrero',
      });
      // A second start: nothing created, the same passwords; one changed since is said so.
      expect((await cli(['passwd', 'operador.ine', '--password-stdin'], 'cambiada-por-el-admin-1')).code).toBe(EXIT.OK);
      const second = await ensureDemoUsers(stack.db, dataDir);
      expect(second.map((u) => u.password)).toEqual(first.map((u) => u.password));
      expect(second.map((u) => u.note)).toEqual([changed, changed, null, changed]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Strict cookie holding a token the API accepts, and says who it is', async () => {
      const response = await signIn('Operador.GRO ', PASSWORDS['operador.gro']);
      expect(response.status).toBe(204);
      const setCookie = response.headers.get('set-cookie')!;
      expect(setCookie).toMatch(
        /^seguimiento_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/,
      );
      const cookie = cookieFrom(response);
      // The same signed token the API accepts as a bearer, with the same claims.
      const token = cookie.split('=')[1];
      expect(stack.tokens.verify(token)).toEqual({ subject: 'operador.gro', role: 'OPERATOR', institution: 'GRO' });
      const me = await fetch(`${base}/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      const body = await me.json();
      expect(body).toEqual({
        username: 'operador.gro',
        displayName: 'Persona operador.gro',
        role: 'OPERATOR',
        ople: 'GRO',
        institution: 'IEPC Guerrero',
        expiresAt: expect.any(String),
      });
      const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
      expect((await fetch(`${base}/auth/me`)).status).toBe(401);
    });

    it('answers a wrong password, an unknown user and a disabled account alike (401, one message)', async () => {
      expect((await cli(['disable', 'baja.gro'])).code).toBe(EXIT.OK);
      const answers = await Promise.all([
        signIn('supervisor.ine', 'no-es-la-clave-123'),
        signIn('nadie.ine', 'no-es-la-clave-123'),
        signIn('baja.gro', PASSWORDS['baja.gro']),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.headers.get('set-cookie')).toBeNull();
        expect(await answer.json()).toEqual({ message: 'Usuario o contraseña incorrectos.' });
      }
      expect((await cli(['list'])).out.find((l) => l.startsWith('baja.gro'))).toMatch(/deshabilitado/);
      expect((await cli(['enable', 'baja.gro'])).code).toBe(EXIT.OK);
      expect((await signIn('baja.gro', PASSWORDS['baja.gro'])).status).toBe(204);
    });

    it('withdraws, on `users disable`, the user’s open session, bearer tokens and WebSockets at once, and for good', async () => {
      const query = '{ documents { totalCount } }';
      const cookie = await sessionOf('revocada.gro');
      const bearer = {
        authorization: `Bearer ${stack.tokens.issue({ subject: 'revocada.gro', role: 'OPERATOR', institution: 'GRO' })}`,
      };
      const someoneElse = {
        authorization: `Bearer ${stack.tokens.issue({ subject: 'operador.gro', role: 'OPERATOR', institution: 'GRO' })}`,
      };
      const me = () => fetch(`${base}/auth/me`, { headers: { cookie } }).then((r) => r.status);
      /** A WebSocket with the bearer; `closed` gets its close code and reason. */
      const openSocket = async () => {
        const state = { acknowledged: false, closed: null as null | { code: number; reason: string } };
        const client = createClient({
          url: stack.graphqlUrl.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: bearer,
          retryAttempts: 0,
          on: {
            connected: () => (state.acknowledged = true),
            closed: (e) => (state.closed ??= { code: (e as CloseEvent).code, reason: (e as CloseEvent).reason }),
          },
        });
        clients.push(client);
        client.subscribe(
          { query: 'subscription { documentChanged { id } }' },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
        await waitFor(() => state.acknowledged || state.closed !== null, 10_000);
        return state;
      };
      // Before: the session, the bearer and the WebSocket all serve.
      expect((await gqlWithCookie(cookie, query)).errors).toBeUndefined();
      expect((await graphql(stack.graphqlUrl, query, {}, bearer)).errors).toBeUndefined();
      expect(await me()).toBe(200);
      const open = await openSocket();
      expect(open).toEqual({ acknowledged: true, closed: null });

      expect((await cli(['disable', 'revocada.gro'])).out).toEqual([
        'usuario revocada.gro deshabilitado: ya no puede iniciar sesión, y sus sesiones y tokens ya emitidos dejan de valer',
      ]);
      // The gateway hears of it through PostgreSQL's NOTIFY: no request of the user's is served once it has.
      await waitFor(async () => (await graphql(stack.graphqlUrl, query, {}, bearer)).errors !== undefined, 10_000);
      const refused = {
        message: 'Token no válido: el usuario está deshabilitado',
        extensions: { code: 'UNAUTHENTICATED' },
      };
      expect((await graphql(stack.graphqlUrl, query, {}, bearer)).errors?.[0]).toMatchObject(refused);
      expect((await gqlWithCookie(cookie, query)).errors?.[0]).toMatchObject(refused);
      expect(await me()).toBe(401);
      await waitFor(() => open.closed !== null, 10_000);
      expect(open.closed).toEqual({ code: 4401, reason: 'Token no válido: el usuario está deshabilitado' });
      expect(await openSocket()).toEqual({
        acknowledged: false,
        closed: { code: 4401, reason: 'Token no válido: el usuario está deshabilitado' },
      });
      // Another user of the same OPLE is not touched.
      expect((await graphql(stack.graphqlUrl, query, {}, someoneElse)).errors).toBeUndefined();

      // Enabled again: what was issued before the disable stays withdrawn; a new sign-in serves.
      expect((await cli(['enable', 'revocada.gro'])).code).toBe(EXIT.OK);
      await waitFor(
        async () => (await graphql(stack.graphqlUrl, query, {}, bearer)).errors?.[0]?.message !== refused.message,
        10_000,
      );
      const withdrawn = {
        message: expect.stringMatching(/^Token no válido: la sesión fue revocada/),
        extensions: { code: 'UNAUTHENTICATED' },
      };
      expect((await graphql(stack.graphqlUrl, query, {}, bearer)).errors?.[0]).toMatchObject(withdrawn);
      expect((await gqlWithCookie(cookie, query)).errors?.[0]).toMatchObject(withdrawn);
      expect(await me()).toBe(401);
      await new Promise((r) => setTimeout(r, 1100)); // a token's iat counts seconds: the next one is issued after the revocation's
      const again = await sessionOf('revocada.gro');
      expect((await gqlWithCookie(again, query)).errors).toBeUndefined();
    });

    it('takes about as long for an unknown user as for a wrong password (a dummy hash is verified)', async () => {
      const time = async (username: string) => {
        const t = process.hrtime.bigint();
        await signIn(username, 'no-es-la-clave-123');
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      // Warm up, then the median of a few of each, interleaved.
      await time('nadie.gro');
      const unknown: number[] = [];
      const known: number[] = [];
      for (let i = 0; i < 3; i++) {
        unknown.push(await time(`nadie${i}.gro`));
        known.push(await time('supervisor.ine'));
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
      // argon2id takes tens of milliseconds: without the dummy verification an unknown user answers in ~1 ms.
      expect(median(unknown)).toBeGreaterThan(median(known) / 3);
      await stack.db.query(`UPDATE users SET failed_attempts = 0 WHERE username = 'supervisor.ine'`);
    });

    it.each([
      ['no JSON at all', 'username=a&password=b', 'username', /debe ser JSON/],
      ['no username', { password: 'x' }, 'username', /Falta el usuario/],
      ['a username that is not a text', { username: ['a'], password: 'x' }, 'username', /Falta el usuario/],
      ['no password', { username: 'operador.gro' }, 'password', /Falta la contraseña/],
      ['a huge password', { username: 'operador.gro', password: 'x'.repeat(300) }, 'password', /a lo más 256/],
    ])('refuses a body with %s: 400 naming the field', async (_what, body, field, message) => {
      const response =
        typeof body === 'string'
          ? await fetch(`${base}/auth/sign-in`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body,
            })
          : await post(`${base}/auth/sign-in`, body);
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer).toEqual({ message: expect.stringMatching(message), field });
    });

    it('locks an account after 5 wrong passwords for 15 minutes, even against the right one', async () => {
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 5; i++) {
        last = await signIn('bloqueo.gro', `equivocada-numero-${i}`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const locked = await signIn('bloqueo.gro', PASSWORDS['bloqueo.gro']);
      expect(locked.status).toBe(423);
      expect(locked.headers.get('set-cookie')).toBeNull();
      const body = await locked.json();
      expect(body).toEqual({
        message: 'Cuenta bloqueada por intentos fallidos; intente de nuevo en 15 minutos.',
        retryAfterSeconds: expect.any(Number),
      });
      expect(body.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      expect(locked.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
      const [row] = await stack.db.query(
        `SELECT failed_attempts, locked_until > now() + interval '14 minutes' AS locked FROM users WHERE username = 'bloqueo.gro'`,
      );
      expect(row).toEqual({ failed_attempts: 5, locked: true });
      expect((await cli(['list'])).out.find((l) => l.startsWith('bloqueo.gro'))).toMatch(/bloqueado hasta \d\d:\d\d/);
      // An administrator's new password lifts the lock.
      expect((await cli(['passwd', 'bloqueo.gro', '--password-stdin'], 'otra-clave-de-bloqueo-2024')).code).toBe(
        EXIT.OK,
      );
      expect((await signIn('bloqueo.gro', 'otra-clave-de-bloqueo-2024')).status).toBe(204);
      expect((await signIn('bloqueo.gro', PASSWORDS['bloqueo.gro'])).status).toBe(401);
    });

    it('locks a user name that does not exist the same way, so the lockout does not tell who exists', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await signIn('fantasma.gro', `equivocada-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    });

    it('follows the configured lockout and lifetime: the lock runs out, and so does the session', async () => {
      const other = await stack.anotherGateway({
        session: { lifetimeSeconds: 2, lockout: { maxFailures: 2, lockMs: 1500 } },
      });
      const at = other.url.replace(/\/graphql$/, '');
      expect((await signIn('operador.gro', 'equivocada-uno-1', at)).status).toBe(401);
      const locked = await signIn('operador.gro', 'equivocada-dos-2', at);
      expect(locked.status).toBe(423);
      expect((await locked.json()).message).toBe(
        'Cuenta bloqueada por intentos fallidos; intente de nuevo en 1 minuto.',
      );
      await new Promise((r) => setTimeout(r, 1600));
      const response = await signIn('operador.gro', PASSWORDS['operador.gro'], at);
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toMatch(/Max-Age=2$/);
      const cookie = cookieFrom(response);
      expect((await gqlWithCookie(cookie, '{ documents { totalCount } }', {}, at)).errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 3100));
      const expired = await gqlWithCookie(cookie, '{ documents { totalCount } }', {}, at);
      expect(expired.errors?.[0]).toMatchObject({
        message: 'Token no válido: el token expiró',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect((await fetch(`${at}/auth/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('counts sign-in attempts against the per-address allowance, before reading the body (429)', async () => {
      const other = await stack.anotherGateway({ anonymousRateLimitPerMinute: 2 });
      const at = other.url.replace(/\/graphql$/, '');
      expect((await signIn('operador.gro', 'equivocada-1-abc', at)).status).toBe(401);
      expect((await signIn('operador.gro', 'equivocada-2-abc', at)).status).toBe(401);
      const limited = await signIn('operador.gro', PASSWORDS['operador.gro'], at);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).message).toMatch(/^Demasiados intentos de inicio de sesión desde esta dirección/);
    });

    it('signs out: the cookie is cleared, and its token is refused from then on; the user’s other session is not', async () => {
      const query = '{ documents { totalCount } }';
      const leaving = await sessionOf('salida.gro');
      const elsewhere = await sessionOf('salida.gro');
      expect((await gqlWithCookie(leaving, query)).errors).toBeUndefined();
      const response = await fetch(`${base}/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: leaving, 'x-seguimiento-csrf': '1' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toBe(
        'seguimiento_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
      );
      // A copy of the cookie kept from before (a stolen one, say) no longer serves.
      await waitFor(async () => (await gqlWithCookie(leaving, query)).errors !== undefined, 10_000);
      expect((await gqlWithCookie(leaving, query)).errors?.[0]).toMatchObject({
        message: 'Token no válido: la sesión fue cerrada; inicie sesión de nuevo',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect((await fetch(`${base}/auth/me`, { headers: { cookie: leaving } })).status).toBe(401);
      expect((await gqlWithCookie(elsewhere, query)).errors).toBeUndefined();
      // Signing out without a session, or twice, is harmless.
      expect((await fetch(`${base}/auth/sign-out`, { method: 'POST' })).status).toBe(204);
      expect((await fetch(`${base}/auth/sign-out`, { method: 'POST', headers: { cookie: leaving } })).status).toBe(204);
    });

    it('withdraws, on `users passwd`, every session and token issued before the change', async () => {
      const query = '{ documents { totalCount } }';
      const before = await sessionOf('cambio.gro');
      expect((await gqlWithCookie(before, query)).errors).toBeUndefined();
      expect((await cli(['passwd', 'cambio.gro', '--password-stdin'], 'otra-clave-cambio-2024')).out).toEqual([
        'contraseña de cambio.gro cambiada; los intentos fallidos y el bloqueo quedan en cero, y sus sesiones y tokens ya emitidos dejan de valer',
      ]);
      await waitFor(async () => (await gqlWithCookie(before, query)).errors !== undefined, 10_000);
      expect((await gqlWithCookie(before, query)).errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^Token no válido: la sesión fue revocada \(usuario deshabilitado o contraseña cambiada\)/,
        ),
      });
      await new Promise((r) => setTimeout(r, 1100)); // a token's iat counts seconds: the next one is issued after the revocation's
      expect((await signIn('cambio.gro', PASSWORDS['cambio.gro'])).status).toBe(401);
      const response = await signIn('cambio.gro', 'otra-clave-cambio-2024');
      expect(response.status).toBe(204);
      expect((await gqlWithCookie(cookieFrom(response), query)).errors).toBeUndefined();
    });
  });

  describe('the cookie as a credential', () => {
    it('serves GraphQL queries, and mutations with the CSRF header', async () => {
      const cookie = await sessionOf('operador.gro');
      const read = await gqlWithCookie(cookie, '{ documents { totalCount edges { node { ople } } } }');
      expect(read.errors).toBeUndefined();
      const write = await gqlWithCookie(
        cookie,
        `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`,
        {
          input: {
            ople: 'GRO',
            deliverable: 7,
            versionKind: 'PROYECTO',
            oficioNumber: 'OF/GRO/SE/201/2024',
            submittedOn: today,
          },
        },
      );
      expect(write.errors).toBeUndefined();
      const [event] = await stack.db.query(
        `SELECT metadata->>'actor' AS actor FROM events WHERE stream_id = 'document:GRO:e7-proyecto' AND type = 'DocumentSubmitted'`,
      );
      expect(event.actor).toBe('operador.gro');
    });

    it('refuses a POST with the cookie but without the CSRF header (403), and records nothing', async () => {
      const cookie = await sessionOf('operador.gro');
      const mutation = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`;
      const input = {
        ople: 'GRO',
        deliverable: 8,
        versionKind: 'PROYECTO',
        oficioNumber: 'OF/GRO/SE/301/2024',
        submittedOn: today,
      };
      // A JSON content type is not enough, nor is a form another site could post.
      for (const contentType of ['application/json', 'text/plain']) {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': contentType, cookie },
          body: JSON.stringify({ query: mutation, variables: { input } }),
        });
        expect(response.status).toBe(403);
        expect((await response.json()).errors[0]).toEqual({
          message: expect.stringMatching(/debe llevar el encabezado x-seguimiento-csrf: 1.*CSRF/),
          extensions: { code: 'FORBIDDEN' },
        });
      }
      const bad = await graphql(`${base}/graphql`, mutation, { input }, { cookie, 'x-seguimiento-csrf': 'true' });
      expect(bad.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await stack.db.query(`SELECT 1 FROM events WHERE stream_id = 'document:GRO:e8-proyecto'`)).toEqual([]);
      // A bearer needs no such header: a browser never sends it by itself.
      const bearer = stack.tokens.issue({ subject: 'api@iepc-gro', role: 'OPERATOR', institution: 'GRO' });
      expect((await stack.gqlAs(bearer, '{ documents { totalCount } }')).errors).toBeUndefined();
    });

    it('confines an OPLE user’s cookie to its OPLE', async () => {
      const cookie = await sessionOf('operador.gro');
      const mine = await gqlWithCookie<{ documents: { edges: Array<{ node: { ople: string } }> } }>(
        cookie,
        '{ documents { edges { node { ople } } } }',
      );
      expect(new Set(mine.data!.documents.edges.map((e) => e.node.ople))).toEqual(new Set(['GRO']));
      const other = await gqlWithCookie(cookie, '{ documents(filter: { ople: "MEX" }) { totalCount } }');
      expect(other.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/pertenece a GRO: no puede consultar ni registrar información de MEX/),
        extensions: { code: 'FORBIDDEN' },
      });
      const ine = await gqlWithCookie<{ documents: { totalCount: number } }>(
        await sessionOf('supervisor.ine'),
        '{ documents(filter: { ople: "MEX" }) { totalCount } }',
      );
      expect(ine.data!.documents.totalCount).toBe(1);
    });

    /** A graphql-ws client whose upgrade request carries these headers (as a browser sends its cookie and Origin). */
    function socket(headers: Record<string, string>) {
      class WithHeaders extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
      const client = createClient({
        url: stack.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WithHeaders,
        retryAttempts: 0,
      });
      clients.push(client);
      const received: unknown[] = [];
      const errors: unknown[] = [];
      client.subscribe(
        { query: 'subscription { documentChanged { id ople } }' },
        { next: (v) => received.push(v), error: (e) => errors.push(e), complete: () => undefined },
      );
      return { received, errors };
    }

    it('serves a subscription over a WebSocket opened from the same origin', async () => {
      const cookie = await sessionOf('operador.gro');
      const live = socket({ cookie, origin: base });
      await new Promise((r) => setTimeout(r, 500));
      const answer = await stack.gql(
        `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`,
        {
          input: {
            ople: 'GRO',
            deliverable: 9,
            versionKind: 'PROYECTO',
            oficioNumber: 'OF/GRO/SE/401/2024',
            submittedOn: today,
          },
        },
      );
      expect(answer.errors).toBeUndefined();
      await waitFor(() => live.received.length > 0 || live.errors.length > 0, 10_000);
      expect(live.errors).toEqual([]);
      expect(live.received[0]).toEqual({ data: { documentChanged: { id: 'document:GRO:e9-proyecto', ople: 'GRO' } } });
    });

    it.each([
      ['another site', 'https://evil.example'],
      ['another port of this host (another application)', 'http://127.0.0.1:1'],
      ['no Origin at all', null],
    ])('refuses a WebSocket with the cookie from %s (4403), never acknowledged', async (_what, origin) => {
      const cookie = await sessionOf('supervisor.ine');
      const hijack = socket(origin ? { cookie, origin } : { cookie });
      await waitFor(() => hijack.errors.length > 0 || hijack.received.length > 0, 10_000);
      expect(hijack.received).toEqual([]);
      expect(hijack.errors[0]).toMatchObject({
        code: 4403,
        reason: expect.stringMatching(/la cookie de sesión solo vale desde la consola de este mismo servidor/),
      });
    });

    it('still takes a bearer in the connection parameters from any origin', async () => {
      const client = createClient({
        url: stack.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { origin: 'https://otra.example' } });
          }
        },
        connectionParams: { authorization: `Bearer ${stack.adminToken}` },
        retryAttempts: 0,
      });
      clients.push(client);
      const result = await new Promise((resolve, reject) => {
        client.subscribe(
          { query: '{ documents { totalCount } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toMatchObject({ data: { documents: { totalCount: expect.any(Number) } } });
    });
  });
});
