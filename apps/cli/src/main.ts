import type { Io } from './io';
import { writeFileSync } from 'node:fs';
import { directory } from './commands/directory';
import { files } from './commands/files';
import { ingest } from './commands/ingest';
import { mail } from './commands/mail';
import { report } from './commands/report';
import { review } from './commands/review';
import { status } from './commands/status';
import { users } from './commands/users';
import { EXIT, HELP, ServerError, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  ingest,
  report,
  status,
  directory,
  review,
  mail,
  users,
  files,
};

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
};

/** Runs one command; resolves to the exit code (0 done, 1 needs review, 2 usage or input, 3 server). */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main);
    return command ? EXIT.OK : EXIT.USAGE;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(
      `seguimiento: comando desconocido "${command}" (comandos: ${Object.keys(COMMANDS).join(', ')}; seguimiento --help)`,
    );
    return EXIT.USAGE;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`seguimiento ${command}: ${error.message}`);
      return EXIT.USAGE;
    }
    if (error instanceof ServerError) {
      io.err(`seguimiento ${command}: ${error.message}`);
      return EXIT.SERVER;
    }
    throw error;
  }
}
