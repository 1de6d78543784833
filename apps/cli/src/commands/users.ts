import { ROLES, hashPassword, normalUsername, passwordProblem } from '@seguimiento/auth';
import { defaultDatabaseUrl, redact } from '@seguimiento/infra/postgres';
import {
  type ListedUser,
  UserInputError,
  UserStore,
  checkUser,
  openDatabase,
  prepareUser,
} from '@seguimiento/persistence';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { parse } from '../args';
import type { Io } from '../io';
import { EXIT, HELP, ServerError, UsageError } from '../usage';

/** Where `users` reads the password and finds the database (replaced in tests). */
export interface UsersInput {
  env: NodeJS.ProcessEnv;
  /** Whether standard input is a terminal (then the password is asked without echo). */
  interactive: boolean;
  /** All of standard input (--password-stdin). */
  stdin(): Promise<string>;
  /** Asks `question` on the terminal and reads an answer without echoing it. */
  askHidden(question: string): Promise<string>;
}

const processInput: UsersInput = {
  env: process.env,
  interactive: process.stdin.isTTY === true,
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  askHidden,
};

const SUBCOMMANDS = ['add', 'passwd', 'disable', 'enable', 'list'] as const;

/**
 * The console's users, in PostgreSQL directly (an administrator's command, run on the server):
 * add, passwd, disable, enable, list. The database is DATABASE_URL, or the embedded one of
 * `npm start` (its credentials file in the data folder). Passwords come from a prompt without
 * echo, or from standard input with --password-stdin — never from the command line, where
 * `ps` and the shell's history would keep them.
 */
export async function users(args: string[], io: Io, input: UsersInput = processInput): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(HELP.users);
    return sub ? EXIT.OK : EXIT.USAGE;
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(sub))
    throw new UsageError(`subcomando desconocido "${sub}" (subcomandos: ${SUBCOMMANDS.join(', ')})`);
  const { values, positionals } = parse(
    rest,
    {
      role: { type: 'string' },
      ople: { type: 'string' },
      name: { type: 'string' },
      institution: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    sub === 'list' ? 0 : 1,
  );
  if (values.help) return (io.out(HELP.users), EXIT.OK);
  const allowed: Record<string, string[]> = {
    add: ['role', 'ople', 'name', 'institution', 'password-stdin'],
    passwd: ['password-stdin'],
  };
  for (const option of Object.keys(values))
    if (option !== 'help' && !(allowed[sub] ?? []).includes(option))
      throw new UsageError(`la opción --${option} no aplica a "users ${sub}"`);
  const username = sub === 'list' ? '' : normalUsername(positionals[0] ?? '');
  if (sub !== 'list' && !username) throw new UsageError(`falta USUARIO: seguimiento users ${sub} USUARIO`);
  if (sub === 'add') {
    if (!values.role) throw new UsageError(`falta --role: ${ROLES.join(', ')}`);
    if (!values.ople) throw new UsageError('falta --ople: la clave del OPLE (p. ej. GRO), o INE');
    if (!values.name) throw new UsageError('falta --name: el nombre de la persona, p. ej. --name "Ana López"');
  }
  const fields = { role: values.role!, ople: values.ople!, displayName: values.name!, institution: values.institution };
  if (sub === 'add') inputChecked(() => checkUser({ username, ...fields }));

  const db = await openCliDatabase(input.env);
  try {
    const store = new UserStore(db);
    // Whether the user exists is said before the password is asked for.
    const existing = sub === 'list' ? null : await store.find(username);
    if (sub === 'add' && existing) throw alreadyExists(username);
    if (sub !== 'add' && sub !== 'list' && !existing) throw noSuchUser(username);
    switch (sub) {
      case 'add': {
        const password = await readPassword(input, values['password-stdin'] === true, username);
        const user = await inputChecked(() => prepareUser({ username, password, ...fields }));
        if ((await store.add(user)) === 'exists') throw alreadyExists(username);
        io.out(
          `usuario ${username} creado: ${user.role} de ${user.ople ?? 'INE'} (${user.institution}), ${user.displayName}`,
        );
        return EXIT.OK;
      }
      case 'passwd': {
        const password = await readPassword(input, values['password-stdin'] === true, username);
        if (!(await store.setPassword(username, await hashPassword(password)))) throw noSuchUser(username);
        io.out(
          `contraseña de ${username} cambiada; los intentos fallidos y el bloqueo quedan en cero, y sus sesiones y tokens ya emitidos dejan de valer`,
        );
        return EXIT.OK;
      }
      case 'disable':
      case 'enable': {
        if (!(await store.setDisabled(username, sub === 'disable'))) throw noSuchUser(username);
        io.out(
          sub === 'disable'
            ? `usuario ${username} deshabilitado: ya no puede iniciar sesión, y sus sesiones y tokens ya emitidos dejan de valer`
            : `usuario ${username} habilitado: puede volver a iniciar sesión`,
        );
        return EXIT.OK;
      }
      default:
        for (const line of table(await store.list())) io.out(line);
        return EXIT.OK;
    }
  } finally {
    await db.destroy();
  }
}

/**
 * `check`'s result, with a UserInputError said as a usage error naming the option ("--role: …"
 * rather than "rol: …"); the user name and the password keep their own names.
 */
function inputChecked<T>(check: () => T): T {
  const said = (error: unknown): never => {
    if (!(error instanceof UserInputError)) throw error;
    throw new UsageError(
      error.field === 'password' || error.field === 'username'
        ? error.message
        : `--${error.field}: ${error.message.replace(/^[^:]+: /, '')}`,
    );
  };
  try {
    const result = check();
    return (result instanceof Promise ? result.catch(said) : result) as T;
  } catch (error) {
    return said(error);
  }
}

const alreadyExists = (username: string) =>
  new UsageError(`USUARIO: "${username}" ya existe (para cambiar su contraseña: seguimiento users passwd ${username})`);

const noSuchUser = (username: string) =>
  new UsageError(`USUARIO: no existe "${username}" (seguimiento users list muestra los que hay)`);

/** The password: from standard input (one trailing newline dropped), or asked twice without echo. */
async function readPassword(input: UsersInput, fromStdin: boolean, username: string): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = (await input.stdin()).replace(/\r?\n$/, '');
  } else {
    if (!input.interactive)
      throw new UsageError(
        'la contraseña se pide sin eco en una terminal; sin terminal, envíela por la entrada estándar con --password-stdin (nunca como argumento)',
      );
    password = await input.askHidden('Contraseña (al menos 12 caracteres): ');
    const weak = passwordProblem(password, username);
    if (weak) throw new UsageError(weak);
    if ((await input.askHidden('Repita la contraseña: ')) !== password)
      throw new UsageError('contraseña: las dos no coinciden; no se cambió nada');
  }
  const weak = passwordProblem(password, username);
  if (weak) throw new UsageError(weak);
  return password;
}

/** The database of DATABASE_URL, or npm start's embedded one (users, mail bounce). */
export async function openCliDatabase(env: NodeJS.ProcessEnv): Promise<DataSource> {
  let url: string;
  try {
    url = defaultDatabaseUrl(env);
  } catch (error) {
    throw new ServerError(
      `no se encontró la base de datos: ${(error as Error).message}; defina DATABASE_URL o ejecute el comando en la máquina de npm start`,
    );
  }
  try {
    // Two connections: openDatabase holds one for the migration lock while it migrates with the other.
    return await openDatabase(url, { poolSize: 2, applicationName: 'seguimiento-cli' });
  } catch (error) {
    throw new ServerError(
      `no se pudo abrir PostgreSQL en ${redact(url)} (${(error as Error).message}): ¿está corriendo npm start, o es otra la DATABASE_URL?`,
    );
  }
}

/** The users as a table (never their hashes), times in Mexico City. */
function table(list: ListedUser[]): string[] {
  if (list.length === 0) return ['no hay usuarios (seguimiento users add USUARIO --role … --ople … --name …)'];
  const now = new Date();
  const rows = list.map((u) => [
    u.username,
    u.displayName,
    u.role,
    u.ople ?? 'INE',
    u.institution,
    u.disabled
      ? 'deshabilitado'
      : u.lockedUntil && u.lockedUntil > now
        ? `bloqueado hasta ${local(u.lockedUntil, 'HH:mm')}`
        : u.failedAttempts > 0
          ? `activo (${u.failedAttempts} intentos fallidos)`
          : 'activo',
    local(u.createdAt, 'yyyy-MM-dd'),
  ]);
  const header = ['USUARIO', 'NOMBRE', 'ROL', 'OPLE', 'INSTITUCIÓN', 'ESTADO', 'ALTA'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const local = (date: Date, format: string): string =>
  DateTime.fromJSDate(date, { zone: 'America/Mexico_City' }).toFormat(format);

/** Reads a line from the terminal without echoing it (raw mode): Enter ends it, Ctrl-C cancels, Backspace erases. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let answer = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          done();
          return resolve(answer);
        }
        if (c === '\u0003') {
          done();
          return reject(new UsageError('cancelado; no se cambió nada'));
        }
        if (c === '\u007f' || c === '\b') answer = [...answer].slice(0, -1).join('');
        else answer += c;
      }
    };
    stdin.on('data', onData);
  });
}
